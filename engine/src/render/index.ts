// `qungui render`: the regulation document of a policy, as Markdown or one HTML page.
import { buildRegulation } from './regulation.js';
import { toHtml } from './html.js';
import { toMarkdown } from './markdown.js';
import type { RegulationDocument } from './document-model.js';
import type { Locale } from '../diagnostics/diagnostic.js';

export type { RegulationDocument } from './document-model.js';
export { buildRegulation } from './regulation.js';

export function renderRegulation(policy: unknown, options: { format: 'md' | 'html'; locale: Locale }): { text: string; document: RegulationDocument } {
  const document = buildRegulation(policy, options.locale);
  const text = options.format === 'html' ? toHtml(document, options.locale) : toMarkdown(document, options.locale);
  return { text, document };
}
