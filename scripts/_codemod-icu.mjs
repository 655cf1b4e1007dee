// One-off codemod: LocalizedText object literals → localized(); template literals in t()/say() → ICU.
import ts from 'typescript';
import fs from 'node:fs';
import path from 'node:path';

const tsconfigs = ['engine/tsconfig.json', 'extension/tsconfig.json'];
const files = new Set(process.argv.slice(2).map((f) => path.resolve(f)));
const programs = tsconfigs.map((c) => {
  const cfg = ts.getParsedCommandLineOfConfigFile(c, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  return ts.createProgram(cfg.fileNames, cfg.options);
});

function escapeIcu(s) {
  return s.replace(/'/g, "''").replace(/[{}]/g, (c) => `'${c}'`);
}

function propName(p) {
  if (!ts.isPropertyAssignment(p)) return undefined;
  const n = p.name;
  if (ts.isStringLiteral(n) || ts.isIdentifier(n)) return n.text;
  return undefined;
}

function baseName(expr) {
  let e = expr;
  while (ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e) || ts.isAsExpression(e)) e = e.expression;
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  if (ts.isCallExpression(e)) {
    const c = e.expression;
    if (ts.isIdentifier(c)) return c.text;
    if (ts.isPropertyAccessExpression(c)) {
      if (['join', 'toFixed', 'toString', 'slice', 'map'].includes(c.name.text)) return baseName(c.expression);
      return c.name.text;
    }
  }
  return 'value';
}

for (const program of programs) {
  const checker = program.getTypeChecker();
  for (const sf of program.getSourceFiles()) {
    if (!files.has(path.resolve(sf.fileName))) continue;
    files.delete(path.resolve(sf.fileName));
    const text = sf.getFullText();
    const edits = [];
    let needLocalized = false;
    let needSay = false;

    const isStringish = (expr) => {
      const type = checker.getTypeAtLocation(expr);
      const ok = (t) => (t.flags & (ts.TypeFlags.StringLike | ts.TypeFlags.NumberLike)) !== 0;
      return type.isUnion() ? type.types.every(ok) : ok(type);
    };

    // Convert a list of string-ish nodes (StringLiteral, NoSubstitutionTemplate, TemplateExpression) to ICU.
    function toIcu(nodes) {
      const params = new Map(); // exprText -> name
      const values = new Map(); // name -> expr source
      const used = new Set();
      const anyTemplate = nodes.some((n) => ts.isTemplateExpression(n));
      if (!anyTemplate) return undefined;
      const out = nodes.map((n) => {
        if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) return escapeIcu(n.text);
        if (!ts.isTemplateExpression(n)) return null;
        let s = escapeIcu(n.head.text);
        for (const span of n.templateSpans) {
          const src = span.expression.getText(sf);
          let name = params.get(src);
          if (!name) {
            let base = baseName(span.expression);
            name = base;
            let i = 2;
            while (used.has(name)) name = `${base}${i++}`;
            used.add(name);
            params.set(src, name);
            const wrap = isStringish(span.expression) ? src : `String(${src})`;
            values.set(name, wrap);
          }
          s += `{${name}}` + escapeIcu(span.literal.text);
        }
        return s;
      });
      if (out.includes(null)) return null;
      const entries = [...values].map(([k, v]) => (k === v ? k : `${k}: ${v}`));
      return { strings: out, params: `{ ${entries.join(', ')} }` };
    }

    const lit = (s) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
    const isTextNode = (n) => ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) || ts.isTemplateExpression(n);

    const visit = (node) => {
      if (ts.isObjectLiteralExpression(node) && node.properties.length === 2) {
        const names = node.properties.map(propName);
        const zhP = node.properties[names.indexOf('zh-CN')];
        const enP = node.properties[names.indexOf('en')];
        if (names.includes('zh-CN') && names.includes('en') && isTextNode(zhP.initializer) && isTextNode(enP.initializer)) {
          const icu = toIcu([zhP.initializer, enP.initializer]);
          if (icu === null) return ts.forEachChild(node, visit);
          const args = icu ? `${lit(icu.strings[0])}, ${lit(icu.strings[1])}, ${icu.params}` : `${zhP.initializer.getText(sf)}, ${enP.initializer.getText(sf)}`;
          edits.push([node.getStart(sf), node.getEnd(), `localized(${args})`]);
          needLocalized = true;
          return;
        }
      }
      if (ts.isConditionalExpression(node) && isTextNode(node.whenTrue) && isTextNode(node.whenFalse)) {
        const c = node.condition.getText(sf).replace(/\s+/g, ' ');
        let m;
        let locale;
        let zhFirst = true;
        if ((m = /^zh\(([\w.]+)\)$/.exec(c))) locale = m[1];
        else if ((m = /^([\w.]+) === 'zh-CN'$/.exec(c))) locale = m[1];
        else if ((m = /^([\w.]+) !== 'en'$/.exec(c))) locale = m[1];
        else if ((m = /^([\w.]+) === 'en'$/.exec(c))) (locale = m[1]), (zhFirst = false);
        else if (c === 'zh' && (m = /const zh = ([\w.]+) (===|!==) '(zh-CN|en)'/.exec(text))) locale = m[1];
        if (locale) {
          const [zhN, enN] = zhFirst ? [node.whenTrue, node.whenFalse] : [node.whenFalse, node.whenTrue];
          const icu = toIcu([zhN, enN]);
          if (icu !== null) {
            const args = icu ? `${lit(icu.strings[0])}, ${lit(icu.strings[1])}, ${icu.params}` : `${zhN.getText(sf)}, ${enN.getText(sf)}`;
            edits.push([node.getStart(sf), node.getEnd(), `say(${locale}, ${args})`]);
            needSay = true;
            return;
          }
        }
      }
      if (ts.isCallExpression(node)) {
        const callee = node.expression.getText(sf);
        const a = node.arguments;
        let idx = null;
        if ((callee === 't' || callee === 'ctx.t') && a.length === 2) idx = [0, 1];
        if (callee === 'say' && a.length === 3) idx = [1, 2];
        if (idx && idx.every((i) => isTextNode(a[i]))) {
          const icu = toIcu(idx.map((i) => a[i]));
          if (icu) {
            edits.push([a[idx[0]].getStart(sf), a[idx[1]].getEnd(), `${lit(icu.strings[0])}, ${lit(icu.strings[1])}, ${icu.params}`]);
            return;
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
    if (!edits.length) continue;
    let out = text;
    for (const [s, e, r] of edits.sort((x, y) => y[0] - x[0])) out = out.slice(0, s) + r + out.slice(e);
    const importsText = text.split('\n').filter((l) => l.startsWith('import')).join('\n');
    const wanted = [needLocalized && !/\blocalized\b/.test(importsText) && 'localized', needSay && !/\bsay\b/.test(importsText) && 'say'].filter(Boolean);
    if (wanted.length) {
      const rel = path.relative(path.dirname(sf.fileName), path.resolve('engine/src/i18n/localized-text.js')).replace(/\\/g, '/');
      const spec = rel.startsWith('.') ? rel : `./${rel}`;
      const m = out.match(new RegExp(`import \\{([^}]*)\\} from '${spec.replace(/\./g, '\\.')}';`));
      if (m) out = out.replace(m[0], `import {${m[1].trimEnd()}, ${wanted.join(', ')} } from '${spec}';`);
      else {
        const lines = out.split('\n');
        let last = -1;
        lines.forEach((l, i) => {
          if (/^import .* from '.*';$/.test(l)) last = i;
        });
        lines.splice(last + 1, 0, `import { ${wanted.join(', ')} } from '${spec}';`);
        out = lines.join('\n');
      }
    }
    fs.writeFileSync(sf.fileName, out);
    console.log(sf.fileName, edits.length);
  }
}
