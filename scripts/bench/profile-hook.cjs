// CPU profiles of the processes of a real build, without editing it (an edit under scripts/ changes the code digest,
// and the next build then ingests, prepares and renders everything again):
//   NODE_OPTIONS="--require ./scripts/bench/profile-hook.cjs" PROF_DIR=/tmp/prof PROF_MATCH='prepare\.ts|astro-build-part|site-files' \
//     npx node scripts/build.ts …
// Every Node process whose command line matches PROF_MATCH (a regular expression) profiles its main thread and writes
// `<script>-<part>-<pid>.cpuprofile` into PROF_DIR when it exits; `node scripts/bench/profile.ts --profiles DIR` reads
// them. (`--cpu-prof` is refused in NODE_OPTIONS, and the build spawns its stages itself.) CommonJS: `--require`.
'use strict';
const { isMainThread } = require('node:worker_threads');
const dir = process.env.PROF_DIR;
const match = process.env.PROF_MATCH;
const command = process.argv.join(' ');
if (dir && match && isMainThread && new RegExp(match, 'u').test(command)) {
  const { Session } = require('node:inspector');
  const { mkdirSync, writeFileSync } = require('node:fs');
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.start');
  const script = (command.match(/scripts\/[\w/-]+\.ts/u)?.[0] ?? 'node').replace(/\W+/gu, '_');
  const part = (process.env.BUILD_PART ?? '').replace('/', 'of');
  // A session in the process's own thread answers synchronously, so the profile is written before the process ends.
  process.on('exit', () =>
    session.post('Profiler.stop', (error, result) => {
      if (error) return;
      mkdirSync(dir, { recursive: true });
      writeFileSync(`${dir}/${script}-${part}-${process.pid}.cpuprofile`, JSON.stringify(result.profile));
    }),
  );
}
