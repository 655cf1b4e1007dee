// What evaluate and explain both start from: the policies, every one valid (else their diagnostics
// are printed and the run refused), and the month's bundle opened in the policies' time zone (or
// bundle.yaml's, which must be given when the policies' zones differ). Problems are printed in the
// user's language and come back as an exit code.
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { openBundle, readBundleTimezone } from '../data/index.js';
import type { Bundle } from '../data/bundle-types.js';
import type { Locale } from '../diagnostics/diagnostic.js';
import { messageIn } from '../i18n/localized-error.js';
import { localized, say } from '../i18n/localized-text.js';
import { timezoneOf } from '../policy/model/defaults.js';
import type { ValidatedPolicy } from '../policy/validate.js';
import { readPolicyFiles, sayUnusable } from './read-policies.js';
import { EXIT_USAGE, type CliIo } from './io.js';

export interface MonthInputs {
  command: string;
  policy: string[];
  data: string;
  month: string;
}

export interface LoadedMonth {
  policies: ValidatedPolicy[];
  bundle: Bundle;
  /** The same bundle opened again (a bundle is read once), e.g. to evaluate the month under another policy. */
  reopen: () => Promise<Bundle>;
}

export async function loadMonth(inputs: MonthInputs, io: CliIo, locale: Locale): Promise<LoadedMonth | number> {
  const { command } = inputs;
  // Policies: every file must validate without errors; otherwise print the diagnostics and refuse.
  const read = await readPolicyFiles(inputs.policy, io.cwd);
  if (!('policies' in read)) {
    sayUnusable(read, command, localized('群规有错误，未执行考核', 'policy errors: evaluation refused'), io, locale);
    return EXIT_USAGE;
  }
  const { policies } = read;

  const dataDir = resolve(io.cwd, inputs.data);
  if (!(await stat(dataDir).catch(() => undefined))?.isDirectory()) {
    io.stderr(say(locale, 'qungui {command}：数据文件夹不存在：{data}\n', 'qungui {command}: no such data folder: {data}\n', { command, data: inputs.data }));
    return EXIT_USAGE;
  }
  // Times without an offset in the exports are read in the policies' zone; policies in different
  // zones make that ambiguous, so bundle.yaml must then name it.
  const zones = [...new Set(policies.map((p) => timezoneOf(p.value)))].sort();
  let bundle: Bundle;
  let timezone: string;
  try {
    const bundleZone = await readBundleTimezone(dataDir);
    if (!bundleZone && zones.length > 1) {
      io.stderr(
        say(
          locale,
          'qungui {command}：群规的时区不同（{zones}），导出数据中不带时区的时间无法确定；请在 bundle.yaml 中写明 timezone\n',
          "qungui {command}: the policies are in different time zones ({zonesEn}): set timezone in bundle.yaml for the exports'' times\n",
          { command, zones: zones.join('、'), zonesEn: zones.join(', ') },
        ),
      );
      return EXIT_USAGE;
    }
    timezone = bundleZone ?? zones[0]!;
    bundle = await openBundle(dataDir, { timezone, month: inputs.month });
  } catch (error) {
    io.stderr(`qungui ${command}: ${messageIn(error, locale)}\n`);
    return EXIT_USAGE;
  }
  return { policies, bundle, reopen: () => openBundle(dataDir, { timezone, month: inputs.month }) };
}
