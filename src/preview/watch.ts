/**
 * Live reload: which files of the project changed, told once per burst. `fs.watch(dir, {recursive: true})` is
 * supported on Linux since Node 20 (and on macOS and Windows long before), so no watcher dependency: editors
 * save with several events (write, rename of a temp file, chmod), which the ~100 ms debounce folds into one.
 */
import { watch, type FSWatcher } from 'node:fs';
import { relative, sep } from 'node:path';
import { TEMP_FILE } from '../io/atomic-write.js';

export interface ProjectWatcher {
  close(): void;
}

/** Folders whose changes are never the project's: version control, dependencies. */
const IGNORED = /(^|\/)(\.git|node_modules)(\/|$)/;

export function watchProject(dir: string, onChange: (files: string[]) => void, debounceMs = 100): ProjectWatcher {
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let watcher: FSWatcher | undefined;
  const flush = () => {
    timer = undefined;
    const files = [...pending].sort();
    pending.clear();
    if (files.length) onChange(files);
  };
  try {
    watcher = watch(dir, { recursive: true }, (_event, name) => {
      if (name === null) return;
      const file = relative(dir, `${dir}${sep}${name.toString()}`).split(sep).join('/');
      const base = file.slice(file.lastIndexOf('/') + 1);
      // Our own atomic writes (save as variant) and editors' swap files pass through temp names.
      if (IGNORED.test(file) || TEMP_FILE.test(base) || base.endsWith('~') || /\.sw[a-p]$/.test(base)) return;
      pending.add(file);
      if (timer) clearTimeout(timer);
      timer = setTimeout(flush, debounceMs);
    });
    // A watched folder removed or unreadable: live reload stops; the server keeps serving.
    watcher.on('error', () => watcher?.close());
  } catch {
    watcher = undefined;
  }
  return {
    close() {
      if (timer) clearTimeout(timer);
      watcher?.close();
    },
  };
}
