// Routes each new message to the policy that governs its group (G2, as the monthly run does) and to
// that policy's context for the message's month, made when the month's first message comes. The small
// tables are replaced when their files change, the policies when theirs do (a new checker); the
// members' violation counts of the month carry over.
import { DateTime } from 'luxon';
import type { MessageRow } from '../data/bundle-types.js';
import type { LocalizedText } from '../diagnostics/diagnostic.js';
import { governingPolicies } from '../evaluate/governance.js';
import type { CompileMatcher, ContentMatcher } from '../evaluate/matcher-port.js';
import { defaultCompileMatcher } from '../evaluate/matcher-source.js';
import type { SmallTables } from '../evaluate/small-tables.js';
import { localized } from '../i18n/localized-text.js';
import { timezoneOf } from '../policy/model/defaults.js';
import type { QunguiTrainingGroupPolicy as Policy } from '../policy/policy-types.generated.js';
import type { ValidatedPolicy } from '../policy/validate.js';
import { type LiveFinding, LivePolicy } from './live-policy.js';

/** Members' counted violations per policy and month (membership key → messages), kept in the state. */
export type ViolationCounts = Record<string, Record<string, Record<string, number>>>;

interface WatchedPolicy {
  validated: ValidatedPolicy;
  policy: Policy;
  zone: string;
  matcher: ContentMatcher | undefined;
  matcherMissing: LocalizedText | undefined;
  /** Live contexts by month (YYYY-MM): the latest two are kept, for messages that arrive late. */
  months: Map<string, LivePolicy>;
}

const MONTHS_KEPT = 2;

export class MessageChecker {
  private readonly policies: WatchedPolicy[];
  private readonly route: Map<string, WatchedPolicy>;
  private tables: SmallTables;

  constructor(
    policies: readonly ValidatedPolicy[],
    tables: SmallTables,
    private readonly redact: boolean,
    private readonly counts: ViolationCounts,
    private readonly compile: CompileMatcher | undefined = defaultCompileMatcher(),
  ) {
    this.tables = tables;
    this.policies = policies.map((validated) => {
      const policy = validated.value as Policy;
      const { matcher, matcherMissing } = compiled(policy, compile);
      return { validated, policy, zone: timezoneOf(policy), matcher, matcherMissing, months: new Map() };
    });
    const routed = governingPolicies(this.policies.map((p) => ({ id: p.policy.metadata.id, groups: p.policy.groups, watched: p })));
    this.route = new Map([...routed].map(([group, entry]) => [group, entry.watched]));
  }

  /** New small tables (a file changed): every month's context is made again from them. */
  replaceTables(tables: SmallTables): void {
    this.saveCounts();
    this.tables = tables;
    for (const watched of this.policies) watched.months.clear();
  }

  /** A checker for changed policies, on the same tables, with the violation counts so far. */
  withPolicies(policies: readonly ValidatedPolicy[]): MessageChecker {
    return new MessageChecker(policies, this.tables, this.redact, this.saveCounts(), this.compile);
  }

  /** The findings of one message; none for a group no policy governs. */
  check(message: MessageRow): { live: LivePolicy; findings: LiveFinding[] } | undefined {
    const watched = this.route.get(message.group_id);
    if (!watched) return undefined;
    const live = this.liveFor(watched, message.sent_at);
    return { live, findings: live.check(message) };
  }

  /** What each policy checks and why it cannot check the rest (said once at the start): a context
   *  made for the purpose and not kept — which rules can run does not depend on the month. */
  checksOf(month: string): LivePolicy[] {
    return this.policies.map((watched) => this.contextFor(watched, month));
  }

  /** The violation counts of the live months, into the object the state saves. */
  saveCounts(): ViolationCounts {
    for (const watched of this.policies) {
      const id = watched.policy.metadata.id;
      for (const [month, live] of watched.months) (this.counts[id] ??= {})[month] = Object.fromEntries(live.violations);
    }
    return this.counts;
  }

  private liveFor(watched: WatchedPolicy, sentAt: number): LivePolicy {
    for (const live of watched.months.values()) if (sentAt >= live.ctx.month.start && sentAt < live.ctx.month.end) return live;
    const month = DateTime.fromMillis(sentAt, { zone: watched.zone }).toFormat('yyyy-MM');
    return this.monthOf(watched, month);
  }

  private monthOf(watched: WatchedPolicy, month: string): LivePolicy {
    let live = watched.months.get(month);
    if (live) return live;
    const id = watched.policy.metadata.id;
    live = this.contextFor(watched, month);
    watched.months.set(month, live);
    // Older months are dropped once their counts are saved: a message that old is checked afresh.
    const months = [...watched.months.keys()].sort();
    for (const old of months.slice(0, Math.max(0, months.length - MONTHS_KEPT))) {
      const gone = watched.months.get(old)!;
      (this.counts[id] ??= {})[old] = Object.fromEntries(gone.violations);
      watched.months.delete(old);
    }
    return live;
  }

  private contextFor(watched: WatchedPolicy, month: string): LivePolicy {
    return new LivePolicy({
      validated: watched.validated,
      month,
      present: this.tables.present,
      emptyTables: this.tables.emptyTables,
      tables: this.tables.tables,
      employees: this.tables.employees,
      redact: this.redact,
      matcher: watched.matcher,
      matcherMissing: watched.matcherMissing,
      violations: new Map(Object.entries(this.counts[watched.policy.metadata.id]?.[month] ?? {})),
    });
  }
}

function compiled(policy: Policy, compile: CompileMatcher | undefined): { matcher: ContentMatcher | undefined; matcherMissing: LocalizedText | undefined } {
  const content = policy.content;
  if ((content?.categories?.length ?? 0) === 0 && (content?.detectors?.length ?? 0) === 0) return { matcher: undefined, matcherMissing: undefined };
  if (!compile)
    return {
      matcher: undefined,
      matcherMissing: localized('内容匹配器不可用，未检查消息内容', 'The content matcher is not available: message content was not checked'),
    };
  try {
    return { matcher: compile(content), matcherMissing: undefined };
  } catch (error) {
    const detail = (error as Error).message;
    return {
      matcher: undefined,
      matcherMissing: localized(
        '内容规则无法编译，未检查消息内容：{detail}',
        'The content rules could not be compiled, message content was not checked: {detail}',
        {
          detail,
        },
      ),
    };
  }
}
