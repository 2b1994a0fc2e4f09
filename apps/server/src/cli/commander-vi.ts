import { Help, type Command } from 'commander';

/** Section titles of the help screens, Vietnamese first. */
const TITLES: Record<string, string> = {
  'Usage:': 'Cách dùng (usage):',
  'Arguments:': 'Tham số (arguments):',
  'Options:': 'Tùy chọn (options):',
  'Global Options:': 'Tùy chọn chung (global options):',
  'Commands:': 'Lệnh (commands):',
};

/** Commander's own error messages (English) in Vietnamese. */
export function translateCommanderError(message: string): string {
  const text = message.trim();
  const rules: Array<[RegExp, (m: RegExpMatchArray) => string]> = [
    [
      /^error: unknown command '([^']*)'(?:\s*\(Did you mean ([^)]*)\?\))?/s,
      (m) => `Lỗi: không có lệnh "${m[1]}".${m[2] ? ` Có phải ý bạn là "${m[2]}"?` : ''}`,
    ],
    [
      /^error: unknown option '([^']*)'(?:\s*\(Did you mean ([^)]*)\?\))?/s,
      (m) => `Lỗi: không có tùy chọn "${m[1]}".${m[2] ? ` Có phải ý bạn là "${m[2]}"?` : ''}`,
    ],
    [
      /^error: required option '([^']*)' not specified/,
      (m) => `Lỗi: thiếu tùy chọn bắt buộc ${m[1]}.`,
    ],
    [/^error: option '([^']*)' argument missing/, (m) => `Lỗi: tùy chọn ${m[1]} cần một giá trị.`],
    [
      /^error: missing required argument '([^']*)'/,
      (m) => `Lỗi: thiếu tham số bắt buộc "${m[1]}".`,
    ],
    [/^error: too many arguments/, () => 'Lỗi: thừa tham số.'],
    [
      /^error: option '([^']*)' cannot be used with option '([^']*)'/,
      (m) => `Lỗi: không dùng ${m[1]} cùng với ${m[2]}.`,
    ],
    [
      /^error: option '([^']*)' argument '([^']*)' is invalid\.?\s*(.*)/s,
      (m) => `Lỗi: giá trị "${m[2]}" của ${m[1]} không hợp lệ. ${m[3]}`.trim(),
    ],
  ];
  for (const [pattern, render] of rules) {
    const m = text.match(pattern);
    if (m) return `${render(m)}\n`;
  }
  return `${text.replace(/^error: /, 'Lỗi: ')}\n`;
}

/** Applies the Vietnamese help layout and wording to a command (subcommands inherit it). */
export function localise(command: Command): Command {
  return command
    .configureHelp({
      styleTitle: (title) => TITLES[title] ?? title,
      subcommandTerm: (cmd) => new Help().subcommandTerm(cmd).replace('[options]', '[tùy chọn]'),
      commandUsage: (cmd) =>
        new Help()
          .commandUsage(cmd)
          .replace('[options]', '[tùy chọn]')
          .replace('[command]', '[lệnh]'),
      sortSubcommands: false,
      showGlobalOptions: false,
    })
    .helpOption('-h, --help', 'Hiển thị trợ giúp (display help)')
    .showHelpAfterError('(Xem trợ giúp: thêm --help vào cuối lệnh.)');
}

/** Vietnamese wording for the `help` subcommand of a command that has subcommands. */
export function localiseHelpCommand(command: Command): Command {
  return command.helpCommand('help [lệnh]', 'Hiển thị trợ giúp của một lệnh (display help)');
}
