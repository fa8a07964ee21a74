/**
 * What the browser tests need from the operating system, and how to get it on Debian:
 * Debian's Chromium (`npx playwright install` cannot download a browser here), a CJK font (without one,
 * Chinese renders as empty boxes in screenshots and PDFs) and poppler-utils (`pdftotext`/`pdftoppm`, to read
 * printed output). See ../../../shared/docs/stack-notes.md.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Path of the browser the tests launch (Debian's `chromium` package). */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** One requirement: how to tell it is there, and which Debian package provides it. */
interface Requirement {
  what: string;
  debianPackage: string;
  present: () => boolean;
}

/** Whether an executable named `name` is on PATH. */
function onPath(name: string): boolean {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    try {
      accessSync(join(dir, name), constants.X_OK);
      return true;
    } catch {
      // not in this folder
    }
  }
  return false;
}

/** Whether fontconfig knows at least one font covering Chinese. */
function hasCjkFont(): boolean {
  if (!onPath('fc-list')) return false;
  const result = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.trim() !== '';
}

const REQUIREMENTS: Requirement[] = [
  { what: `Chromium at ${CHROMIUM_PATH}`, debianPackage: 'chromium', present: () => existsSync(CHROMIUM_PATH) },
  // fc-list itself: without it the font check below cannot run (chromium pulls only the library, not the tool).
  { what: 'fc-list (fontconfig)', debianPackage: 'fontconfig', present: () => onPath('fc-list') },
  { what: 'a CJK font (fc-list :lang=zh)', debianPackage: 'fonts-noto-cjk', present: hasCjkFont },
  { what: 'pdftotext and pdftoppm', debianPackage: 'poppler-utils', present: () => onPath('pdftotext') && onPath('pdftoppm') },
];

/** The Debian packages whose requirement is not met yet (deduplicated, in install order). */
export function missingPackages(): string[] {
  return [...new Set(REQUIREMENTS.filter((r) => !r.present()).map((r) => r.debianPackage))];
}

function installCommand(packages: string[]): string {
  return `apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${packages.join(' ')}`;
}

function run(command: string, args: string[]): void {
  console.log(`[system] $ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (result.status !== 0) {
    throw new Error(`[system] \`${command} ${args.join(' ')}\` failed (exit ${result.status ?? result.signal})`);
  }
}

/**
 * Makes sure Chromium, a CJK font and poppler-utils are present. Quick and silent when they are. When some are
 * missing and we are root on a system with apt-get, installs only those (printing what it runs); otherwise
 * throws an error naming the packages and the command to install them.
 */
export function ensureSystem(): void {
  const missing = missingPackages();
  if (missing.length === 0) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !onPath('apt-get')) {
    const unmet = REQUIREMENTS.filter((r) => missing.includes(r.debianPackage)).map((r) => r.what);
    throw new Error(
      `The browser tests need ${unmet.join(', ')}.\n` +
        `Install the Debian packages ${missing.join(', ')} as root:\n  ${installCommand(missing)}`,
    );
  }
  console.log(`[system] missing Debian packages: ${missing.join(' ')}; installing them (one-time, about a minute)`);
  const started = performance.now();
  run('apt-get', ['update']);
  run('apt-get', ['install', '-y', '--no-install-recommends', ...missing]);
  const still = missingPackages();
  if (still.length > 0) {
    throw new Error(`[system] still missing after install: ${still.join(', ')}. Try: ${installCommand(still)}`);
  }
  console.log(`[system] installed ${missing.join(' ')} in ${Math.round((performance.now() - started) / 1000)} s`);
}

if (import.meta.main) ensureSystem();
