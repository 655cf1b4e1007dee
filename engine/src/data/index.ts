// The monthly bundle reader: what evaluate, bundle check and the language server's code lens use.
export type * from './bundle-types.js';
export { openBundle } from './open-bundle.js';
export { rejectedToCsv } from './rejected-csv.js';
export { parseTime, wallTimeToEpoch } from './parse-time.js';
export { readManifest, readBundleTimezone, ManifestError, type TableSource, type SourceFormat } from './manifest.js';
export { tableSpecs, TABLES } from './table-specs.js';
