// Effective settings of a policy: what it sets, else the schema's default (policy/model/defaults.ts).
import type { QunguiTrainingGroupPolicy as Policy } from '../policy/policy-types.generated.js';
import { DETECTOR_LABELS } from '../policy/model/catalogue.generated.js';
import { schemaDefault } from '../policy/model/defaults.js';
import type { LocalizedText } from '../diagnostics/diagnostic.js';
import { asWritten } from '../i18n/localized-text.js';

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
    questionMarkers: policy.responsiveness?.questionMarkers ?? schemaDefault('responsiveness.questionMarkers'),
    ...(policy.responsiveness?.questionReplyHours !== undefined ? { questionReplyHours: policy.responsiveness.questionReplyHours } : {}),
    externalPrefixes: policy.confidentiality?.externalIdPrefixes ?? schemaDefault('confidentiality.externalIdPrefixes'),
    materialTypes: new Set(policy.publishing?.materialTypes ?? schemaDefault('publishing.materialTypes')),
    publishers: new Set(policy.publishing?.publishers ?? []),
    admins: new Set(policy.admins ?? []),
    adminResponseHours: policy.content?.stopWithinHours ?? schemaDefault('content.stopWithinHours'),
    lateGraceHours: policy.activities?.lateGraceHours ?? schemaDefault('activities.lateGraceHours'),
    requireSupport: policy.activities?.requireSupport ?? schemaDefault('activities.requireSupport'),
    requireExitApproval: policy.membership?.exit?.requireApproval ?? schemaDefault('membership.exit.requireApproval'),
    ...(removal?.countCategories ? { countCategories: new Set(removal.countCategories) } : {}),
    leaverGraceDays: policy.confidentiality?.leaverGraceDays ?? schemaDefault('confidentiality.leaverGraceDays'),
  };
}

export interface CategoryInfo {
  index: number;
  /** The category's name: its label (labelEn in English, else the id); a detector's name from the schema. */
  name: LocalizedText;
  exemptible: boolean;
  confidential: boolean;
  severity: 'error' | 'warning' | 'info';
}

/** Category facts by id; detectors (S1) are confidential and never exemptible. */
export function categoriesOf(policy: Policy): Map<string, CategoryInfo> {
  const map = new Map<string, CategoryInfo>();
  (policy.content?.categories ?? []).forEach((category, index) => {
    map.set(category.id, {
      index,
      name: asWritten(category.label, category.labelEn ?? category.id),
      exemptible: category.exemptible ?? schemaDefault('content.categories[].exemptible'),
      confidential: category.confidential ?? (category.clause === 'S1' || category.clause === 'S2'),
      severity: category.severity ?? schemaDefault('content.categories[].severity'),
    });
  });
  (policy.content?.detectors ?? []).forEach((detector, index) => {
    if (!map.has(detector)) {
      map.set(detector, {
        index,
        name: DETECTOR_LABELS[detector] ?? asWritten(detector),
        exemptible: false,
        confidential: true,
        severity: policy.content?.detectorSeverity ?? schemaDefault('content.detectorSeverity'),
      });
    }
  });
  return map;
}
