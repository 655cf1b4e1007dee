import { expect, test } from 'vitest';
import { isBareAcknowledgement } from '../../src/evaluate/acknowledgement.js';
test('bare acknowledgements', () => {
  expect(['收到', '好的！', '👍', '[强]', '收到，谢谢', 'OK', ' 嗯嗯 ', '好的👍👍', ''].map(isBareAcknowledgement)).toEqual([
    true,
    true,
    true,
    true,
    true,
    true,
    true,
    true,
    true,
  ]);
  expect(['收到了，我明天交作业', '今天的课很好', '好的方法', '1234', 'ok google', '？'].map(isBareAcknowledgement)).toEqual([
    false,
    false,
    false,
    false,
    false,
    true,
  ]);
});
