// Effective settings of a policy: the schema's defaults applied, plus the engine's documented defaults
// where the schema has no field yet (reported in docs/findings/*.md, "Configuration").
import type { QunguiTrainingGroupPolicy as Policy } from '../policy/policy-types.generated.js';

/** Default markers of a question (N5), as in the schema's default for responsiveness.questionMarkers. */
export const DEFAULT_QUESTION_MARKERS = ['?', '？', '请问', '怎么', '如何', '为什么', '吗'];
export const DEFAULT_EXTERNAL_PREFIXES = ['wm', 'wo'];
/** A3: hours within which an admin must react to a violation (speak in the group or have it recalled).
 *  The schema has no field for this yet; 24 h is the engine's default. */
export const DEFAULT_ADMIN_RESPONSE_HOURS = 24;

export interface Settings {
  questionMarkers: string[];
  questionReplyHours?: number;
  externalPrefixes: string[];
  materialTypes: Set<string>;
  publishers: Set<string>;
  admins: Set<string>;
  adminResponseHours: number;
  lateGraceHours: number;
  requireSupport: boolean;
  requireExitApproval: boolean;
  countCategories?: Set<string>;
  leaverGraceDays: number;
}

export function settingsOf(policy: Policy): Settings {
  const removal = policy.membership?.removal;
  return {
    questionMarkers: policy.responsiveness?.questionMarkers ?? DEFAULT_QUESTION_MARKERS,
    ...(policy.responsiveness?.questionReplyHours !== undefined ? { questionReplyHours: policy.responsiveness.questionReplyHours } : {}),
    externalPrefixes: policy.confidentiality?.externalIdPrefixes ?? DEFAULT_EXTERNAL_PREFIXES,
    materialTypes: new Set(policy.publishing?.materialTypes ?? ['file', 'link']),
    publishers: new Set(policy.publishing?.publishers ?? []),
    admins: new Set(policy.admins ?? []),
    adminResponseHours: DEFAULT_ADMIN_RESPONSE_HOURS,
    lateGraceHours: policy.activities?.lateGraceHours ?? 0,
    requireSupport: policy.activities?.requireSupport ?? true,
    requireExitApproval: policy.membership?.exit?.requireApproval ?? true,
    ...(removal?.countCategories ? { countCategories: new Set(removal.countCategories) } : {}),
    leaverGraceDays: policy.confidentiality?.leaverGraceDays ?? 0,
  };
}

export interface CategoryInfo {
  index: number;
  label: string;
  /** English name (labelEn, else the id). */
  labelEn: string;
  exemptible: boolean;
  confidential: boolean;
  severity: 'error' | 'warning' | 'info';
}

/** Category facts by id; detectors (S1) are confidential and never exemptible. */
export function categoriesOf(policy: Policy): Map<string, CategoryInfo> {
  const map = new Map<string, CategoryInfo>();
  (policy.content?.categories ?? []).forEach((category, index) => {
    map.set(category.id, {
      index, label: category.label, labelEn: category.labelEn ?? category.id, exemptible: category.exemptible ?? false,
      confidential: category.confidential ?? (category.clause === 'S1' || category.clause === 'S2'),
      severity: category.severity ?? 'error',
    });
  });
  (policy.content?.detectors ?? []).forEach((detector, index) => {
    if (!map.has(detector)) {
      map.set(detector, { index, label: detector, labelEn: detector, exemptible: false, confidential: true, severity: policy.content?.detectorSeverity ?? 'error' });
    }
  });
  return map;
}
