// Generates engine/src/policy/policy-types.generated.ts from schemas/policy.schema.json.
// `--check` fails (exit 1) when the committed file differs from what the schema gives: run in `npm test`.
import { compile } from 'json-schema-to-typescript';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const schemaFile = `${root}schemas/policy.schema.json`;
const outFile = `${root}engine/src/policy/policy-types.generated.ts`;
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

if (check) {
  const current = existsSync(outFile) ? readFileSync(outFile, 'utf8') : '';
  if (current !== text) {
    console.error(`stale: ${outFile} does not match schemas/policy.schema.json; run \`npm run gen:types\` and commit the result.`);
    process.exit(1);
  }
  console.log('types: up to date');
} else {
  const current = existsSync(outFile) ? readFileSync(outFile, 'utf8') : '';
  if (current !== text) writeFileSync(outFile, text);
}
