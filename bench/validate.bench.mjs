// npm run bench: start-up of `qungui validate` on one file as a ratio to a bare `node -e 0` (goal ≤ 3),
// and in-process validation of a generated 3,000-line policy. Figures end the output as name: value.
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { generatePolicy } from './generate-policy.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = `${root}engine/bin/qungui.js`;
const file = 'examples/policies/onboarding.qungui.yaml';
const runs = Number(process.env.BENCH_RUNS ?? 15);

function time(args) {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'ignore' });
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}`);
  return performance.now() - start;
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

execFileSync(process.execPath, [cli, 'validate', file], { cwd: root, stdio: 'ignore' }); // warm the file cache
const bare = [];
const validate = [];
for (let i = 0; i < runs; i++) {
  // Interleaved so both see the same machine load.
  bare.push(time(['-e', '0']));
  validate.push(time([cli, 'validate', file]));
}
const bareMs = median(bare);
const validateMs = median(validate);

const { validatePolicy } = await import(`${root}engine/dist/index.js`);
const text = generatePolicy(3000);
const lines = text.split('\n').length;
const check = validatePolicy({ file: 'generated.qungui.yaml', text });
const errors = check.diagnostics.filter((d) => d.severity === 'error');
if (errors.length) throw new Error(`generated policy is not clean: ${errors[0].code} ${errors[0].message.en}`);
for (let i = 0; i < 3; i++) validatePolicy({ file: 'generated.qungui.yaml', text });
const inProcess = [];
for (let i = 0; i < runs; i++) {
  const start = performance.now();
  validatePolicy({ file: 'generated.qungui.yaml', text });
  inProcess.push(performance.now() - start);
}

console.log(`node -e 0 (median of ${runs}): ${bareMs.toFixed(1)} ms`);
console.log(`qungui validate ${file} (median of ${runs}): ${validateMs.toFixed(1)} ms`);
console.log(`generated policy: ${lines} lines, validate median of ${runs}: ${median(inProcess).toFixed(1)} ms`);
console.log(`validate-startup-ratio: ${(validateMs / bareMs).toFixed(2)}`);
console.log(`validate-3000-lines-ms: ${median(inProcess).toFixed(1)}`);
