// S1 unpublished business, technical, financial and customer information: matches of S1 categories and
// of the built-in detectors (phone, id-card, bank-card, email, url — verified by checksums in the matcher).
import { contentRule } from './content-rule.js';
import { localized } from '../../i18n/localized-text.js';

export const confidentialContent = contentRule({
  code: 'confidential-content',
  clause: 'S1',
  what: localized('保密信息', 'confidential information'),
  doc: {
    summary: localized(
      '消息中出现未公开的业务、技术、财务或客户信息（S1 类别），或内置检测器识别的手机号、身份证号、银行卡号、邮箱、网址。',
      'A message contains unpublished business, technical, financial or customer information (an S1 category), or a phone, ID-card, bank-card number, e-mail or URL found by a built-in detector.',
    ),
    example: localized(
      'detectors 含 phone；成员发送“客户电话 13812345678”→ 一条发现，证据摘录为“客户电话 138******78”（默认打码）。',
      'detectors includes phone; a member posts 客户电话 13812345678 → one finding, excerpt 客户电话 138******78 (masked by default).',
    ),
    computed: localized(
      'clause 为 S1 的类别的每个命中，以及每个检测器命中（检测器的类别即检测器 id，条款 S1，严重级别 content.detectorSeverity）。证据中 7 位以上的数字只保留前 3 位和后 2 位，除非使用 --no-redact。',
      'Each match of a category whose clause is S1, and each detector match (the detector id is its category, clause S1, severity content.detectorSeverity). In evidence, digit runs of 7 or more keep only their first 3 and last 2 digits unless --no-redact.',
    ),
    configuration: localized(
      '`content.categories[]`（clause: S1），`content.detectors`，`content.detectorSeverity`（默认 error）。',
      '`content.categories[]` (clause: S1), `content.detectors`, `content.detectorSeverity` (default error).',
    ),
  },
});
