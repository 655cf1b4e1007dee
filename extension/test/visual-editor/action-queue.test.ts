// The visual editor's actions against the text they were drawn from: the provider stamps each with the
// document version (fixes with the draw too) and runs them through this queue, one at a time.
import { describe, expect, it } from 'vitest';
import { ActionQueue, type FormStamp, sameForm } from '../../src/visual-editor/action-queue.js';
import { policyEdits } from '../../src/visual-editor/policy-edits.js';
import { applyEdits } from '../../src/visual-editor/text-edit.js';
import type { FormAction } from '../../src/visual-editor/form-actions.js';

/** A document as the provider sees it: its text and a version that counts the edits. */
function documentWith(text: string) {
  const doc = { text, version: 1, stale: 0 };
  const queue = new ActionQueue(
    () => doc.version,
    () => doc.stale++,
    (error) => {
      throw error;
    },
  );
  const post = (stamp: number, action: FormAction) =>
    queue.run(stamp, () => {
      const edits = policyEdits(doc.text, action);
      if (!edits.length) return;
      doc.text = applyEdits(doc.text, edits);
      doc.version++;
    });
  return { doc, post };
}

const ratings = 'ratings:\n  - { id: excellent, label: 优秀 }\n  - { id: good, label: 良好 }\n  - { id: pass, label: 合格 }\n';

describe('actions are taken only on the text their form was drawn from', () => {
  it('a double click on a remove button removes one rating, not two', async () => {
    const { doc, post } = documentWith(ratings);
    await Promise.all([post(1, { kind: 'removeRating', index: 1 }), post(1, { kind: 'removeRating', index: 1 })]);
    expect(doc.text).toBe('ratings:\n  - { id: excellent, label: 优秀 }\n  - { id: pass, label: 合格 }\n');
    expect(doc.stale).toBe(1);
  });

  it('× on two chips in quick succession removes the first and refuses the second (its index moved)', async () => {
    const { doc, post } = documentWith('terms: [废物, 蠢货, 白痴]\n');
    await Promise.all([post(1, { kind: 'removeChip', path: ['terms'], index: 0 }), post(1, { kind: 'removeChip', path: ['terms'], index: 1 })]);
    expect(doc.text).toBe('terms: [蠢货, 白痴]\n');
    expect(doc.stale).toBe(1);
  });

  it('an edit in the text editor since the form was drawn refuses the form’s action', async () => {
    const { doc, post } = documentWith(ratings);
    doc.text = ratings.replace('  - { id: excellent, label: 优秀 }\n', '');
    doc.version = 2;
    await post(1, { kind: 'setText', path: ['ratings', 1, 'label'], text: '及格' });
    expect(doc.text).toBe(ratings.replace('  - { id: excellent, label: 优秀 }\n', ''));
    expect(doc.stale).toBe(1);
  });

  it('actions each drawn from the text the one before left all run, in order', async () => {
    const { doc, post } = documentWith('terms: [废物, 蠢货, 白痴]\n');
    await post(1, { kind: 'removeChip', path: ['terms'], index: 0 });
    await post(2, { kind: 'removeChip', path: ['terms'], index: 0 });
    await post(3, { kind: 'addChip', path: ['terms'], value: '笨蛋' });
    expect(doc.text).toBe('terms: [白痴, 笨蛋]\n');
    expect(doc.stale).toBe(0);
  });

  it('a quick fix is refused once the diagnostics were drawn again, an edit of the same text is not', async () => {
    let draw = 1;
    const ran: string[] = [];
    const queue = new ActionQueue<FormStamp>(
      () => ({ version: 1, draw }),
      () => ran.push('stale'),
      () => ran.push('failed'),
      sameForm,
    );
    await queue.run({ version: 1, draw: 1 }, () => void ran.push('fix'));
    draw = 2;
    await queue.run({ version: 1, draw: 1 }, () => void ran.push('fix'));
    await queue.run({ version: 1 }, () => void ran.push('edit'));
    expect(ran).toEqual(['fix', 'stale', 'edit']);
  });

  it('edits and fixes share the queue: a fix posted after an edit waits for it, and sees its version', async () => {
    let version = 1;
    const ran: string[] = [];
    const queue = new ActionQueue<FormStamp>(
      () => ({ version, draw: 1 }),
      () => ran.push('stale'),
      () => ran.push('failed'),
      sameForm,
    );
    await Promise.all([
      queue.run({ version: 1 }, async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        version = 2;
        ran.push('edit');
      }),
      queue.run({ version: 1, draw: 1 }, () => void ran.push('fix')),
    ]);
    expect(ran).toEqual(['edit', 'stale']);
  });
});
