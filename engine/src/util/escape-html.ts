// Text into HTML or SVG, element content and quoted attribute values alike: the one escaper of the
// rendered regulation, report.html and its charts.
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** null and undefined become empty text. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"]/g, (c) => ENTITIES[c]!);
}
