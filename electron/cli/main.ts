import { runCli } from './cli';

// Entry point of `oversight-cli` (scripts/oversight-cli.mjs loads it).
void runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
}).then((code) => {
  process.exitCode = code;
});
