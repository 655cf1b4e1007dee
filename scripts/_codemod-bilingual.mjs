// One-off: "中文 / English" literals → localized(zh, en, params) (ICU), for error texts.
import ts from 'typescript';
import fs from 'node:fs';
import path from 'node:path';
const HAN = /\p{Script=Han}/u;
const escapeIcu = (s) => s.replace(/'/g, "''").replace(/[{}]/g, (c) => `'${c}'`);
const lit = (s) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
function baseName(e) {
  while (ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e) || ts.isAsExpression(e)) e = e.expression;
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  if (ts.isCallExpression(e)) {
    const c = e.expression;
    if (ts.isIdentifier(c)) return c.text;
    if (ts.isPropertyAccessExpression(c)) return ['join', 'map', 'slice'].includes(c.name.text) ? baseName(c.expression) : c.name.text;
  }
  return 'value';
}
for (const file of process.argv.slice(2)) {
  const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const text = sf.getFullText();
  const edits = [];
  const visit = (node) => {
    const isTpl = ts.isTemplateExpression(node);
    const isStr = ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node);
    if ((isTpl || isStr) && ts.isNewExpression(node.parent) && /Error|Refused/.test(node.parent.expression.getText(sf))) {
      // Pieces: static strings and expressions.
      const pieces = isTpl ? [node.head.text, ...node.templateSpans.flatMap((s) => [s.expression, s.literal.text])] : [node.text];
      const statics = pieces.filter((p) => typeof p === 'string');
      const splitAt = statics.filter((p) => p.includes(' / ') || p.includes('/ '));
      if (HAN.test(statics.join('')) && splitAt.length === 1) {
        const names = new Map();
        const used = new Set();
        const values = [];
        let zh = '';
        let en = '';
        let side = 'zh';
        for (const p of pieces) {
          if (typeof p === 'string') {
            const sep = p.includes(' / ') ? ' / ' : p.includes('/ ') ? '/ ' : null;
            if (sep && side === 'zh') {
              const i = p.indexOf(sep);
              zh += escapeIcu(p.slice(0, i));
              en += escapeIcu(p.slice(i + sep.length));
              side = 'en';
            } else if (side === 'zh') zh += escapeIcu(p);
            else en += escapeIcu(p);
          } else {
            const src = p.getText(sf);
            let name = names.get(src);
            if (!name) {
              const base = baseName(p);
              name = base;
              let k = 2;
              while (used.has(name)) name = `${base}${k++}`;
              used.add(name);
              names.set(src, name);
              values.push(name === src ? name : `${name}: String(${src})`);
            }
            if (side === 'zh') zh += `{${name}}`;
            else en += `{${name}}`;
          }
        }
        const args = values.length ? `${lit(zh.trimEnd())}, ${lit(en)}, { ${values.join(', ')} }` : `${lit(zh.trimEnd().replace(/''/g, "'"))}, ${lit(en.replace(/''/g, "'"))}`;
        edits.push([node.getStart(sf), node.getEnd(), `localized(${args})`]);
        return;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  if (!edits.length) continue;
  let out = text;
  for (const [s, e, r] of edits.sort((x, y) => y[0] - x[0])) out = out.slice(0, s) + r + out.slice(e);
  const rel = path.relative(path.dirname(file), 'engine/src/i18n/localized-text.js');
  const spec = rel.startsWith('.') ? rel : `./${rel}`;
  if (!new RegExp(`import \\{[^}]*\\blocalized\\b[^}]*\\} from`).test(out)) {
    const lines = out.split('\n');
    let last = -1;
    lines.forEach((l, i) => { if (/^import .* from '.*';$/.test(l)) last = i; });
    lines.splice(last + 1, 0, `import { localized } from '${spec}';`);
    out = lines.join('\n');
  }
  fs.writeFileSync(file, out);
  console.log(file, edits.length);
}
