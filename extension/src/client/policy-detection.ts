// Which YAML documents are qungui policies. `*.qungui.yaml` is claimed by the manifest's
// filenamePatterns; any other YAML file is a policy only when its own text says so with
// `apiVersion: qungui/v1` (DESIGN: "other YAML is left alone"). Kept free of the vscode API so it
// can be unit-tested.

export const POLICY_LANGUAGE_ID = 'qungui';

/** A top-level `apiVersion: qungui/v1` line, quoted or not, with an optional trailing comment. */
const API_VERSION_LINE = /^apiVersion:[ \t]*(["']?)qungui\/v1\1[ \t]*(#.*)?$/m;

/**
 * How far into a file we look: apiVersion sits at the top, and huge files must not be scanned.
 * Same window as the engine's `isPolicyText` (which the CLI uses to pick policies from a folder);
 * not imported from there because that module would pull the whole validator into the client.
 */
export const HEAD_CHARS = 64 * 1024;

export function declaresQunguiApiVersion(text: string): boolean {
  return API_VERSION_LINE.test(text.slice(0, HEAD_CHARS));
}
