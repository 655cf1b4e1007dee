// Rename a rating / category / action id: the declaration and every use, in one edit. A new name must
// be a valid id (the schema's id pattern), otherwise the rename is refused with a message.
import { ResponseError, type Range, type WorkspaceEdit } from 'vscode-languageserver';
import type { ValidatedPolicy } from '../engine.js';
import type { Locale } from './convert.js';
import { idSites, sameId, siteAt } from './id-sites.js';
import { localized, say } from '../engine.js';

const ID = /^[a-z][a-z0-9-]*$/;

const KIND_TEXT = { rating: localized('评级', 'rating'), category: localized('内容类别', 'content category'), action: localized('措施', 'action') } as const;

export function prepareRename(validated: ValidatedPolicy, offset: number): { range: Range; placeholder: string } | null {
  const site = siteAt(idSites(validated), offset);
  return site ? { range: site.range, placeholder: site.id } : null;
}

export function rename(uri: string, validated: ValidatedPolicy, offset: number, newName: string, locale: Locale): WorkspaceEdit | ResponseError<void> | null {
  const sites = idSites(validated);
  const site = siteAt(sites, offset);
  if (!site) return null;
  if (!ID.test(newName)) {
    // -32602 InvalidParams: the client shows the message instead of applying a broken rename.
    return new ResponseError(
      -32602,
      say(
        locale,
        '“{newName}” 不是有效的标识：以小写字母开头，只含小写字母、数字和 -',
        "''{newName}'' is not a valid id: start with a lowercase letter, then lowercase letters, digits and -",
        { newName },
      ),
    );
  }
  // Renaming onto an id that is already declared would merge two ratings (or categories, actions).
  const taken = newName !== site.id && sites.some((s) => s.declaration && s.kind === site.kind && s.id === newName);
  if (taken)
    return new ResponseError(
      -32602,
      say(
        locale,
        '“{newName}” 已经声明过了：改名会把两个{kind}合成一个；请换一个名称',
        "''{newName}'' is already declared: the rename would merge two {kind}s; choose another name",
        {
          newName,
          kind: KIND_TEXT[site.kind],
        },
      ),
    );
  return { changes: { [uri]: sameId(sites, site).map((s) => ({ range: s.range, newText: newName })) } };
}
