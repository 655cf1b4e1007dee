import type { CliIo } from '../io.js';
import { UsageError } from '../io.js';

export async function run(_args: string[], _io: CliIo): Promise<number> {
  throw new UsageError('validate is being built');
}
