// The sample-data counts the visual editor shows beside band rows and content categories: the same run
// the code lenses read (one per document text, reused), reduced to numbers.
import type { SampleCountsView } from '../../visual-editor/policy-form.js';
import type { SampleOutcome } from '../sample/sample-job.js';

export function sampleCountsView(outcome: SampleOutcome | undefined): SampleCountsView | undefined {
  if (outcome?.kind !== 'counts') return undefined;
  const bands: SampleCountsView['bands'] = {};
  for (const [dimension, rows] of Object.entries(outcome.counts.bands)) {
    bands[dimension] = Object.fromEntries(rows.map((row) => [row.index, row.members.length]));
  }
  return { bands, categories: { ...outcome.counts.categories } };
}
