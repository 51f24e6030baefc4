// CPU seconds spent by each tier during a run (Linux /proc): the API process, the PostgreSQL backends
// serving the bench database, the load generator (this process), and everything else on the machine.
// On a small shared machine this says whether a scenario is bound by Node, by PostgreSQL, or by others.
import { existsSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

export interface CpuSnapshot {
  at: number;
  machineBusy: number;
  perPid: Map<number, number>;
  /** CPU of the postmaster's exited children (parallel workers, closed connections): cluster-wide. */
  postmasterReaped: number;
}

export interface CpuBreakdown {
  /** cores × wall seconds: what the machine could have given. */
  capacitySeconds: number;
  apiSeconds: number;
  /** Live backends of the bench database. */
  postgresSeconds: number;
  /** Backends that exited during the run (parallel query workers…), counted for the whole cluster. */
  postgresExitedSeconds: number;
  loadGeneratorSeconds: number;
  otherSeconds: number;
  idleSeconds: number;
}

export const cpuAccountingAvailable = existsSync('/proc/stat');

/** Fields of /proc/<pid>/stat after the command name: [0] state, [1] ppid, [11] utime, [12] stime, [13] cutime, [14] cstime. */
function statFields(pid: number): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

function processTicks(pid: number): number | null {
  const fields = statFields(pid);
  return fields ? Number(fields[11]) + Number(fields[12]) : null;
}

export function parentPid(pid: number): number | null {
  const fields = statFields(pid);
  return fields ? Number(fields[1]) : null;
}

function machineBusyTicks(): number {
  // cpu  user nice system idle iowait irq softirq steal …: busy = everything but idle and iowait
  const [, ...values] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = values.map(Number);
  return user + nice + system + irq + softirq + steal;
}

export function snapshot(pids: number[], postmasterPid: number | null): CpuSnapshot {
  const perPid = new Map<number, number>();
  for (const pid of pids) {
    const ticks = processTicks(pid);
    if (ticks !== null) perPid.set(pid, ticks);
  }
  const postmaster = postmasterPid === null ? null : statFields(postmasterPid);
  const postmasterReaped = postmaster ? Number(postmaster[13]) + Number(postmaster[14]) : 0;
  return { at: Date.now(), machineBusy: machineBusyTicks(), perPid, postmasterReaped };
}

/** Ticks between two snapshots for the given pids (a pid missing from `before` started during the run). */
function delta(before: CpuSnapshot, after: CpuSnapshot, pids: number[]): number {
  let sum = 0;
  for (const pid of new Set(pids)) {
    const end = after.perPid.get(pid);
    if (end === undefined) continue;
    sum += end - (before.perPid.get(pid) ?? 0);
  }
  return sum;
}

export function breakdown(before: CpuSnapshot, after: CpuSnapshot, tiers: { api: number[]; postgres: number[]; loadGenerator: number[] }): CpuBreakdown {
  const seconds = (ticks: number) => Math.round((ticks / TICKS_PER_SECOND) * 100) / 100;
  const api = delta(before, after, tiers.api);
  const postgres = delta(before, after, tiers.postgres);
  const loadGenerator = delta(before, after, tiers.loadGenerator);
  const exited = after.postmasterReaped - before.postmasterReaped;
  const busy = after.machineBusy - before.machineBusy;
  const capacity = ((after.at - before.at) / 1000) * cpus().length * TICKS_PER_SECOND;
  return {
    capacitySeconds: seconds(capacity),
    apiSeconds: seconds(api),
    postgresSeconds: seconds(postgres),
    postgresExitedSeconds: seconds(exited),
    loadGeneratorSeconds: seconds(loadGenerator),
    otherSeconds: seconds(Math.max(0, busy - api - postgres - exited - loadGenerator)),
    idleSeconds: seconds(Math.max(0, capacity - busy)),
  };
}
