// Generates a large but valid policy (for the validate and LSP benchmarks): the example onboarding
// policy plus enough content categories and terms to reach the requested line count.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const base = readFileSync(fileURLToPath(new URL('../examples/policies/onboarding.qungui.yaml', import.meta.url)), 'utf8');

/** Deterministic pseudo-words (CJK syllables + a counter) so no two terms normalize alike. */
function term(i) {
  const syllables = '培训课程讲师作业考核学员资料直播讨论答疑反馈进度目标计划复盘案例实践';
  const a = syllables[i % syllables.length];
  const b = syllables[Math.floor(i / syllables.length) % syllables.length];
  return `${a}${b}词${i}`;
}

export function generatePolicy(lines) {
  const out = [base.replace('  categories:\n', '  categories:\n' + '__GENERATED__')];
  let generated = '';
  let count = base.split('\n').length;
  let category = 0;
  let i = 0;
  while (count < lines) {
    generated += `    - id: generated-${category}\n      label: 生成类别${category}\n      clause: N4\n      severity: warning\n      terms:\n`;
    count += 5;
    for (let k = 0; k < 40 && count < lines; k++, i++, count++) generated += `        - ${term(i)}\n`;
    category++;
  }
  return out[0].replace('__GENERATED__', generated);
}
