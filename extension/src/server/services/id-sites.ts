// Every declared and referenced rating / category / action id with its exact range: the data behind
// go to definition, find references and rename.
import type { Range } from 'vscode-languageserver';
import { declarations, nodeAtPath, references, type IdSite, type ValidatedPolicy } from '../engine.js';

export interface LocatedSite extends IdSite {
  declaration: boolean;
  start: number;
  end: number;
  range: Range;
}

export function idSites(validated: ValidatedPolicy): LocatedSite[] {
  const document = validated.document;
  if (!document || validated.value === undefined) return [];
  const out: LocatedSite[] = [];
  const locate = (site: IdSite, declaration: boolean) => {
    const found = nodeAtPath(document, site.path);
    const node = site.isKey ? found.key : found.value;
    const span = node?.range;
    if (!span) return;
    // Quoted ids: the id itself, without its quotes.
    const raw = validated.text.slice(span[0], span[1]);
    const inner = raw.indexOf(site.id);
    const start = span[0] + Math.max(0, inner);
    const end = start + site.id.length;
    const a = validated.lineCounter.linePos(start);
    const b = validated.lineCounter.linePos(end);
    out.push({
      ...site,
      declaration,
      start,
      end,
      range: { start: { line: a.line - 1, character: a.col - 1 }, end: { line: b.line - 1, character: b.col - 1 } },
    });
  };
  for (const site of declarations(validated.value)) locate(site, true);
  for (const site of references(validated.value)) locate(site, false);
  return out;
}

export function siteAt(sites: LocatedSite[], offset: number): LocatedSite | undefined {
  return sites.find((s) => s.start <= offset && offset <= s.end);
}

export function sameId(sites: LocatedSite[], site: LocatedSite): LocatedSite[] {
  return sites.filter((s) => s.kind === site.kind && s.id === site.id);
}
