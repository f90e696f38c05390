/**
 * Opening a project: find the config (`--config`, or the nearest mergetag.config.json in the starting folder or
 * above), load it, and read the project's users and recordings. Paths are resolved against the `cwd` given, never
 * the process's: the CLI passes its own, a test or an editor passes theirs.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { findConfig, loadConfig } from '../config/load.js';
import { CONFIG_FILE } from '../config/schema.js';
import { Project } from './project.js';
import { displayPath } from './display-path.js';

export interface OpenProjectOptions {
  /** The folder relative paths (the config option, files in messages) are relative to. */
  cwd: string;
  /** The config file, relative to cwd; default: the nearest mergetag.config.json in `searchFrom` or above. */
  config?: string;
  /** Where the search for the config starts (default: cwd). */
  searchFrom?: string;
}

/** A project that cannot be opened: no config, or a config with errors (each one a diagnostic). */
export class ProjectOpenError extends Error {
  constructor(
    message: string,
    readonly diagnostics: Diagnostic[] = [],
    readonly hint?: string,
    /** The texts the diagnostics point into, by file as shown. */
    readonly sources: ReadonlyMap<string, string> = new Map(),
  ) {
    super(message);
    this.name = 'ProjectOpenError';
  }
}

export function openProject(options: OpenProjectOptions): Project {
  const { cwd } = options;
  const file = options.config !== undefined ? resolve(cwd, options.config) : findConfig(resolve(cwd, options.searchFrom ?? '.'));
  if (!file) {
    throw new ProjectOpenError(
      `no ${CONFIG_FILE} in ${resolve(cwd, options.searchFrom ?? '.')} or a folder above it`,
      [],
      'pass --config FILE, or create a mergetag.config.json',
    );
  }
  if (!existsSync(file)) throw new ProjectOpenError(`${options.config}: no such file (the config)`, [], 'check the --config path');
  if (statSync(file).isDirectory()) throw new ProjectOpenError(`${options.config}: is a directory, expected the config file`);
  const shown = displayPath(cwd, file);
  const text = readFileSync(file, 'utf8');
  const config = loadConfig(file, shown);
  if (!config.ok) throw new ProjectOpenError(`${shown}: the config has errors`, config.diagnostics, 'fix the config and run again', new Map([[shown, text]]));
  return Project.open(config.loaded, cwd, text);
}
