/**
 * Guards against super-linear blowups (a quadratic loop, catastrophic backtracking), not speed checks: speed is
 * `npm run bench`'s job. They measure this process's CPU time, not the wall clock, because on a loaded CI machine
 * other processes stretch the wall clock many times over but not our CPU time; and each bound is set at least ten
 * times above what the linear code costs while the failure it guards against costs a hundred times more.
 */
export function cpuMs<T>(run: () => T): { value: T; ms: number } {
  const start = process.cpuUsage();
  const value = run();
  return { value, ms: elapsedMs(start) };
}

export async function cpuMsAsync<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = process.cpuUsage();
  const value = await run();
  return { value, ms: elapsedMs(start) };
}

function elapsedMs(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}
