// Generates, from schemas/policy.schema.json:
//  - engine/src/policy/policy-types.generated.ts (json-schema-to-typescript), the Policy types;
//  - engine/src/policy/policy-validator.generated.cjs (ajv standalone code), so the CLI does not pay
//    for compiling the schema at every start (measured: ~60 ms of a ~50 ms `node -e 0`).
// `--check` fails (exit 1) when a committed file differs from what the schema gives: run in `npm test`.
import { compile } from 'json-schema-to-typescript';
import { Ajv } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const schemaFile = `${root}schemas/policy.schema.json`;
const outFile = `${root}engine/src/policy/policy-types.generated.ts`;
const validatorFile = `${root}engine/src/policy/policy-validator.generated.cjs`;
const check = process.argv.includes('--check');

const schema = JSON.parse(readFileSync(schemaFile, 'utf8'));
const banner = '// GENERATED from schemas/policy.schema.json by scripts/gen-types.mjs. Do not edit; run `npm run gen:types`.\n';
const body = await compile(schema, 'Policy', {
  bannerComment: '',
  additionalProperties: false,
  unreachableDefinitions: false,
  ignoreMinAndMaxItems: true,
  format: true,
  style: { singleQuote: true, printWidth: 120 },
  cwd: `${root}schemas`,
});
const text = banner + body;

// Must match the options of policyValidator() in engine/src/policy/schema-validate.ts.
const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, code: { source: true, lines: false } });
for (const keyword of ['x-i18n', 'x-clauses', 'x-metrics', 'x-ref-kind']) ajv.addKeyword(keyword);
const validatorCode = '// GENERATED from schemas/policy.schema.json by scripts/gen-types.mjs (ajv standalone). Do not edit.\n'
  + standaloneCode.default(ajv, ajv.compile(schema)) + '\n';

const outputs = [[outFile, text], [validatorFile, validatorCode]];

let stale = false;
for (const [file, content] of outputs) {
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
  if (current === content) continue;
  if (check) {
    console.error(`stale: ${file} does not match schemas/policy.schema.json; run \`npm run gen:types\` and commit the result.`);
    stale = true;
  } else {
    writeFileSync(file, content);
  }
}
if (check) {
  if (stale) process.exit(1);
  console.log('generated types and validator: up to date');
}
