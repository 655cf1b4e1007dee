import ts from 'typescript';
import fs from 'node:fs';
const HAN = /\p{Script=Han}/u;
for (const f of process.argv.slice(2)) {
  const src = ts.createSourceFile(f, fs.readFileSync(f, 'utf8'), ts.ScriptTarget.Latest, true);
  const visit = (n) => {
    if (ts.isTemplateExpression(n) && HAN.test([n.head.text, ...n.templateSpans.map((s) => s.literal.text)].join(''))) {
      const { line } = src.getLineAndCharacterOfPosition(n.getStart());
      console.log(`${f}:${line + 1}: ${n.getText().slice(0, 110).replace(/\n/g, '⏎')}`);
    }
    ts.forEachChild(n, visit);
  };
  visit(src);
}
