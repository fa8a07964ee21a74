/**
 * The options of a command (`npm run build -- --seeds DIR`…), read with Node's `parseArgs`, but a mistyped or unknown
 * option, or one without its value, is one line naming it, the nearest option the command has, and all of them, with
 * exit code 2, instead of Node's stack trace.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** The option of `known` nearest to `typed` (by edit distance, at most a third of its letters away), or null. */
export function nearestOption(typed: string, known: readonly string[]): string | null {
  const distance = (a: string, b: string): number => {
    let row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      const next = [i];
      for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      row = next;
    }
    return row[b.length]!;
  };
  let best: { option: string; d: number } | null = null;
  for (const option of known) {
    const d = distance(typed, option);
    if (d <= Math.max(1, Math.floor(option.length / 3)) && (!best || d < best.d)) best = { option, d };
  }
  return best?.option ?? null;
}

/** What is wrong with `args` for `config`, as the line to print; null when they parse. */
export function commandLineError(command: string, config: ParseArgsConfig, args: string[]): string | null {
  try {
    parseArgs({ ...config, args });
    return null;
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    if (!code.startsWith('ERR_PARSE_ARGS_')) throw e;
    const known = Object.keys(config.options ?? {}).map((k) => `--${k}`);
    const typed = /'(-[^' ]+)/u.exec((e as Error).message)?.[1];
    const near = typed && !known.includes(typed) ? nearestOption(typed, known) : null;
    const what = (e as Error).message.split('\n')[0]!.replace(/\. To specify a positional argument.*$/u, '');
    return `${command}: ${what}${near ? ` (did you mean ${near}?)` : ''}; its options: ${known.join(' ')}`;
  }
}

/** `parseArgs` for a command run from the shell: on a wrong option, the line `commandLineError` gives and exit 2. */
export function parseCommandLine<T extends ParseArgsConfig>(command: string, config: T, args = process.argv.slice(2)): ReturnType<typeof parseArgs<T>> {
  const error = commandLineError(command, config, args);
  if (error !== null) {
    console.error(error);
    process.exit(2);
  }
  return parseArgs({ ...config, args } as T);
}
