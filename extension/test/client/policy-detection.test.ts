import { describe, expect, it } from 'vitest';
import { declaresQunguiApiVersion } from '../../src/client/policy-detection.js';

describe('declaresQunguiApiVersion', () => {
  it('claims YAML whose top level declares apiVersion qungui/v1, quoted or not, after comments', () => {
    expect(declaresQunguiApiVersion('apiVersion: qungui/v1\nkind: TrainingGroupPolicy\n')).toBe(true);
    expect(declaresQunguiApiVersion('# 群规\napiVersion: "qungui/v1"  # 版本\n')).toBe(true);
    expect(declaresQunguiApiVersion("kind: TrainingGroupPolicy\napiVersion: 'qungui/v1'\n")).toBe(true);
  });

  it('leaves other YAML alone', () => {
    expect(declaresQunguiApiVersion('apiVersion: apps/v1\nkind: Deployment\n')).toBe(false);
    expect(declaresQunguiApiVersion('  apiVersion: qungui/v1\n')).toBe(false); // nested, not top level
    expect(declaresQunguiApiVersion('apiVersion: qungui/v2\n')).toBe(false);
    expect(declaresQunguiApiVersion('apiVersion: "qungui/v1\'\n')).toBe(false); // mismatched quotes
    expect(declaresQunguiApiVersion(`${'x: 1\n'.repeat(14_000)}apiVersion: qungui/v1\n`)).toBe(false); // beyond the head
  });
});
