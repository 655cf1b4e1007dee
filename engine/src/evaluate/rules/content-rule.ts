// N1 N2 N4 S1 S2 share one shape: each message matching a category of the clause is a finding, located at the term or
// pattern (or detector) that matched, with a ≤ 40-character masked excerpt as evidence.
import type { LocalizedText } from '../../diagnostics/diagnostic.js';
import type { Path } from '../../policy/paths.js';
import type { PolicyEval } from '../context.js';
import { who, whoEn } from '../describe.js';
import type { Hit } from '../scan/hit.js';
import { localized, t } from '../../i18n/localized-text.js';
import type { EvalRule, FindingDoc } from './rule.js';

export function hitPath(ctx: PolicyEval, hit: Hit): Path {
  const category = ctx.categories.get(hit.match.categoryId);
  if (hit.match.kind === 'detector') {
    const index = (ctx.policy.content?.detectors ?? []).indexOf(hit.match.categoryId as never);
    return index >= 0 ? ['content', 'detectors', index] : ['content', 'detectors'];
  }
  if (!category) return ['content', 'categories'];
  return ['content', 'categories', category.index, hit.match.kind === 'pattern' ? 'patterns' : 'terms', hit.match.ruleIndex];
}

export function hitEvidence(ctx: PolicyEval, hit: Hit): Record<string, unknown> {
  return {
    messageId: hit.messageId,
    sentAt: ctx.month.iso(hit.sentAt),
    category: hit.match.categoryId,
    kind: hit.match.kind,
    matched: hit.match.text,
    excerpt: hit.excerpt,
    ...(hit.forwarded ? { forwarded: true } : {}),
    ...(hit.recalled ? { recalled: true } : {}),
  };
}

export function hasContentRules(ctx: PolicyEval, clause: string): LocalizedText | undefined {
  const categories = (ctx.policy.content?.categories ?? []).some((c) => c.clause === clause);
  const detectors = clause === 'S1' && (ctx.policy.content?.detectors ?? []).length > 0;
  if (categories || detectors) return undefined;
  return localized('群规没有适用于 {clause} 的内容类别', 'The policy has no content category for {clause}', { clause });
}

export function contentRule(options: {
  code: string;
  clause: 'N1' | 'N2' | 'N4' | 'S1' | 'S2';
  doc: FindingDoc;
  what: LocalizedText;
  skip?: (hit: Hit) => boolean;
}): EvalRule {
  /** One finding for a message's hits of one category: the first located and quoted, the others listed. */
  function report(ctx: PolicyEval, hits: Hit[]): void {
    const hit = hits[0]!;
    const also = [
      ...new Set(
        hits
          .slice(1)
          .map((h) => h.match.text)
          .filter((t) => t !== hit.match.text),
      ),
    ];
    const category = ctx.categories.get(hit.match.categoryId);
    ctx.report({
      code: options.code,
      clause: options.clause,
      severity: hit.match.severity,
      groupId: hit.groupId,
      memberId: hit.senderId,
      path: hitPath(ctx, hit),
      evidence: { ...hitEvidence(ctx, hit), ...(also.length ? { alsoMatched: also } : {}) },
      ...(hit.match.severity === 'error' ? { action: 'review' } : {}),
      message: t('{who}的消息含{what}（{category}）：“{excerpt}”', '{whoEn} posted {what} ({category}): “{excerpt}”', {
        who: who(ctx, hit.groupId, hit.senderId),
        whoEn: whoEn(ctx, hit.groupId, hit.senderId),
        what: options.what,
        category: category?.name ?? hit.match.categoryId,
        excerpt: hit.excerpt,
      }),
    });
  }
  return {
    code: options.code,
    clause: options.clause,
    needs: ['messages'],
    needsMatcher: true,
    path: ['content', 'categories'],
    doc: options.doc,
    precondition: (ctx) => hasContentRules(ctx, options.clause),
    run(ctx) {
      // One finding per message and category: a post with 兼职刷单 and 加微信 is one thing for the admin to
      // act on; the other matches of the same category are listed in its evidence.
      for (const messageHits of ctx.scan.hits.byMessage({ clause: options.clause })) {
        const byCategory = new Map<string, Hit[]>();
        for (const hit of messageHits) {
          if (options.skip?.(hit)) continue;
          const list = byCategory.get(hit.match.categoryId);
          if (list) list.push(hit);
          else byCategory.set(hit.match.categoryId, [hit]);
        }
        for (const hits of byCategory.values()) report(ctx, hits);
      }
    },
  };
}
