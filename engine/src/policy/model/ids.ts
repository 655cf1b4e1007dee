// Where ids are declared and where they are referenced. Shared by duplicate-id, unknown-id and the
// language server (definition, references, rename).
import type { Path } from '../paths.js';
import { at, isRec, list, str } from './view.js';
import type { LocalizedText } from '../../diagnostics/diagnostic.js';
import { localized } from '../../i18n/localized-text.js';

export type IdKind = 'rating' | 'category' | 'action';

export interface IdSite {
  kind: IdKind;
  id: string;
  path: Path;
  /** A map key (outcomes.points.<id>) rather than a value. */
  isKey: boolean;
}

export const DIMENSIONS = ['assignments', 'tests', 'participation', 'overall'] as const;

export function declarations(policy: unknown): IdSite[] {
  const sites: IdSite[] = [];
  const declare = (kind: IdKind, base: Path, items: unknown) =>
    list(items).forEach((item, i) => {
      const id = str(at(item, 'id'));
      if (id !== undefined) sites.push({ kind, id, path: [...base, i, 'id'], isKey: false });
    });
  declare('rating', ['ratings'], at(policy, 'ratings'));
  declare('category', ['content', 'categories'], at(policy, 'content', 'categories'));
  declare('action', ['outcomes', 'actions'], at(policy, 'outcomes', 'actions'));
  return sites;
}

export function references(policy: unknown): IdSite[] {
  const sites: IdSite[] = [];
  const ref = (kind: IdKind, path: Path, value: unknown) => {
    const id = str(value);
    if (id !== undefined) sites.push({ kind, id, path, isKey: false });
  };
  for (const dimension of DIMENSIONS) {
    for (const [i, band] of list(at(policy, 'assessment', dimension, 'bands')).entries())
      ref('rating', ['assessment', dimension, 'bands', i, 'rating'], at(band, 'rating'));
  }
  const points = at(policy, 'outcomes', 'points');
  if (isRec(points)) for (const key of Object.keys(points)) sites.push({ kind: 'rating', id: key, path: ['outcomes', 'points', key], isKey: true });
  const followUp = at(policy, 'outcomes', 'followUp');
  if (isRec(followUp)) {
    for (const [key, actions] of Object.entries(followUp)) {
      sites.push({ kind: 'rating', id: key, path: ['outcomes', 'followUp', key], isKey: true });
      for (const [i, action] of list(actions).entries()) ref('action', ['outcomes', 'followUp', key, i], action);
    }
  }
  ref('rating', ['outcomes', 'escalation', 'rating'], at(policy, 'outcomes', 'escalation', 'rating'));
  ref('action', ['outcomes', 'escalation', 'action'], at(policy, 'outcomes', 'escalation', 'action'));
  ref('action', ['confidentiality', 'handoverAction'], at(policy, 'confidentiality', 'handoverAction'));
  for (const [i, category] of list(at(policy, 'membership', 'removal', 'countCategories')).entries())
    ref('category', ['membership', 'removal', 'countCategories', i], category);
  return sites;
}

export const idKindText: Record<IdKind, LocalizedText & { declaredAt: string }> = {
  rating: { ...localized('评级', 'rating'), declaredAt: 'ratings' },
  category: { ...localized('内容类别', 'content category'), declaredAt: 'content.categories' },
  action: { ...localized('措施', 'action'), declaredAt: 'outcomes.actions' },
};
