import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { commandLineError, nearestOption } from './command-line.ts';

const config = { options: { out: { type: 'string' }, seeds: { type: 'string' }, plans: { type: 'string' }, strict: { type: 'boolean' } } } as const;
const options = '; its options: --out --seeds --plans --strict';

describe('commandLineError(command, config, args)', () => {
  test.each([
    [['--seed', 'x'], `build: Unknown option '--seed' (did you mean --seeds?)${options}`],
    [['--sees', 'x'], `build: Unknown option '--sees' (did you mean --seeds?)${options}`],
    [['--xyz'], `build: Unknown option '--xyz'${options}`],
    [['--out'], `build: Option '--out <value>' argument missing${options}`],
    [['--strict=yes'], `build: Option '--strict' does not take an argument${options}`],
    [['extra'], `build: Unexpected argument 'extra'. This command does not take positional arguments${options}`],
  ])('%j: one line naming it, the nearest option and all of them', (args, line) => {
    expect(commandLineError('build', config, args)).toBe(line);
  });
  test('none for options the command has', () => {
    expect(commandLineError('build', config, ['--seeds', 'x', '--strict'])).toBeNull();
  });
});

test('nearestOption: within a third of the letters, else none', () => {
  expect(nearestOption('--plan', ['--plans', '--out'])).toBe('--plans');
  expect(nearestOption('--port', ['--plans', '--out'])).toBeNull();
});

test('a command run with a mistyped option exits 2 with that line, not a stack trace', () => {
  const r = spawnSync(process.execPath, ['scripts/build.ts', '--seed', 'x'], { encoding: 'utf8' });
  expect(r.status).toBe(2);
  expect(r.stderr).toBe(`build: Unknown option '--seed' (did you mean --seeds?); its options: --out --base --seeds --plans --strict\n`);
  expect(r.stdout).toBe('');
});
