// `qungui init`: a new group's policy in a minute. On a terminal it asks (group kind, name, chat
// rooms, file); otherwise everything comes from flags: `qungui init --yes --kind K --name N --out F`.
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { defaultPolicyId, policyTemplate, type GroupKind, type InitAnswers } from '../../init/policy-template.js';
import { validatePolicy } from '../../policy/validate.js';
import { commitOutputFile, prepareOutputFile } from '../output-folder.js';
import { EXIT_OK, UsageError, helpIn, parseLocale, type CliIo } from '../io.js';
import type { Locale, LocalizedText } from '../../diagnostics/diagnostic.js';
import { localized, say } from '../../i18n/localized-text.js';
import { badChoice } from '../usage-errors.js';

const KINDS: GroupKind[] = ['new-employee', 'skill', 'management'];
const KIND_TEXT: Record<GroupKind, LocalizedText> = {
  'new-employee': localized('新员工培训', 'new-employee training'),
  skill: localized('业务技能提升培训', 'skills training'),
  management: localized('管理培训', 'management training'),
};

const help = `用法 / usage: qungui init [--kind new-employee|skill|management] [--name 名称] [--groups roomid,…] [--id ID] [--out FILE] [--yes] [--force] [--locale zh-CN|zh-TW|en]
  在终端上逐项询问；--yes 或非终端时只用参数 / asks on a terminal; with --yes (or no terminal) uses the flags only
  --out FILE    群规文件名（默认 <id>.qungui.yaml）/ the policy file (default <id>.qungui.yaml)
  --force       替换已存在的文件；不加则不覆盖 / replace an existing file; without it nothing is overwritten
退出码 / exit: 0 已生成 written · 2 用法错误、文件已存在、--out 被拒绝或读写错误 usage, file exists, a refused --out, I/O
`;

export interface InitInput {
  stdin: NodeJS.ReadableStream;
  isTTY: boolean;
}

export async function run(args: string[], io: CliIo, input: InitInput = { stdin: process.stdin, isTTY: Boolean(process.stdin.isTTY) }): Promise<number> {
  const { values } = parseArgs({
    args,
    // Every boolean option has its --no- form (--no-strict, --no-quiet, --no-redact).
    allowNegative: true,
    options: {
      kind: { type: 'string' },
      name: { type: 'string' },
      groups: { type: 'string' },
      id: { type: 'string' },
      out: { type: 'string', short: 'o' },
      yes: { type: 'boolean', short: 'y' },
      force: { type: 'boolean' },
      locale: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(helpIn(help, parseLocale(values.locale, io.env)));
    return EXIT_OK;
  }
  const locale = parseLocale(values.locale, io.env);
  if (values.kind !== undefined && !KINDS.includes(values.kind as GroupKind)) throw new UsageError(badChoice('--kind', KINDS, values.kind, locale));

  let answers: InitAnswers & { out?: string };
  if (values.yes || !input.isTTY) {
    if (!values.kind || !values.name)
      throw new UsageError(`${say(locale, '没有终端时需要 --kind 和 --name', 'without a terminal, give --kind and --name')}\n\n${help}`);
    answers = { kind: values.kind as GroupKind, name: values.name, groups: splitList(values.groups), id: values.id, out: values.out };
  } else {
    answers = await ask(io, input.stdin, values, locale);
  }
  if (answers.id !== undefined && !/^[a-z][a-z0-9-]*$/.test(answers.id))
    throw new UsageError(
      say(
        locale,
        '--id 只能用小写字母、数字和连字符，并以字母开头（这里是 {id}）',
        '--id: use lowercase letters, digits and hyphens, starting with a letter (got {id})',
        { id: answers.id },
      ),
    );

  const id = answers.id ?? defaultPolicyId(answers.kind, answers.name);
  const target = await prepareOutputFile(answers.out ?? `${id}.qungui.yaml`, io.cwd, { force: values.force });
  const out = target.path;
  const text = policyTemplate({ ...answers, id });
  // The template is ours: it must validate clean, or the user's first experience is an error.
  const problems = validatePolicy({ file: out, text }).diagnostics.filter((d) => d.severity === 'error');
  if (problems.length) throw new Error(`generated policy does not validate: ${problems.map((p) => p.code).join(', ')}`);
  await commitOutputFile(target, text);
  io.stdout(
    say(
      locale,
      '已生成 {out}\n下一步：填写 admins 和 reviewers，按需要调整阈值，然后运行 npx qungui validate {file}\n',
      'Written: {out}\nNext: fill in admins and reviewers, adjust the thresholds, then run npx qungui validate {file}\n',
      { out, file: answers.out ?? `${id}.qungui.yaml` },
    ),
  );
  return EXIT_OK;
}

function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(/[,，\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

async function ask(
  io: CliIo,
  stdin: NodeJS.ReadableStream,
  given: { kind?: string; name?: string; groups?: string; id?: string; out?: string },
  locale: Locale,
) {
  const rl = createInterface({ input: stdin, output: process.stdout, terminal: true });
  try {
    let kind = given.kind as GroupKind | undefined;
    while (!kind) {
      const answer =
        (
          await rl.question(
            say(locale, '培训群类型：\n  1) {a}  2) {b}  3) {c}\n请选择 [1]：', 'Group kind:\n  1) {a}  2) {b}  3) {c}\nChoose [1]: ', {
              a: KIND_TEXT['new-employee'],
              b: KIND_TEXT.skill,
              c: KIND_TEXT.management,
            }),
          )
        ).trim() || '1';
      kind = KINDS[Number(answer) - 1] ?? (KINDS.includes(answer as GroupKind) ? (answer as GroupKind) : undefined);
      if (!kind) io.stdout(say(locale, '请输入 1、2 或 3\n', 'Type 1, 2 or 3\n'));
    }
    let name = given.name;
    while (!name) name = (await rl.question(say(locale, '群名称：', 'Group name: '))).trim() || undefined;
    const groups =
      given.groups !== undefined
        ? splitList(given.groups)
        : splitList(await rl.question(say(locale, '群聊 ID，多个用逗号分隔（可稍后填写）：', 'Chat room ids, separated by commas (may be filled in later): ')));
    const suggested = `${given.id ?? defaultPolicyId(kind, name)}.qungui.yaml`;
    const out = given.out ?? ((await rl.question(say(locale, '保存为 [{suggested}]：', 'Save as [{suggested}]: ', { suggested }))).trim() || suggested);
    return { kind, name, groups, id: given.id, out };
  } finally {
    rl.close();
  }
}
