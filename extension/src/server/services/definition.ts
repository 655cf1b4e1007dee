// Go to definition of a rating / category / action id: from any use to where it is declared.
import type { Location } from 'vscode-languageserver';
import type { ValidatedPolicy } from '../engine.js';
import { idSites, sameId, siteAt } from './id-sites.js';

export function definition(uri: string, validated: ValidatedPolicy, offset: number): Location[] {
  const sites = idSites(validated);
  const site = siteAt(sites, offset);
  if (!site) return [];
  return sameId(sites, site)
    .filter((s) => s.declaration)
    .map((s) => ({ uri, range: s.range }));
}
