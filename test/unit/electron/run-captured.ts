import { runCli } from '../../../electron/cli/cli';

/** Runs `oversight-cli` in-process with these arguments: its exit code and what it printed to stdout and stderr, lines joined. */
export async function runCaptured(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (text) => out.push(text), err: (text) => err.push(text) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
