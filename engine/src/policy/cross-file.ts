// G2 across files given together: a chat room governed by two policies, or two policies with one id,
// makes it unclear which rules apply — an error on every file involved.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { rangeFromOffsets } from '../diagnostics/range.js';
import { buildDiagnostic, spanOf } from './diagnostic-builder.js';
import type { LoadedPolicy } from './load.js';
import type { Path } from './paths.js';
import { at, list, str } from './model/view.js';
import { localized } from '../i18n/localized-text.js';

interface Claim {
  loaded: LoadedPolicy;
  path: Path;
}

export function crossFileDiagnostics(policies: readonly LoadedPolicy[]): Map<LoadedPolicy, Diagnostic[]> {
  const out = new Map<LoadedPolicy, Diagnostic[]>();
  const byGroup = new Map<string, Claim[]>();
  const byId = new Map<string, Claim[]>();
  for (const loaded of policies) {
    if (loaded.value === undefined) continue;
    list(at(loaded.value, 'groups')).forEach((group, i) => {
      if (typeof group === 'string') byGroup.set(group, [...(byGroup.get(group) ?? []), { loaded, path: ['groups', i] }]);
    });
    const id = str(at(loaded.value, 'metadata', 'id'));
    if (id !== undefined) byId.set(id, [...(byId.get(id) ?? []), { loaded, path: ['metadata', 'id'] }]);
  }
  const add = (claims: Claim[], code: string, message: (other: Claim) => Diagnostic['message']) => {
    // One claim per file is enough to conflict; a room listed twice in one file is duplicate-items.
    const files = new Set(claims.map((c) => c.loaded));
    if (files.size < 2) return;
    for (const claim of claims) {
      const others = claims.filter((c) => c.loaded !== claim.loaded);
      const diagnostic = buildDiagnostic(claim.loaded, {
        code,
        severity: 'error',
        path: claim.path,
        message: message(others[0]!),
        related: others.map((o) => {
          const [s, e] = spanOf(o.loaded, o.path);
          return { file: o.loaded.file, range: rangeFromOffsets(o.loaded.lineCounter, s, e), message: localized('另一处声明', 'also declared here') };
        }),
      });
      out.set(claim.loaded, [...(out.get(claim.loaded) ?? []), diagnostic]);
    }
  };
  for (const [group, claims] of byGroup) {
    add(claims, 'duplicate-group', (other) =>
      localized(
        '群聊 {group} 同时由 {file} 管辖；一个群只能由一份群规管辖',
        'Chat room {group} is also governed by {file}; a room may be governed by one policy only',
        { group, file: other.loaded.file },
      ),
    );
  }
  for (const [id, claims] of byId) {
    add(claims, 'duplicate-policy-id', (other) =>
      localized('群规编号 {id} 与 {file} 重复；编号须在所有群规中唯一', 'Policy id {id} is also used by {file}; ids must be unique across policies', {
        id,
        file: other.loaded.file,
      }),
    );
  }
  return out;
}
