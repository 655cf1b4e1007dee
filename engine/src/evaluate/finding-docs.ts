// docs/findings/<code>.md is generated from each rule's `doc` (zh-CN first, then English), so the page
// and the code that computes the finding cannot drift apart; a test checks the files are current.
import { clauseById } from '../policy/clauses.js';
import type { EvalRule } from './rules/rule.js';

export function renderFindingDoc(rule: EvalRule): string {
  const clause = clauseById.get(rule.clause);
  const d = rule.doc;
  return `# \`${rule.code}\`

<!-- Generated from engine/src/evaluate/rules/ (the rule's doc). Edit the rule, then run
     QUNGUI_UPDATE_DOCS=1 npx vitest run engine/test/evaluate/finding-docs.test.ts -->

## 中文

### 概要
${d.summary['zh-CN']}

### 条款
${rule.clause}：${clause?.summary['zh-CN'] ?? ''}

### 示例
${d.example['zh-CN']}

### 计算方法
${d.computed['zh-CN']}

### 配置
${d.configuration['zh-CN']}

## English

### Summary
${d.summary.en}

### Clause
${rule.clause}: ${clause?.summary.en ?? ''}

### Example
${d.example.en}

### How it is computed
${d.computed.en}

### Configuration
${d.configuration.en}
`;
}
