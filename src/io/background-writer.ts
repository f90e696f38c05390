/**
 * Creating many new files on a second thread, so that on two cores the file system's work (about as long as
 * rendering a message, on ext4) overlaps with the main thread's rendering instead of adding to it.
 *
 * The interface stays synchronous, as the render loop is: `write()` copies the path and the text (as UTF-8)
 * into a ring buffer shared with the worker and returns at once, unless the ring is full or MAX_IN_FLIGHT files
 * are still waiting, in which case it blocks (Atomics.wait) until the worker catches up, so memory stays
 * bounded. The worker writes each file straight from the ring. No message is posted per file: structured
 * cloning, the wake-up and the event dispatch cost the main thread about 18 µs a file, more than a third of a
 * render --all run that writes nothing new. `drain()` waits for every file. A failure in the worker (no space
 * left, say) is thrown by the next `write()` or by `drain()`, as the same Error the synchronous write would have
 * thrown.
 *
 * The worker also runs the comparison that leaves a file holding exactly its new content as it is
 * (io/same-content.ts): the files it left are marked in a shared bitmap, read by `marked()`. A file too large for
 * the ring is written on the calling thread, after the worker has caught up.
 *
 * The worker's code is a string evaluated as a CommonJS script, not a module file: it uses node:fs only, and so
 * runs the same from dist/ and from the TypeScript sources under test.
 */
import { receiveMessageOnPort, MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { writeUnlessSame, type Scratch } from './same-content.js';

/** Files handed over and not yet written, at most. */
export const MAX_IN_FLIGHT = 128;

/** Bytes of the ring: 64 messages of 16 KB. A file needing more than half of it is written on the calling thread. */
export const RING_BYTES = 1 << 20;

/** A file system that writes nothing for this long is not slow: the worker is gone. */
const STALLED_MS = 10 * 60_000;

/** Slots of the shared control array. */
const DONE = 0;
const FAILED = 1;
/** Bytes of the ring written and read so far (32-bit counters that wrap). */
const HEAD = 2;
const TAIL = 3;
const STOP = 4;
/** Set while the worker waits for records, and while the main thread waits for the worker. */
const WORKER_WAITS = 5;
const MAIN_WAITS = 6;
/** Records handed over so far (as the worker reads HEAD). */
const POSTED = 7;
/**
 * Wake-ups are batched both ways: a wake-up (a futex call) per file cost 12 µs or more of the main thread. A
 * waiting worker is woken when this many records wait for it; a waiting main thread when the worker is down to
 * half the ring and half of MAX_IN_FLIGHT.
 */
const WAKE_AFTER = 32;

/** A record's header, in 32-bit words: its length in bytes (or WRAP), the mark, and its three lengths. */
const HEADER_BYTES = 24;
/** In place of a record: the rest of the ring is unused, the next record is at its start. */
const WRAP = -1;

const WORKER = `
const LOW_BYTES = ${RING_BYTES / 2};
const LOW_RECORDS = ${MAX_IN_FLIGHT / 2};
/** Wakes the main thread if it waits and the worker is down to the low mark. */
function wakeMain(control, tail) {
  if (Atomics.load(control, ${MAIN_WAITS}) === 0) return;
  const head = Atomics.load(control, ${HEAD});
  if (((head - tail) | 0) <= LOW_BYTES && Atomics.load(control, ${POSTED}) - Atomics.load(control, ${DONE}) <= LOW_RECORDS) {
    Atomics.notify(control, ${TAIL});
  }
}
const { closeSync, constants, fstatSync, lstatSync, openSync, readSync, writeSync } = require('node:fs');
const { workerData } = require('node:worker_threads');
const control = new Int32Array(workerData.control);
const marks = new Int32Array(workerData.marks);
const ring = Buffer.from(workerData.ring);
const words = new Int32Array(workerData.ring);
const errors = workerData.errors;
const MASK = ${RING_BYTES - 1};
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
function write(path, bytes) {
  const fd = openSync(path, 'wx', 0o644);
  try {
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
  } finally {
    closeSync(fd);
  }
}
(function run() {
  let tail = 0;
  for (;;) {
    let head = Atomics.load(control, ${HEAD});
    while (head === tail) {
      if (Atomics.load(control, ${STOP}) !== 0) return;
      // Announced before looking again: the main thread wakes a waiting worker (and only a waiting one).
      Atomics.store(control, ${WORKER_WAITS}, 1);
      Atomics.wait(control, ${HEAD}, tail);
      Atomics.store(control, ${WORKER_WAITS}, 0);
      head = Atomics.load(control, ${HEAD});
    }
    if (Atomics.load(control, ${STOP}) !== 0) return;
    const at = tail & MASK;
    const length = words[at >> 2];
    if (length === ${WRAP}) {
      tail = (tail + (MASK + 1 - at)) | 0;
      Atomics.store(control, ${TAIL}, tail);
      wakeMain(control, tail);
      continue;
    }
    const mark = words[(at >> 2) + 1];
    const pathLength = words[(at >> 2) + 2];
    const sameLength = words[(at >> 2) + 3];
    const textLength = words[(at >> 2) + 4];
    const pathAt = at + ${HEADER_BYTES};
    const path = ring.toString('utf8', pathAt, pathAt + pathLength);
    if (Atomics.load(control, ${FAILED}) === 0) {
      try {
        const bytes = ring.subarray(pathAt + pathLength + sameLength, pathAt + pathLength + sameLength + textLength);
        const same = mark >= 0 ? ring.toString('utf8', pathAt + pathLength, pathAt + pathLength + sameLength) : undefined;
        if (same !== undefined && holdsExactly(same, bytes)) Atomics.or(marks, mark >> 5, 1 << (mark & 31));
        else write(path, bytes);
      } catch (error) {
        errors.postMessage({ message: error.message, code: error.code, path });
        Atomics.store(control, ${FAILED}, 1);
      }
    }
    tail = (tail + length) | 0;
    Atomics.add(control, ${DONE}, 1);
    Atomics.store(control, ${TAIL}, tail);
    wakeMain(control, tail);
  }
})();
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
  private readonly control = new Int32Array(new SharedArrayBuffer(8 * Int32Array.BYTES_PER_ELEMENT));
  private readonly ringBuffer = new SharedArrayBuffer(RING_BYTES);
  private readonly ring = Buffer.from(this.ringBuffer);
  private readonly words = new Int32Array(this.ringBuffer);
  /** One bit per mark: the files found already holding their text. */
  private readonly marks: Int32Array;
  private readonly errors: MessagePort;
  /** Bytes of the ring written so far (as the worker reads HEAD). */
  private head = 0;
  private posted = 0;
  private closed = false;
  private failure: NodeJS.ErrnoException | undefined;
  /** For a file written on this thread. */
  private readonly scratch: Scratch = { buffer: Buffer.alloc(0) };

  /** `markCount`: how many files can be marked (numbered from 0). */
  constructor(readonly markCount = 0) {
    this.marks = new Int32Array(new SharedArrayBuffer(Math.ceil(markCount / 32) * Int32Array.BYTES_PER_ELEMENT));
    const channel = new MessageChannel();
    this.errors = channel.port1;
    this.worker = new Worker(WORKER, {
      eval: true,
      workerData: { control: this.control.buffer, ring: this.ringBuffer, marks: this.marks.buffer, errors: channel.port2 },
      transferList: [channel.port2],
      // It allocates a path or two per file and nothing else: a small young generation keeps its memory small.
      resourceLimits: { maxYoungGenerationSizeMb: 1 },
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
    const compared = unless !== undefined && unless.mark >= 0 && unless.mark < this.markCount ? unless : undefined;
    const pathLength = Buffer.byteLength(path);
    const sameLength = compared ? Buffer.byteLength(compared.same) : 0;
    // Room for the text at 3 bytes a UTF-16 unit, its most: the text is encoded once, into the ring, which
    // gives its length (measuring it first would read it twice). A text that may not fit is measured.
    let textRoom = text.length * 3;
    if (HEADER_BYTES + pathLength + sameLength + textRoom > RING_BYTES / 2) textRoom = Buffer.byteLength(text);
    const room = (HEADER_BYTES + pathLength + sameLength + textRoom + 7) & ~7;
    if (room > RING_BYTES / 2) {
      this.writeHere(path, text, compared);
      return;
    }
    let at = this.head & (RING_BYTES - 1);
    const wrap = at + room > RING_BYTES ? RING_BYTES - at : 0;
    while (this.free() < wrap + room || this.posted - Atomics.load(this.control, DONE) >= MAX_IN_FLIGHT) this.waitForProgress();
    if (wrap) {
      this.words[at >> 2] = WRAP;
      this.head = (this.head + wrap) | 0;
      at = 0;
    }
    let offset = at + HEADER_BYTES;
    offset += this.ring.write(path, offset, pathLength, 'utf8');
    if (compared) offset += this.ring.write(compared.same, offset, sameLength, 'utf8');
    const textLength = this.ring.write(text, offset, textRoom, 'utf8');
    const length = (HEADER_BYTES + pathLength + sameLength + textLength + 7) & ~7;
    const word = at >> 2;
    this.words[word] = length;
    this.words[word + 1] = compared ? compared.mark : -1;
    this.words[word + 2] = pathLength;
    this.words[word + 3] = sameLength;
    this.words[word + 4] = textLength;
    this.head = (this.head + length) | 0;
    this.posted++;
    Atomics.store(this.control, POSTED, this.posted);
    Atomics.store(this.control, HEAD, this.head);
    if (this.posted - Atomics.load(this.control, DONE) >= WAKE_AFTER) this.wake();
  }

  /** Whether the file written with this mark was left as it was (after `drain()`). */
  marked(mark: number): boolean {
    return mark >= 0 && mark < this.markCount && (Atomics.load(this.marks, mark >> 5) & (1 << (mark & 31))) !== 0;
  }

  /** Waits until every file handed over is written; throws the first failure. */
  drain(): void {
    this.wake();
    while (Atomics.load(this.control, TAIL) !== this.head) this.waitForProgress();
    this.throwIfFailed();
  }

  /** Stops the worker (after `drain()`, or to give up). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    Atomics.store(this.control, STOP, 1);
    Atomics.notify(this.control, HEAD);
    void this.worker.terminate();
    this.errors.close();
  }

  /** A file too large for the ring: written here, once the worker has written those before it. */
  private writeHere(path: string, text: string, compared: UnlessSame | undefined): void {
    this.drain();
    if (writeUnlessSame(path, Buffer.from(text, 'utf8'), compared?.same, this.scratch)) {
      Atomics.or(this.marks, compared!.mark >> 5, 1 << (compared!.mark & 31));
    }
  }

  /** Bytes of the ring free to write: those the worker has read. */
  private free(): number {
    return RING_BYTES - ((this.head - Atomics.load(this.control, TAIL)) | 0);
  }

  /** Wakes the worker if it waits for records. */
  private wake(): void {
    if (Atomics.load(this.control, WORKER_WAITS) !== 0) Atomics.notify(this.control, HEAD);
  }

  /** Blocks until the worker reads on; a worker that makes no progress for STALLED_MS has died. */
  private waitForProgress(): void {
    const tail = Atomics.load(this.control, TAIL);
    if (tail === this.head) return;
    this.wake();
    // Announced before waiting: the worker wakes a waiting main thread (and only a waiting one).
    Atomics.store(this.control, MAIN_WAITS, 1);
    const waited = Atomics.wait(this.control, TAIL, tail, STALLED_MS);
    Atomics.store(this.control, MAIN_WAITS, 0);
    if (waited === 'timed-out' && Atomics.load(this.control, TAIL) === tail) {
      throw new Error(`the file writer stopped: no file written in ${STALLED_MS / 1000} s`);
    }
    this.throwIfFailed();
  }

  private throwIfFailed(): void {
    if (Atomics.load(this.control, FAILED) === 0) return;
    if (!this.failure) {
      const reported = receiveMessageOnPort(this.errors)?.message as WriteFailure | undefined;
      this.failure = new Error(reported?.message ?? 'a file could not be written');
      if (reported?.code !== undefined) this.failure.code = reported.code;
      if (reported?.path !== undefined) this.failure.path = reported.path;
    }
    throw this.failure;
  }
}
