// Find references of a rating / category / action id: every use (and the declaration when asked).
import type { Location } from 'vscode-languageserver';
import type { ValidatedPolicy } from '../engine.js';
import { idSites, sameId, siteAt } from './id-sites.js';

export function references(uri: string, validated: ValidatedPolicy, offset: number, includeDeclaration: boolean): Location[] {
  const sites = idSites(validated);
  const site = siteAt(sites, offset);
  if (!site) return [];
  return sameId(sites, site)
    .filter((s) => includeDeclaration || !s.declaration)
    .map((s) => ({ uri, range: s.range }));
}
