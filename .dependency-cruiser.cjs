// The import layering `npm test` checks (npx depcruise engine/src extension/src). Type-only imports
// count: a cycle through `import type` is still a cycle a reader has to untangle.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: 'no-cycles', severity: 'error', comment: 'Modules import in one direction.', from: {}, to: { circular: true } },
    {
      name: 'no-barrel-inside', severity: 'error',
      comment: 'The package barrel is for users of the engine; its own modules import what they need directly.',
      from: { path: '^engine/src/(?!index\\.ts$|server-api\\.ts$)' }, to: { path: '^engine/src/index\\.ts$' },
    },
    {
      name: 'data-below-evaluate', severity: 'error',
      comment: 'Reading a bundle knows nothing of rules, scores or reports.',
      from: { path: '^engine/src/data/' }, to: { path: '^engine/src/(evaluate|report|render|cli)/' },
    },
    {
      name: 'report-not-into-data', severity: 'error',
      comment: 'Reports work from the result and the bundle types, never from how files are read.',
      from: { path: '^engine/src/report/' }, to: { path: '^engine/src/data/', pathNot: '^engine/src/data/bundle-types\\.ts$' },
    },
    {
      name: 'extension-through-one-door', severity: 'error',
      comment: 'The extension reaches the engine only through server/engine.ts → engine/src/server-api.ts.',
      from: { path: '^extension/src/', pathNot: '^extension/src/server/engine\\.ts$' }, to: { path: '^engine/' },
    },
    {
      name: 'policy-below-evaluate', severity: 'error',
      comment: 'Validating a policy never needs the monthly run.',
      from: { path: '^engine/src/policy/' }, to: { path: '^engine/src/(evaluate|data|report|render|cli)/' },
    },
    {
      name: 'threads-in-one-room', severity: 'error',
      comment: 'Reader threads live in data/threads/; the rest of the engine reads a bundle without knowing about them.',
      from: { path: '^engine/src/', pathNot: '^engine/src/data/threads/' }, to: { path: '^(node:)?worker_threads$' },
    },
    {
      name: 'policy-model-at-the-bottom', severity: 'error',
      comment: 'The shared readers of a policy (band tables, ids, terms, defaults) serve the validator, the engine and the editor alike.',
      from: { path: '^engine/src/policy/model/' }, to: { path: '^engine/src/(policy/(rules|validate|load)|evaluate|render|report|cli|diff|policy-test)' },
    },
    {
      name: 'finding-rules-read-scores', severity: 'error',
      comment: 'Finding rules report on the scan and the scores; only the scoring stage computes ratings, points and follow-ups.',
      from: { path: '^engine/src/evaluate/rules/' }, to: { path: '^engine/src/evaluate/score/', pathNot: '^engine/src/evaluate/score/rated-dimensions\\.ts$' },
    },
    {
      name: 'watch-is-an-entry', severity: 'error',
      comment: 'qungui watch runs the monthly rules a message at a time; only the CLI starts it, and it never reaches into the CLI.',
      from: { path: '^engine/src/(?!cli/|watch/)' }, to: { path: '^engine/src/watch/' },
    },
    {
      name: 'watch-below-cli', severity: 'error',
      comment: 'The watcher is a library of the engine: options come to it parsed, output goes through its targets.',
      from: { path: '^engine/src/watch/' }, to: { path: '^engine/src/cli/' },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.generated\\.cjs$' },
  },
};
