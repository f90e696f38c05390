/**
 * Opening the project for a command, written once: find and load it with the command's cwd and --config, and
 * stop with exit 2 after reporting every broken input file (config, users, recordings, empty globs).
 */
import { hasErrors } from '../diagnostics/diagnostic.js';
import { openProject, ProjectOpenError } from '../project/open.js';
import type { Project } from '../project/project.js';
import { ReportedError, UsageError } from './errors.js';
import type { CliIO } from './io.js';

export function openCommandProject(io: CliIO, config: string | undefined, searchFrom?: string): Project {
  let project: Project;
  try {
    project = openProject({ cwd: io.cwd, ...(config !== undefined ? { config } : {}), ...(searchFrom !== undefined ? { searchFrom } : {}) });
  } catch (error) {
    if (!(error instanceof ProjectOpenError)) throw error;
    if (!error.diagnostics.length) throw new UsageError(error.message, error.hint);
    throw new ReportedError(error.message, error.diagnostics, error.sources, error.hint);
  }
  if (hasErrors(project.diagnostics)) {
    const files = new Set(project.diagnostics.filter((d) => d.severity === 'error').map((d) => d.file));
    throw new ReportedError(
      `${files.size} input file${files.size === 1 ? ' has' : 's have'} errors: nothing was done`,
      project.diagnostics,
      project.sources,
      'fix the files above (or move them out of the project) and run again',
    );
  }
  return project;
}
