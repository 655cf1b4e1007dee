import type { CliIo } from '../io.js';
import { UsageError } from '../io.js';

// Placeholder until the data-bundle reader lands (`qungui bundle check DIR`).
export async function run(_args: string[], _io: CliIo): Promise<number> {
  throw new UsageError('bundle check is not available yet');
}
