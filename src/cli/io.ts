/** What a command may touch: its streams, environment and working directory. Tests pass their own. */
import pc from 'picocolors';

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** True when stderr is a terminal: colors and progress lines. */
  stderrIsTTY: boolean;
  /** Problems printed with their code frames before the rest are only counted (`--max-frames`; default 20). */
  maxFrames?: number;
  /**
   * Asks a yes/no question on the terminal: true for y/yes, false for anything else; undefined (or no `ask`)
   * when there is nobody to ask (not a terminal).
   */
  ask?: (question: string) => Promise<boolean | undefined>;
}

export function useColor(io: CliIO): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return io.stderrIsTTY;
}

export interface Paint {
  error: (text: string) => string;
  warning: (text: string) => string;
  dim: (text: string) => string;
  bold: (text: string) => string;
}

export function paint(io: CliIO): Paint {
  const colors = pc.createColors(useColor(io));
  return { error: colors.red, warning: colors.yellow, dim: colors.dim, bold: colors.bold };
}
