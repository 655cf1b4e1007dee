// The registry: one line per rule, run in this order after the scoring stage (score/) has rated every
// learner. Findings are sorted afterwards; the order only matters for monthly-summary, which counts
// the others' findings and so runs last.
import type { EvalRule } from './rule.js';
import { noApprovedApplication } from './no-approved-application.js';
import { applicationMissingField } from './application-missing-field.js';
import { applicationUnauthorizedReviewer } from './application-unauthorized-reviewer.js';
import { ineligibleMember } from './ineligible-member.js';
import { assignmentNotSubmitted } from './assignment-not-submitted.js';
import { exitWithoutApproval } from './exit-without-approval.js';
import { removalViolations } from './removal-violations.js';
import { removalInactive } from './removal-inactive.js';
import { lateAssignmentNotice } from './late-assignment-notice.js';
import { violationNotStopped } from './violation-not-stopped.js';
import { unauthorizedMaterial } from './unauthorized-material.js';
import { unlabelledMaterial } from './unlabelled-material.js';
import { staleMaterials } from './stale-materials.js';
import { lateSessionNotice } from './late-session-notice.js';
import { sessionWithoutSupport } from './session-without-support.js';
import { sessionAbsence } from './session-absence.js';
import { lateSubmission } from './late-submission.js';
import { lateGrading } from './late-grading.js';
import { insultingLanguage } from './insulting-language.js';
import { disrespectfulLanguage } from './disrespectful-language.js';
import { bannedContent } from './banned-content.js';
import { unansweredQuestion } from './unanswered-question.js';
import { testNotTaken } from './test-not-taken.js';
import { assignmentRatingFail } from './assignment-rating-fail.js';
import { testRatingFail } from './test-rating-fail.js';
import { participationRatingFail } from './participation-rating-fail.js';
import { pointsDeducted } from './points-deducted.js';
import { repeatedFail } from './repeated-fail.js';
import { confidentialContent } from './confidential-content.js';
import { unreleasedInformation } from './unreleased-information.js';
import { outsiderInConfidentialGroup } from './outsider-in-confidential-group.js';
import { confidentialForwarded } from './confidential-forwarded.js';
import { leaverInGroup } from './leaver-in-group.js';
import { monthlySummary } from './monthly-summary.js';

export const evalRules: readonly EvalRule[] = [
  noApprovedApplication, // M1
  applicationMissingField, // M1
  applicationUnauthorizedReviewer, // M1
  ineligibleMember, // M2
  assignmentNotSubmitted, // M3
  exitWithoutApproval, // M4
  removalViolations, // M5
  removalInactive, // M5
  lateAssignmentNotice, // A2
  violationNotStopped, // A3
  unauthorizedMaterial, // C1
  unlabelledMaterial, // C2
  staleMaterials, // C3
  lateSessionNotice, // T1
  sessionWithoutSupport, // T1
  sessionAbsence, // T1
  lateSubmission, // T3
  lateGrading, // T3
  insultingLanguage, // N1
  disrespectfulLanguage, // N2
  bannedContent, // N4
  unansweredQuestion, // N5
  testNotTaken, // E2
  confidentialContent, // S1
  unreleasedInformation, // S2
  outsiderInConfidentialGroup, // S4
  confidentialForwarded, // S4
  leaverInGroup, // S5
  assignmentRatingFail, // E4
  testRatingFail, // E5
  participationRatingFail, // E6
  pointsDeducted, // R1
  repeatedFail, // R2
  monthlySummary, // A4 (last: counts the others)
];

export type { EvalRule } from './rule.js';
