/**
 * Side-by-side CPU-time ratios of functions that take microseconds, measured in one process.
 *
 * Mean ops/s from a wall-clock benchmark library is the wrong tool for a call of a few microseconds: a timer read
 * per call costs as much as the call, a GC pause or a neighbour's burst lands on whichever task happens to run, and
 * two tasks timed a second apart see different machines (CPU frequency, cache, JIT state). So:
 *   - every contender runs in **rounds**, and the rounds are **interleaved** (round 1 of each contender, then
 *     round 2 of each, ...; the order rotates every round so none always runs first after a GC);
 *   - a round is a batch of calls long enough (`roundMs` of CPU, default 40 ms) that `process.cpuUsage()`, which
 *     counts microseconds of user + system time of the whole process (GC threads included: allocation has a cost),
 *     resolves it to well under 1%;
 *   - each contender runs in a timing loop of its own (see makeLoop), so no contender is timed through code the
 *     JIT optimised for another;
 *   - any two contenders are compared **round by round** (a's time per call over b's in the same round), and the
 *     result is the **median** of those ratios, with the quartiles and extremes as the spread: a round slowed by
 *     the machine slows both sides of its ratio.
 * `BENCH_DEBUG=1` prints every round's CPU microseconds per call.
 */
import { performance } from 'node:perf_hooks';

export interface Contender {
  name: string;
  /** One call of the work measured. Its result is kept (summed in a sink) so the call cannot be optimised away. */
  run: () => unknown;
}

export interface CpuRatioOptions {
  /** Interleaved rounds per contender (default 21: an odd count, so the median is a measured round). */
  rounds?: number;
  /** CPU milliseconds per round (default 40). */
  roundMs?: number;
  /** CPU milliseconds each contender runs before measuring, for the JIT (default 300). */
  warmupMs?: number;
}

export interface CpuRatio {
  /** `a / b`: what is compared. */
  name: string;
  /** Median over the rounds of (a's CPU time per call / b's in the same round). */
  median: number;
  /** First and third quartiles, lowest and highest per-round ratio. */
  q1: number;
  q3: number;
  min: number;
  max: number;
}

export interface CpuMeasurement {
  rounds: number;
  /** Median CPU microseconds per call of a contender. */
  microsPerCall(name: string): number;
  /** Calls in each of a contender's rounds. */
  callsPerRound(name: string): number;
  /** The per-round ratio of a's CPU time per call to b's (below 1: a is faster), its median and spread. */
  ratio(a: string, b: string): CpuRatio;
}

let sink = 0;
/** What the measured calls returned, summed (so they cannot be optimised away); print it or ignore it. */
export function sinkValue(): number {
  return sink;
}

type Loop = (run: () => unknown, calls: number) => number;

/**
 * A timing loop of its own for each contender. One loop shared by all would see a different `run` on each batch:
 * V8 optimises it for one contender (inlining that contender's code), deoptimises it when the next one comes
 * ("wrong call target"), and the batches then time the JIT instead of the code (measured: rounds 10 times slower
 * at random). `new Function` gives each loop its own type feedback.
 */
function makeLoop(): Loop {
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- a fresh function per contender is the point (above)
  return new Function(
    'run',
    'calls',
    `let kept = 0;
    for (let i = 0; i < calls; i++) {
      const result = run();
      kept += typeof result === 'string' ? result.length : result === undefined ? 0 : 1;
    }
    return kept;`,
  ) as Loop;
}

function cpuMicros(): number {
  const usage = process.cpuUsage();
  return usage.user + usage.system;
}

/**
 * Runs `calls` calls of `run` in its loop and returns the CPU microseconds they took. (No forced GC between
 * batches: after a full collection V8 shrinks the young generation, and the next batches then pay for many more
 * scavenges than they would in a running process; measured: an allocating renderer looked up to 8 times slower.)
 */
function batch(loop: Loop, run: () => unknown, calls: number): number {
  const start = cpuMicros();
  sink += loop(run, calls);
  return cpuMicros() - start;
}

/** How many calls take about `ms` of CPU, after running the function for `warmupMs` (JIT). */
function calibrate(loop: Loop, run: () => unknown, ms: number, warmupMs: number): number {
  const warmEnd = performance.now() + warmupMs;
  let calls = 1;
  while (performance.now() < warmEnd) {
    sink += loop(run, calls);
    calls = Math.min(calls * 2, 1000);
  }
  // Grow the batch until it is long enough for a stable reading, then scale it to the round length.
  let n = 16;
  for (;;) {
    const micros = batch(loop, run, n);
    if (micros >= 5_000) return Math.max(1, Math.round((n * ms * 1000) / micros));
    n *= 4;
  }
}

function quantile(sorted: readonly number[], q: number): number {
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (at - low);
}

/**
 * Runs every contender in interleaved rounds (the order rotating each round) and keeps each round's CPU time per
 * call, so any two contenders can then be compared round by round.
 */
export function measureCpu(contenders: readonly Contender[], options: CpuRatioOptions = {}): CpuMeasurement {
  const rounds = options.rounds ?? 21;
  const roundMs = options.roundMs ?? 40;
  const warmupMs = options.warmupMs ?? 300;
  const names = contenders.map((contender) => contender.name);
  if (new Set(names).size !== names.length) throw new Error(`contender names must differ: ${names.join(', ')}`);
  const loops = contenders.map(() => makeLoop());
  const calls = contenders.map((contender, c) => calibrate(loops[c]!, contender.run, roundMs, warmupMs));
  // perCall[c][r]: CPU microseconds per call of contender c in round r.
  const perCall = contenders.map(() => new Array<number>(rounds));
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < contenders.length; k++) {
      const c = (round + k) % contenders.length;
      perCall[c]![round] = batch(loops[c]!, contenders[c]!.run, calls[c]!) / calls[c]!;
    }
  }
  if (process.env.BENCH_DEBUG) {
    for (let round = 0; round < rounds; round++) console.log(round, perCall.map((micros) => micros[round]!.toFixed(2)).join(' '));
  }
  const indexOf = (name: string): number => {
    const index = names.indexOf(name);
    if (index < 0) throw new Error(`no contender named ${name} (have ${names.join(', ')})`);
    return index;
  };
  return {
    rounds,
    microsPerCall: (name) =>
      quantile(
        [...perCall[indexOf(name)]!].sort((x, y) => x - y),
        0.5,
      ),
    callsPerRound: (name) => calls[indexOf(name)]!,
    ratio: (a, b) => {
      const top = perCall[indexOf(a)]!;
      const bottom = perCall[indexOf(b)]!;
      const perRound = top.map((micros, round) => micros / bottom[round]!).sort((x, y) => x - y);
      return {
        name: `${a} / ${b}`,
        median: quantile(perRound, 0.5),
        q1: quantile(perRound, 0.25),
        q3: quantile(perRound, 0.75),
        min: perRound[0]!,
        max: perRound[perRound.length - 1]!,
      };
    },
  };
}

/** `0.52× (0.50–0.55)`: the median ratio and its interquartile range, for printing. */
export function formatRatio(ratio: Pick<CpuRatio, 'median' | 'q1' | 'q3'>): string {
  return `${ratio.median.toFixed(2)}× (IQR ${ratio.q1.toFixed(2)}–${ratio.q3.toFixed(2)})`;
}
