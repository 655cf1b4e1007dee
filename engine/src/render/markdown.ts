// RegulationDocument → Markdown. Values are bold so readers see what the policy decided; gaps are
// loud (【待定：…】) so nobody publishes a regulation with a hole in it.
import type { Block, Inline, RegulationDocument } from './document-model.js';

function inline(parts: Inline[], locale: 'zh-CN' | 'en'): string {
  return parts
    .map((part) => {
      if (typeof part === 'string') return part;
      if ('value' in part) return `**${part.value}**`;
      return locale === 'zh-CN' ? `【待定：${part.gap}】` : `[TO BE SET: ${part.gap}]`;
    })
    .join('');
}

function cell(parts: Inline[], locale: 'zh-CN' | 'en'): string {
  return inline(parts, locale).replace(/\|/g, '\\|');
}

function block(b: Block, locale: 'zh-CN' | 'en'): string {
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

export function clauseLabel(clauses: string[], locale: 'zh-CN' | 'en'): string {
  if (clauses.length === 0) return '';
  return locale === 'zh-CN' ? `（${clauses.join('、')}）` : ` (${clauses.join(', ')})`;
}

export function toMarkdown(doc: RegulationDocument, locale: 'zh-CN' | 'en'): string {
  const out: string[] = [`# ${doc.title}`, '', `> ${doc.subtitle}`, ''];
  doc.chapters.forEach((chapter, c) => {
    out.push(`## ${locale === 'zh-CN' ? `第${'一二三四五六七八九十'[c]}章　` : `Chapter ${c + 1}. `}${chapter.title}`, '');
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
