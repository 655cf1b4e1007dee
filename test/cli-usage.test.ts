// Mistakes on the command line are said in the user's language with what was probably meant; help,
// version and colour settings work the way people expect from other tools.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { qungui, repoRoot } from './helpers/cli.js';

const bad = 'test/fixtures/invalid/band-order.qungui.yaml';
const ESC = '\u001b[';

// Each case runs the CLI.
describe('the command line', { timeout: 30_000 }, () => {
  it('an unknown option: the closest real one, in Chinese or in English, exit 2', () => {
    const zh = qungui(['evaluate', '--polcy', 'examples/policies']);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toBe('qungui evaluate：没有 --polcy 这个选项。您是不是要写 “--policy”？运行 qungui evaluate --help 查看全部选项。\n');
    const en = qungui(['evaluate', '--polcy', 'x', '--locale', 'en']);
    expect(en.stderr).toBe("qungui evaluate: unknown option --polcy. Did you mean '--policy'? Run qungui evaluate --help for the options.\n");
    // Nothing close: no guess.
    expect(qungui(['validate', '--zzzzzz', 'examples']).stderr).toBe('qungui validate：没有 --zzzzzz 这个选项。运行 qungui validate --help 查看全部选项。\n');
  });

  it('an unknown command: the closest command and where the commands are listed, in one line', () => {
    const result = qungui(['valdate', 'examples']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('qungui：没有 valdate 这个命令。您是不是要写 “validate”？运行 qungui help 查看全部命令。\n');
    expect(qungui(['rendr', '--locale', 'en']).stderr).toBe("qungui: unknown command rendr. Did you mean 'render'? Run qungui help for the commands.\n");
    expect(qungui(['help', '--locale', 'zh-TW']).stdout).toContain('用法 / usage: qungui <command> [options]');
    expect(qungui(['help', '--locale', 'zh-TW']).stdout).toContain('校驗群規檔案');
  });

  it('an option given a value it does not take: the values it takes and the closest, in the chosen language', () => {
    expect(qungui(['render', 'examples/policies/onboarding.qungui.yaml', '--format', 'htm']).stderr).toBe(
      'qungui render: --format 只能是 md、html，这里是 htm。您是不是要写 “html”？\n',
    );
    expect(qungui(['validate', 'examples', '--format', 'sarf', '--locale', 'en']).stderr).toBe(
      "qungui validate: --format: expected text, json, sarif, junit, github, got sarf. Did you mean 'sarif'?\n",
    );
    expect(qungui(['init', '--yes', '--kind', 'skil', '--name', 'x']).stderr).toBe(
      'qungui init: --kind 只能是 new-employee、skill、management，这里是 skil。您是不是要写 “skill”？\n',
    );
  });

  it('an option without its value is named by its long name', () => {
    expect(qungui(['validate', '--format']).stderr).toBe('qungui validate：选项 --format 需要一个值。运行 qungui validate --help 查看全部选项。\n');
  });

  it('qungui help <command> is <command> --help; --version is engine/package.json’s', () => {
    expect(qungui(['help', 'validate']).stdout).toBe(qungui(['validate', '--help']).stdout);
    const version = JSON.parse(readFileSync(`${repoRoot}engine/package.json`, 'utf8')).version;
    expect(qungui(['--version']).stdout).toBe(`${version}\n`);
  });

  it('colour: --color and FORCE_COLOR turn it on, --no-color and NO_COLOR off (NO_COLOR wins)', () => {
    expect(qungui(['validate', bad]).stdout).not.toContain(ESC);
    expect(qungui(['validate', bad, '--color']).stdout).toContain(ESC);
    expect(qungui(['validate', bad], { env: { NO_COLOR: '', FORCE_COLOR: '1' } }).stdout).toContain(ESC);
    expect(qungui(['validate', bad, '--no-color'], { env: { NO_COLOR: '', FORCE_COLOR: '1' } }).stdout).not.toContain(ESC);
    expect(qungui(['validate', bad], { env: { NO_COLOR: '1', FORCE_COLOR: '1' } }).stdout).not.toContain(ESC);
  });

  it('the language: --locale, else QUNGUI_LOCALE, else LC_ALL / LC_MESSAGES / LANG, else Chinese', () => {
    const said = (env: Record<string, string>, args: string[] = []) => qungui(['valdate', ...args], { env }).stderr.split('\n')[0];
    const zh = 'qungui：没有 valdate 这个命令。您是不是要写 “validate”？运行 qungui help 查看全部命令。';
    const en = "qungui: unknown command valdate. Did you mean 'validate'? Run qungui help for the commands.";
    expect(said({})).toBe(zh);
    expect(said({ LANG: 'en_US.UTF-8' })).toBe(en);
    expect(said({ LANG: 'C.UTF-8' })).toBe(en);
    expect(said({ LANG: 'zh_CN.UTF-8' })).toBe(zh);
    expect(said({ LANG: 'zh_TW.UTF-8' })).toBe('qungui：沒有 valdate 這個命令。您是不是要寫 “validate”？執行 qungui help 檢視全部命令。');
    expect(said({ LC_ALL: 'zh_HK.UTF-8' })).toBe('qungui：沒有 valdate 這個命令。您是不是要寫 “validate”？執行 qungui help 檢視全部命令。');
    expect(said({}, ['--locale', 'zh-TW'])).toBe('qungui：沒有 valdate 這個命令。您是不是要寫 “validate”？執行 qungui help 檢視全部命令。');
    expect(said({ LANG: 'en_US.UTF-8', LC_MESSAGES: 'zh_CN.UTF-8' })).toBe(zh);
    expect(said({ LC_MESSAGES: 'zh_CN.UTF-8', LC_ALL: 'en_US.UTF-8' })).toBe(en);
    expect(said({ LANG: 'en_US.UTF-8', QUNGUI_LOCALE: 'zh-CN' })).toBe(zh);
    expect(said({ LANG: 'zh_CN.UTF-8' }, ['--locale', 'en'])).toBe(en);
    expect(qungui(['validate', 'examples', '--locale', 'fr']).stderr).toBe('qungui validate: --locale 只能是 zh-CN、zh-TW 或 en，这里是 fr\n');
  });
});
