// RegulationDocument → Markdown. Values are bold so readers see what the policy decided; gaps are
// loud (【待定：…】) so nobody publishes a regulation with a hole in it.
import type { Block, Inline, RegulationDocument } from './document-model.js';
import { say } from '../i18n/localized-text.js';
import type { Locale } from '../diagnostics/diagnostic.js';

function inline(parts: Inline[], locale: Locale): string {
  return parts
    .map((part) => {
      if (typeof part === 'string') return part;
      if ('value' in part) return `**${part.value}**`;
      return say(locale, '【待定：{gap}】', '[TO BE SET: {gap}]', { gap: part.gap });
    })
    .join('');
}

function cell(parts: Inline[], locale: Locale): string {
  return inline(parts, locale).replace(/\|/g, '\\|');
}

function block(b: Block, locale: Locale): string {
  switch (b.kind) {
    case 'paragraph':
      return inline(b.text, locale);
    case 'list':
      return b.items.map((item, i) => `${i + 1}. ${inline(item, locale)}`).join('\n');
    case 'table':
      return [
        `| ${b.head.join(' | ')} |`,
        `| ${b.head.map(() => '---').join(' | ')} |`,
        ...b.rows.map((row) => `| ${row.map((c) => cell(c, locale)).join(' | ')} |`),
      ].join('\n');
    case 'markdown':
      return b.source.trim();
  }
}

export function clauseLabel(clauses: string[], locale: Locale): string {
  if (clauses.length === 0) return '';
  return say(locale, '（{clauses}）', ' ({clauses2})', { clauses: clauses.join('、'), clauses2: clauses.join(', ') });
}

export function toMarkdown(doc: RegulationDocument, locale: Locale): string {
  const out: string[] = [`# ${doc.title}`, '', `> ${doc.subtitle}`, ''];
  doc.chapters.forEach((chapter, c) => {
    out.push(`## ${say(locale, '第{value}章　', 'Chapter {value2}. ', { value: String('一二三四五六七八九十'[c]), value2: c + 1 })}${chapter.title}`, '');
    if (chapter.override !== undefined) {
      out.push(chapter.override.trim(), '');
      return;
    }
    for (const section of chapter.sections) {
      out.push(`### ${section.title}${clauseLabel(section.clauses, locale)}`, '');
      for (const b of section.blocks) out.push(block(b, locale), '');
    }
  });
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}
