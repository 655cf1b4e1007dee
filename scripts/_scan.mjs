import ts from 'typescript';
import fs from 'node:fs';
import path from 'node:path';
const files = process.argv.slice(2);
let stat = { lit: 0, tpl: 0, files: {} };
const HAN = /\p{Script=Han}/u;
for (const f of files) {
  const src = ts.createSourceFile(f, fs.readFileSync(f, 'utf8'), ts.ScriptTarget.Latest, true);
  let l = 0, tp = 0;
  const visit = (n) => {
    if ((ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) && HAN.test(n.text)) l++;
    if (ts.isTemplateExpression(n) && HAN.test(n.getText())) tp++;
    ts.forEachChild(n, visit);
  };
  visit(src);
  if (l + tp) stat.files[f] = [l, tp];
  stat.lit += l; stat.tpl += tp;
}
console.log(stat.lit, stat.tpl);
for (const [f, [a, b]] of Object.entries(stat.files).sort((x, y) => (y[1][0] + y[1][1]) - (x[1][0] + x[1][1]))) console.log(a, b, f);
