/**
 * Runs a child process and measures its memory while it runs, by sampling `/proc` (Linux only). Peak memory of a
 * build is not one process's: `astro build` is one Node process, Pagefind's runner starts its native binary as a
 * child. So the sampler sums the resident set (VmRSS) of every descendant of the child, every `intervalMs`, and
 * keeps the largest sum; it also keeps each process's own high-water mark (VmHWM), which catches a peak between
 * two samples. A stage's peak is the larger of the two.
 *
 * The build script's own lines `build: <stage> done in <ms> ms` split a run into stages: memory seen before such
 * a line belongs to that stage (the stages run one after another, so their processes never overlap).
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

/** Memory of one stage, in bytes. */
export interface StageMemory {
  /** Largest sampled sum of VmRSS over the stage's processes (the wrapper excluded). */
  treeRss: number;
  /** Largest VmHWM of any single process of the stage. */
  maxProcessHwm: number;
  /** max(treeRss, maxProcessHwm): what the report calls the stage's peak. */
  peak: number;
}

/** One stage as the build script reported it. */
export interface StageRun {
  name: string;
  /** The build script's own timing of the stage. */
  ms: number;
  /**
   * CPU time (user + system) of the stage's processes, summed, as last sampled before each ended (so up to one
   * sampling interval short per process). Less sensitive than wall time to other work on the machine.
   */
  cpuMs: number;
  memory: StageMemory;
}

/** CPU time the whole machine has spent busy since boot (all cores, ms), from the first line of /proc/stat. */
export function machineBusyMs(): number {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/u).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal …: everything but idle and iowait is busy.
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = fields;
  return ((user + nice + system + irq + softirq + steal) * 1000) / CLOCK_TICKS;
}

/** A whole measured run. */
export interface MeasuredRun {
  /** Wall time from spawn to exit, as seen here. */
  wallMs: number;
  /**
   * Other work on the machine while this ran, in cores on average: the machine's busy CPU time minus the run's own
   * and this process's. Near 0 on a quiet machine; 1 means another core's worth of work competed with the build.
   */
  otherCores: number;
  stages: StageRun[];
  /** Everything the child printed (stdout and stderr, interleaved as received). */
  log: string;
  status: number | null;
}

/** Clock ticks per second of /proc's CPU times (`getconf CLK_TCK`; 100 on every Linux we run on). */
const CLOCK_TICKS = (() => {
  const out = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
  const n = Number(out.stdout?.trim());
  return Number.isFinite(n) && n > 0 ? n : 100;
})();

/** Parent pid and CPU time used so far (user + system, ms) of a process, from /proc/<pid>/stat. */
function statOf(pid: number): { ppid: number; cpuMs: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may contain spaces and parentheses: the fields after the last ')' are fixed.
    // After it: state (3), ppid (4), … utime (14), stime (15).
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(rest[1]), cpuMs: ((Number(rest[11]) + Number(rest[12])) * 1000) / CLOCK_TICKS };
  } catch {
    return null;
  }
}

function memoryOf(pid: number): { rss: number; hwm: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'mu').exec(status)?.[1] ?? 0) * 1024;
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch {
    return null;
  }
}

/** Every live descendant of `root` (not `root` itself), with the CPU time it has used so far. */
export function descendants(root: number): { pid: number; cpuMs: number }[] {
  const children = new Map<number, number[]>();
  const cpu = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/u.test(name)) continue;
    const pid = Number(name);
    const stat = statOf(pid);
    if (stat === null) continue;
    cpu.set(pid, stat.cpuMs);
    const list = children.get(stat.ppid);
    if (list) list.push(pid);
    else children.set(stat.ppid, [pid]);
  }
  const out: { pid: number; cpuMs: number }[] = [];
  const queue = [...(children.get(root) ?? [])];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    out.push({ pid, cpuMs: cpu.get(pid) ?? 0 });
    queue.push(...(children.get(pid) ?? []));
  }
  return out;
}

/**
 * Spawns `command args` and measures it. `stageLine` recognises the line that closes a stage and returns its
 * name and the time the child reported for it.
 */
export function runMeasured(
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; intervalMs?: number; stageLine: (line: string) => { name: string; ms: number } | null },
): Promise<MeasuredRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const busyAtStart = machineBusyMs();
    const ownAtStart = process.cpuUsage();
    let childCpuMs = 0;
    // The wrapper (the build script itself) is not part of any stage, but it is not "other work" either.
    let wrapperCpuMs = 0;
    const child = spawn(command, args, { env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const stages: StageRun[] = [];
    let treeRss = 0;
    const hwm = new Map<number, number>();
    const cpu = new Map<number, number>();
    const sample = () => {
      if (child.pid === undefined) return;
      wrapperCpuMs = Math.max(wrapperCpuMs, statOf(child.pid)?.cpuMs ?? 0);
      let sum = 0;
      for (const { pid, cpuMs } of descendants(child.pid)) {
        cpu.set(pid, Math.max(cpu.get(pid) ?? 0, cpuMs));
        const m = memoryOf(pid);
        if (!m) continue;
        sum += m.rss;
        hwm.set(pid, Math.max(hwm.get(pid) ?? 0, m.hwm));
      }
      treeRss = Math.max(treeRss, sum);
    };
    const closeStage = (name: string, ms: number) => {
      sample();
      const maxProcessHwm = Math.max(0, ...hwm.values());
      const cpuMs = [...cpu.values()].reduce((a, b) => a + b, 0);
      childCpuMs += cpuMs;
      stages.push({ name, ms, cpuMs, memory: { treeRss, maxProcessHwm, peak: Math.max(treeRss, maxProcessHwm) } });
      treeRss = 0;
      hwm.clear();
      cpu.clear();
    };
    const timer = setInterval(sample, options.intervalMs ?? 50);
    let log = '';
    let pendingLine = '';
    const onData = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      log += text;
      pendingLine += text;
      const lines = pendingLine.split('\n');
      pendingLine = lines.pop()!;
      for (const line of lines) {
        const stage = options.stageLine(line);
        if (stage) closeStage(stage.name, stage.ms);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('close', (status) => {
      clearInterval(timer);
      const wallMs = performance.now() - started;
      const own = process.cpuUsage(ownAtStart);
      const otherMs = machineBusyMs() - busyAtStart - childCpuMs - wrapperCpuMs - (own.user + own.system) / 1000;
      resolve({ wallMs, otherCores: Math.max(0, otherMs / wallMs), stages, log, status });
    });
  });
}
