// Why a member got their ratings, points and follow-ups: per dimension the policy's band table with the
// member's own values beside each threshold and the band reached, the overall method in words, the
// policy lines behind points and follow-ups, and the member's findings. One model, two views: the
// card in report.html and `qungui explain` (member-card-text.ts), so a dispute at the desk reads what
// HR's report says.
import type { LocalizedText } from '../diagnostics/diagnostic.js';
import type { EvaluationResult, Finding, MemberResult } from '../evaluate/result-types.js';
import { listOf, localized } from '../i18n/localized-text.js';
import { bandTables, dimensionShortName, type BandTable, type Dimension } from '../policy/model/band-tables.js';
import { METRICS } from '../policy/model/catalogue.generated.js';
import { at, isRec, num, str } from '../policy/model/view.js';
import type { QunguiTrainingGroupPolicy as Policy } from '../policy/policy-types.generated.js';
import { ratingScores } from '../evaluate/score/overall.js';
import { actionLabelText, METRIC_TEXT, ratingLabelText, type LabelBook } from './labels.js';
import { signed } from './number-text.js';

export interface CardCondition {
  metric: LocalizedText;
  threshold: number;
  /** '%' or a unit word; empty when the metric is a plain count. */
  unit: string;
  value: number | null;
  met: boolean;
}

export interface CardBand {
  rating: LocalizedText;
  conditions: CardCondition[];
  /** A further condition (CEL) as the policy writes it. */
  when: string | undefined;
  catchAll: boolean;
  /** reached: the member's band; missed: checked before it and not met; later: below the band reached. */
  state: 'reached' | 'missed' | 'later';
}

export interface CardDimension {
  dimension: Dimension;
  name: LocalizedText;
  rating: LocalizedText | null;
  bands: CardBand[];
}

export interface MemberCard {
  anchor: string;
  name: string;
  memberId: string;
  groupId: string;
  policy: string;
  notRated: LocalizedText | undefined;
  dimensions: CardDimension[];
  overall: { rating: LocalizedText | null; method: LocalizedText; bands?: CardBand[] } | undefined;
  points: { value: number; because: LocalizedText } | undefined;
  actions: { action: LocalizedText; because: LocalizedText }[];
  findings: Finding[];
}

/** A stable, URL-safe anchor for the member's card (ids may hold any character). */
export function cardAnchor(m: Pick<MemberResult, 'policyId' | 'groupId' | 'memberId'>): string {
  return `m-${encodeURIComponent(`${m.policyId}/${m.groupId}/${m.memberId}`).replace(/%/g, '_')}`;
}

const ratingText = (book: LabelBook, policyId: string, rating: string | null | undefined): LocalizedText | null =>
  rating ? ratingLabelText(book, policyId, rating) : null;

function unitOf(metric: string): string {
  const unit = METRICS[metric]?.thresholdUnit;
  return unit === '%' ? '%' : '';
}

function bandsOf(table: BandTable, member: MemberResult, book: LabelBook): CardBand[] {
  const reached = member.bands?.[table.dimension];
  return table.bands.map((band, index) => ({
    rating: ratingText(book, member.policyId, band.rating) ?? localized('？', '?'),
    conditions: band.thresholds.map((t) => {
      // The overall table's `score` is the weighted score (overallScore), not the test score.
      const overall = table.dimension === 'overall';
      const value = (overall ? member.metrics.overallScore : member.metrics[t.metric]) ?? null;
      return {
        metric: overall ? METRIC_TEXT.overallScore! : (METRICS[t.metric]?.label ?? localized(t.metric, t.metric)),
        threshold: t.value,
        unit: unitOf(t.metric),
        value,
        met: value !== null && value >= t.value,
      };
    }),
    when: band.when,
    catchAll: band.isCatchAll,
    state: reached === undefined || index > reached ? 'later' : index === reached ? 'reached' : 'missed',
  }));
}

function overallMethod(policy: unknown, member: MemberResult, book: LabelBook): LocalizedText {
  const method = str(at(policy, 'assessment', 'overall', 'method')) ?? 'worst';
  const present = (['assignments', 'tests', 'participation'] as const).filter((d) => member.ratings[d] !== null);
  const parts = present.map((d) => ({ dimension: dimensionShortName[d], rating: ratingText(book, member.policyId, member.ratings[d])! }));
  const list = () => listOf(parts.map((p) => localized('{dimension}{rating}', '{dimension} {rating}', p)));
  const overall = ratingText(book, member.policyId, member.ratings.overall) ?? localized('无', 'none');
  if (method === 'best')
    return localized('取各维度中最高的评级（{list}）→ {overall}', 'the best of the dimensions ({list}) → {overall}', {
      list: list(),
      overall,
    });
  if (method === 'weighted') {
    const weights = at(policy, 'assessment', 'overall', 'weights');
    const scores = ratingScores(policy as Policy);
    const shown = present
      .map((d) => `${(isRec(weights) ? num(weights[d]) : undefined) ?? 0}`)
      .map((w, i) => ({ w, p: parts[i]!, score: scores.get(member.ratings[present[i]!]!) ?? 0 }));
    const terms = listOf(
      shown.map(({ w, p, score }) => localized('{dimension} {w} × {score}（{rating}）', '{dimension} {w} × {score} ({rating})', { ...p, w, score })),
      ' + ',
      ' + ',
    );
    return localized('按权重加权各维度评级的分值：{terms} = {score} 分 → {overall}', 'weighted rating scores: {terms} = {score} → {overall}', {
      terms,
      score: member.metrics.overallScore ?? '–',
      overall,
    });
  }
  return localized('取各维度中最低的评级（{list}）→ {overall}', 'the worst of the dimensions ({list}) → {overall}', {
    list: list(),
    overall,
  });
}

export function memberCard(result: EvaluationResult, member: MemberResult, policy: unknown, book: LabelBook, findings: readonly Finding[]): MemberCard {
  const tables = bandTables(policy);
  const dimensions: CardDimension[] = tables
    .filter((t) => t.dimension !== 'overall')
    .map((table) => ({
      dimension: table.dimension,
      name: dimensionShortName[table.dimension],
      rating: ratingText(book, member.policyId, member.ratings[table.dimension]),
      bands: member.ratings[table.dimension] === null ? [] : bandsOf(table, member, book),
    }));
  const overallTable = tables.find((t) => t.dimension === 'overall');
  const overall =
    member.ratings.overall === null && member.notRated
      ? undefined
      : {
          rating: ratingText(book, member.policyId, member.ratings.overall),
          method: overallMethod(policy, member, book),
          ...(overallTable && member.bands?.overall !== undefined ? { bands: bandsOf(overallTable, member, book) } : {}),
        };
  const overallRating = member.ratings.overall;
  const overallLabel = ratingText(book, member.policyId, overallRating);
  const points =
    member.points !== null && overallLabel
      ? {
          value: member.points,
          because: localized('群规：综合评级{rating} → {points} 分', 'the policy: overall {rating} → {points} points', {
            rating: overallLabel,
            points: signed(member.points),
          }),
        }
      : undefined;
  const followUp = overallRating ? at(policy, 'outcomes', 'followUp', overallRating) : undefined;
  const escalation = at(policy, 'outcomes', 'escalation');
  const actions = member.actions.map((action) => {
    const label = actionLabelText(book, member.policyId, action);
    const byFollowUp = Array.isArray(followUp) && followUp.includes(action);
    const because =
      byFollowUp || !overallLabel
        ? localized('群规：综合评级{rating}时的后续措施', 'the policy: the follow-up for an overall {rating}', {
            rating: overallLabel ?? localized('无', 'none'),
          })
        : localized('群规：连续 {months} 个月{rating}时升级处理', 'the policy: escalation after {months} months rated {rating} in a row', {
            months: num(at(escalation, 'afterConsecutive')) ?? 2,
            rating: overallLabel,
          });
    return { action: label, because };
  });
  const policyName = result.policies.find((p) => p.id === member.policyId)?.name ?? member.policyId;
  return {
    anchor: cardAnchor(member),
    name: member.name ?? member.memberId,
    memberId: member.memberId,
    groupId: member.groupId,
    policy: policyName,
    notRated: member.notRated,
    dimensions,
    overall,
    points,
    actions,
    findings: findings.filter((f) => f.policyId === member.policyId && f.groupId === member.groupId && f.memberId === member.memberId),
  };
}
