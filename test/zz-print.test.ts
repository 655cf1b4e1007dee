import { readFileSync, readdirSync } from 'node:fs';
import { it } from 'vitest';
import { validatePolicies } from '../engine/src/policy/validate.js';
it('print', () => {
  const dir = 'test/fixtures/invalid/';
  const out: string[] = [];
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
    const text = readFileSync(dir + name, 'utf8');
    for (const v of validatePolicies([{ file: name, text }])) out.push(`${name}: ${v.diagnostics.map((d) => `${d.code} ${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} | ${d.message['zh-CN']} | ${d.message.en}${d.fix ? ' [fix:' + JSON.stringify(d.fix.edits.map(e=>e.newText)) + ']' : ''}`).join('\n    ')}`);
  }
  const cf = readdirSync(dir + 'cross-file').sort().map((n) => ({ file: n, text: readFileSync(dir + 'cross-file/' + n, 'utf8') }));
  for (const v of validatePolicies(cf)) out.push(`cross ${v.file}: ${v.diagnostics.map((d) => `${d.code} ${d.range.start.line + 1}:${d.range.start.character + 1}`).join(', ')}`);
  for (const name of readdirSync('examples/policies').sort()) {
    const v = validatePolicies([{ file: name, text: readFileSync('examples/policies/' + name, 'utf8') }])[0]!;
    out.push(`example ${name}: ${v.diagnostics.map((d) => `${d.code} ${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message.en}`).join('\n   ')}`);
  }
  console.log(out.join('\n'));
});
