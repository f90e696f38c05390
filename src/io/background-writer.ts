/**
 * Creating many new files on a second thread, so that on two cores the file system's work (about as long as
 * rendering a message, on ext4) overlaps with the main thread's rendering instead of adding to it.
 *
 * The worker also runs the comparison that leaves a file holding exactly its new content as it is
 * (io/same-content.ts): the files it left are marked in a shared bitmap, read by `marked()`.
 *
 * The interface stays synchronous, as the render loop is: `write()` hands the path and the text to a worker
 * (postMessage copies the text; the worker gets it without the main thread yielding) and returns at once, unless
 * MAX_IN_FLIGHT files are still waiting, in which case it blocks (Atomics.wait) until the worker catches up, so
 * memory stays bounded. `drain()` waits for every file. A failure in the worker (no space left, say) is thrown by
 * the next `write()` or by `drain()`, as the same Error the synchronous write would have thrown.
 *
 * The worker's code is a string evaluated as a CommonJS script, not a module file: it uses node:fs only, and so
 * runs the same from dist/ and from the TypeScript sources under test.
 */
import { receiveMessageOnPort, MessageChannel, Worker, type MessagePort } from 'node:worker_threads';

/** Files handed over and not yet written, at most: a few hundred kilobytes of messages. */
export const MAX_IN_FLIGHT = 64;

/** A file system that writes nothing for this long is not slow: the worker is gone. */
const STALLED_MS = 10 * 60_000;

/** Slots of the shared counters. */
const DONE = 0;
const FAILED = 1;

const WORKER = `
const { closeSync, constants, fstatSync, lstatSync, openSync, readSync, writeSync } = require('node:fs');
const { workerData, parentPort } = require('node:worker_threads');
const state = new Int32Array(workerData.state);
const marks = new Int32Array(workerData.marks);
const errors = workerData.errors;
const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;
let scratch = Buffer.alloc(0);
// io/same-content.ts, for this thread.
function holdsExactly(file, bytes) {
  let fd;
  try {
    if (NO_FOLLOW === 0 && !lstatSync(file).isFile()) return false;
    fd = openSync(file, constants.O_RDONLY | NO_FOLLOW);
  } catch {
    return false;
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile() || stats.nlink !== 1 || stats.size !== bytes.length) return false;
    if (scratch.length < bytes.length) scratch = Buffer.allocUnsafe(bytes.length);
    let read = 0;
    while (read < bytes.length) {
      const n = readSync(fd, scratch, read, bytes.length - read, read);
      if (n === 0) return false;
      read += n;
    }
    return scratch.compare(bytes, 0, bytes.length, 0, bytes.length) === 0;
  } catch {
    return false;
  } finally {
    closeSync(fd);
  }
}
parentPort.on('message', ({ path, text, same, mark }) => {
  if (Atomics.load(state, ${FAILED}) === 0) {
    try {
      const bytes = Buffer.from(text, 'utf8');
      if (same !== undefined && holdsExactly(same, bytes)) Atomics.or(marks, mark >> 5, 1 << (mark & 31));
      else {
        const fd = openSync(path, 'wx', 0o644);
        try {
          let written = 0;
          while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
        } finally {
          closeSync(fd);
        }
      }
    } catch (error) {
      errors.postMessage({ message: error.message, code: error.code, path });
      Atomics.store(state, ${FAILED}, 1);
    }
  }
  Atomics.add(state, ${DONE}, 1);
  Atomics.notify(state, ${DONE});
});
`;

/** What the worker reports of a failed write. */
interface WriteFailure {
  message: string;
  code?: string;
  path: string;
}

/** A file that is not written when another one already holds exactly its text: `same`, marked `mark` then. */
export interface UnlessSame {
  same: string;
  mark: number;
}

export class BackgroundWriter {
  private readonly worker: Worker;
  private readonly state = new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
  /** One bit per mark: the files found already holding their text. */
  private readonly marks: Int32Array;
  private readonly errors: MessagePort;
  private posted = 0;
  private closed = false;
  private failure: NodeJS.ErrnoException | undefined;

  /** `marks`: how many files can be marked (numbered from 0). */
  constructor(readonly markCount = 0) {
    this.marks = new Int32Array(new SharedArrayBuffer(Math.ceil(markCount / 32) * Int32Array.BYTES_PER_ELEMENT));
    const channel = new MessageChannel();
    this.errors = channel.port1;
    this.worker = new Worker(WORKER, {
      eval: true,
      workerData: { state: this.state.buffer, marks: this.marks.buffer, errors: channel.port2 },
      transferList: [channel.port2],
      // It holds the messages in flight and nothing else: a small young generation keeps its memory small.
      resourceLimits: { maxYoungGenerationSizeMb: 4 },
    });
    // Never what keeps the process alive: a command that fails stops without waiting for it.
    this.worker.unref();
    this.errors.unref();
  }

  /**
   * Creates `path` (it must not exist) with `text`, on the worker; with `unless`, only when the file `same` does
   * not already hold exactly that text (io/same-content.ts), which marks `mark` instead (below `markCount`).
   */
  write(path: string, text: string, unless?: UnlessSame): void {
    if (this.closed) throw new Error('the writer is closed');
    this.throwIfFailed();
    while (this.posted - Atomics.load(this.state, DONE) >= MAX_IN_FLIGHT) this.waitForProgress();
    if (unless && unless.mark >= 0 && unless.mark < this.markCount) this.worker.postMessage({ path, text, same: unless.same, mark: unless.mark });
    else this.worker.postMessage({ path, text });
    this.posted++;
  }

  /** Whether the file written with this mark was left as it was (after `drain()`). */
  marked(mark: number): boolean {
    return mark >= 0 && mark < this.markCount && (Atomics.load(this.marks, mark >> 5) & (1 << (mark & 31))) !== 0;
  }

  /** Waits until every file handed over is written; throws the first failure. */
  drain(): void {
    while (Atomics.load(this.state, DONE) < this.posted) this.waitForProgress();
    this.throwIfFailed();
  }

  /** Stops the worker (after `drain()`, or to give up). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    void this.worker.terminate();
    this.errors.close();
  }

  /** Blocks until the worker writes another file; a worker that makes no progress for STALLED_MS has died. */
  private waitForProgress(): void {
    const done = Atomics.load(this.state, DONE);
    if (done >= this.posted) return;
    if (Atomics.wait(this.state, DONE, done, STALLED_MS) === 'timed-out' && Atomics.load(this.state, DONE) === done) {
      throw new Error(`the file writer stopped: no file written in ${STALLED_MS / 1000} s`);
    }
  }

  private throwIfFailed(): void {
    if (Atomics.load(this.state, FAILED) === 0) return;
    if (!this.failure) {
      const reported = receiveMessageOnPort(this.errors)?.message as WriteFailure | undefined;
      this.failure = new Error(reported?.message ?? 'a file could not be written');
      if (reported?.code !== undefined) this.failure.code = reported.code;
      if (reported?.path !== undefined) this.failure.path = reported.path;
    }
    throw this.failure;
  }
}
