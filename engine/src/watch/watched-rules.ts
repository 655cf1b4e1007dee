// The monthly run's finding rules that `qungui watch` runs as messages arrive: those a single message
// decides. The others need the whole month (an unanswered question, a late reaction, ratings, absences)
// and stay with `qungui evaluate`.
import { bannedContent } from '../evaluate/rules/banned-content.js';
import { confidentialContent } from '../evaluate/rules/confidential-content.js';
import { confidentialForwarded } from '../evaluate/rules/confidential-forwarded.js';
import { disrespectfulLanguage } from '../evaluate/rules/disrespectful-language.js';
import { insultingLanguage } from '../evaluate/rules/insulting-language.js';
import { outsiderInConfidentialGroup } from '../evaluate/rules/outsider-in-confidential-group.js';
import { removalViolations } from '../evaluate/rules/removal-violations.js';
import type { EvalRule } from '../evaluate/rules/rule.js';
import { unauthorizedMaterial } from '../evaluate/rules/unauthorized-material.js';
import { unreleasedInformation } from '../evaluate/rules/unreleased-information.js';

/** Rules whose findings are about the message just read (N1 N2 N4 S1 S2, S4 forwarded, C1). */
export const MESSAGE_RULES: readonly EvalRule[] = [
  insultingLanguage,
  disrespectfulLanguage,
  bannedContent,
  confidentialContent,
  unreleasedInformation,
  confidentialForwarded,
  unauthorizedMaterial,
];

/** M5: a member's messages with violations pass the month's limit. */
export const VIOLATION_LIMIT_RULE: EvalRule = removalViolations;
/** S4: confidential content posted in a group that has outsiders. */
export const OUTSIDER_RULE: EvalRule = outsiderInConfidentialGroup;

/** Rules about a member over the month, reported once a month when a message makes them true. */
export const MEMBER_RULES: readonly EvalRule[] = [VIOLATION_LIMIT_RULE, OUTSIDER_RULE];
