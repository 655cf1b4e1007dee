// RegulationDocument → one self-contained HTML page (no scripts, no network), printable.
import { marked } from 'marked';
import type { Block, Inline, RegulationDocument } from './document-model.js';
import { clauseLabel } from './markdown.js';
import { escapeHtml } from '../util/escape-html.js';
import { say } from '../i18n/localized-text.js';
import type { Locale } from '../diagnostics/diagnostic.js';

function inline(parts: Inline[], locale: Locale): string {
  return parts
    .map((part) => {
      if (typeof part === 'string') return escapeHtml(part);
      if ('value' in part) return `<strong class="value" title="${escapeHtml(part.path)}">${escapeHtml(part.value)}</strong>`;
      return `<mark class="gap" title="${escapeHtml(part.path)}">${say(locale, '待定：', 'TO BE SET: ')}${escapeHtml(part.gap)}</mark>`;
    })
    .join('');
}

function block(b: Block, locale: Locale): string {
  switch (b.kind) {
    case 'paragraph':
      return `<p>${inline(b.text, locale)}</p>`;
    case 'list':
      return `<ol>${b.items.map((item) => `<li>${inline(item, locale)}</li>`).join('')}</ol>`;
    case 'table':
      return `<table><thead><tr>${b.head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${b.rows.map((row) => `<tr>${row.map((c) => `<td>${inline(c, locale)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
    // Policy authors' own text: rendered as Markdown, raw HTML in it escaped.
    case 'markdown':
      return markdownToHtml(b.source);
  }
}

function markdownToHtml(source: string): string {
  return marked.parse(escapeHtml(source), { async: false, gfm: true }) as string;
}

const style = `body{font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;line-height:1.7;color:#222}
h1{text-align:center}p.subtitle{text-align:center;color:#666}table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #bbb;padding:.25rem .6rem}
th{background:#f3f3f3}strong.value{color:#0b5394}mark.gap{background:#fde68a;padding:0 .2rem}
@page{size:A4;margin:20mm 18mm}
@media print{body{margin:0;max-width:none;font-size:11pt;line-height:1.6}strong.value{color:inherit}h2,h3{break-after:avoid}table,tr{break-inside:avoid}}`;

export function toHtml(doc: RegulationDocument, locale: Locale): string {
  const body: string[] = [`<h1>${escapeHtml(doc.title)}</h1>`, `<p class="subtitle">${escapeHtml(doc.subtitle)}</p>`];
  doc.chapters.forEach((chapter, c) => {
    body.push(
      `<h2 id="${chapter.id}">${say(locale, '第{value}章　', 'Chapter {value2}. ', { value: String('一二三四五六七八九十'[c]), value2: c + 1 })}${escapeHtml(chapter.title)}</h2>`,
    );
    if (chapter.override !== undefined) {
      body.push(markdownToHtml(chapter.override));
      return;
    }
    for (const section of chapter.sections) {
      body.push(`<h3>${escapeHtml(section.title + clauseLabel(section.clauses, locale))}</h3>`);
      for (const b of section.blocks) body.push(block(b, locale));
    }
  });
  return `<!doctype html>\n<html lang="${say(locale, 'zh-CN', 'en')}">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${escapeHtml(doc.title)}</title>\n<style>${style}</style>\n</head>\n<body>\n${body.join('\n')}\n</body>\n</html>\n`;
}
