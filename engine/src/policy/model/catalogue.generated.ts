// GENERATED from schemas/policy.schema.json by scripts/gen-types.mjs. Do not edit; run `npm run gen:types`.
import type { LocalizedText } from '../../diagnostics/diagnostic.js';

/** The schema's defaults, by dotted path (`[]` for the items of a list). */
export const SCHEMA_DEFAULTS = {
  "metadata.timezone": "Asia/Shanghai",
  "membership.exit.requireApproval": true,
  "publishing.materialTypes": [
    "file",
    "link"
  ],
  "activities.requireSupport": true,
  "activities.lateGraceHours": 0,
  "content.normalize.width": true,
  "content.normalize.case": true,
  "content.normalize.traditional": true,
  "content.normalize.digits": true,
  "content.normalize.skip": true,
  "content.normalize.repeats": false,
  "content.categories[].severity": "error",
  "content.categories[].exemptible": false,
  "content.detectorSeverity": "error",
  "content.stopWithinHours": 24,
  "responsiveness.questionMarkers": [
    "?",
    "？",
    "请问",
    "怎么",
    "如何",
    "为什么",
    "吗"
  ],
  "confidentiality.externalIdPrefixes": [
    "wm",
    "wo"
  ],
  "confidentiality.leaverGraceDays": 0,
  "assessment.assignments.metric": "accuracy",
  "assessment.tests.metric": "score",
  "assessment.participation.metric": "activeDays"
} as const;

/** Per assessment dimension: the metrics its bands may name, and the one a number `min` means. */
export const DIMENSION_METRICS = {
  "assignments": {
    "main": "accuracy",
    "metrics": [
      "accuracy",
      "completeness",
      "originality",
      "onTimeRate"
    ]
  },
  "tests": {
    "main": "score",
    "metrics": [
      "score"
    ]
  },
  "participation": {
    "main": "activeDays",
    "metrics": [
      "activeDays",
      "contentMessages",
      "repliesGiven",
      "questionsAnswered",
      "onTimeRate",
      "attendanceRate"
    ]
  },
  "overall": {
    "main": "score",
    "metrics": [
      "score"
    ]
  }
} as const;

/** The metrics ratings are decided on (`x-metrics`): label per locale, unit, range (max null: unbounded). */
export const METRICS: Record<string, { label: LocalizedText; thresholdUnit: string; unit?: string; min: number; max: number | null }> = {
  "accuracy": {
    "label": {
      "zh-CN": "准确率",
      "zh-TW": "準確率",
      "en": "accuracy"
    },
    "thresholdUnit": "%",
    "min": 0,
    "max": 100
  },
  "completeness": {
    "label": {
      "zh-CN": "完成度",
      "zh-TW": "完成度",
      "en": "completeness"
    },
    "thresholdUnit": "%",
    "min": 0,
    "max": 100
  },
  "originality": {
    "label": {
      "zh-CN": "原创性",
      "zh-TW": "原創性",
      "en": "originality"
    },
    "thresholdUnit": "%",
    "min": 0,
    "max": 100
  },
  "onTimeRate": {
    "label": {
      "zh-CN": "按时提交率",
      "zh-TW": "按時提交率",
      "en": "on-time rate"
    },
    "thresholdUnit": "%",
    "unit": "%",
    "min": 0,
    "max": 100
  },
  "score": {
    "label": {
      "zh-CN": "分数",
      "zh-TW": "分數",
      "en": "score"
    },
    "thresholdUnit": "分",
    "min": 0,
    "max": 100
  },
  "activeDays": {
    "label": {
      "zh-CN": "活跃天数",
      "zh-TW": "活躍天數",
      "en": "active days"
    },
    "thresholdUnit": "天",
    "min": 0,
    "max": 31
  },
  "contentMessages": {
    "label": {
      "zh-CN": "有效发言数",
      "zh-TW": "有效發言數",
      "en": "content messages"
    },
    "thresholdUnit": "条",
    "min": 0,
    "max": null
  },
  "repliesGiven": {
    "label": {
      "zh-CN": "回复他人次数",
      "zh-TW": "回覆他人次數",
      "en": "replies given"
    },
    "thresholdUnit": "次",
    "min": 0,
    "max": null
  },
  "questionsAnswered": {
    "label": {
      "zh-CN": "解答问题数",
      "zh-TW": "解答問題數",
      "en": "questions answered"
    },
    "thresholdUnit": "个",
    "min": 0,
    "max": null
  },
  "attendanceRate": {
    "label": {
      "zh-CN": "出勤率",
      "zh-TW": "出勤率",
      "en": "attendance rate"
    },
    "thresholdUnit": "%",
    "unit": "%",
    "min": 0,
    "max": 100
  }
};

/** What each built-in detector finds, in words (`content.detectors` items, `x-enum-labels`). */
export const DETECTOR_LABELS: Record<string, LocalizedText> = {
  "phone": {
    "zh-CN": "手机号码",
    "zh-TW": "手機號碼",
    "en": "mobile numbers"
  },
  "id-card": {
    "zh-CN": "身份证号",
    "zh-TW": "身份證號",
    "en": "resident ID numbers"
  },
  "bank-card": {
    "zh-CN": "银行卡号",
    "zh-TW": "銀行卡號",
    "en": "bank card numbers"
  },
  "email": {
    "zh-CN": "电子邮箱",
    "zh-TW": "電子郵箱",
    "en": "e-mail addresses"
  },
  "url": {
    "zh-CN": "网址",
    "zh-TW": "網址",
    "en": "web addresses"
  }
};

/** The fields of a join application, in words (`membership.application.requiredFields` items). */
export const APPLICATION_FIELD_LABELS: Record<string, LocalizedText> = {
  "name": {
    "zh-CN": "姓名",
    "zh-TW": "姓名",
    "en": "name"
  },
  "department": {
    "zh-CN": "部门",
    "zh-TW": "部門",
    "en": "department"
  },
  "position": {
    "zh-CN": "职位",
    "zh-TW": "職位",
    "en": "position"
  },
  "purpose": {
    "zh-CN": "入群目的",
    "zh-TW": "入群目的",
    "en": "purpose"
  }
};
