import { formatReport, readMappingFile, validateFiles } from './validate';
import { describeKinds } from './validate-kinds';
import { formatVerifyReport, verifyFiles } from './verify';

// oversight-cli: checks plan files the way the app would, for clerks before they send them, and
// decision files against their hash chain (verify.ts).
// Exit codes: 0 all valid, 1 something invalid, 2 usage error or a file that cannot be read.

const USAGE = `Usage:
  oversight-cli validate FILE... [--json] [--mapping MAPPING.json]
  oversight-cli verify FILE...

Checks every kind of file Oversight reads: ${describeKinds()}, exactly as the app would, and
prints every problem with its location.
  --json             print one JSON array with an object per file
  --mapping FILE     the column mapping to use for trackers (as saved by the app)
Exit status: 0 every file is valid, 1 any file is invalid, 2 usage error or unreadable file.

verify checks exported decision files (.decisions.json): every record against the hash chain
made when the minutes were approved.
Exit status: 0 every file is intact, 1 any chain is broken (the first broken record is named),
2 usage error, or a file that cannot be read or is not a decision file.`;

export type CliIo = { out: (text: string) => void; err: (text: string) => void };

/** Runs the CLI with the given arguments; returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    io.out(USAGE);
    return 0;
  }
  if (command === 'verify') return runVerify(rest, io);
  if (command !== 'validate') {
    io.err(command ? `Unknown command "${command}".\n\n${USAGE}` : USAGE);
    return 2;
  }
  let json = false;
  let mappingFile: string | undefined;
  const files: string[] = [];
  for (let index = 0; index < rest.length; index += 1) {
    const argument = rest[index] ?? '';
    if (argument === '--json') json = true;
    else if (argument === '--mapping') {
      mappingFile = rest[index + 1];
      index += 1;
      if (!mappingFile) {
        io.err(`--mapping needs a file.\n\n${USAGE}`);
        return 2;
      }
    } else if (argument.startsWith('--')) {
      io.err(`Unknown option "${argument}".\n\n${USAGE}`);
      return 2;
    } else files.push(argument);
  }
  if (files.length === 0) {
    io.err(`Name at least one file to validate.\n\n${USAGE}`);
    return 2;
  }
  let mapping;
  if (mappingFile) {
    const read = await readMappingFile(mappingFile);
    if (!read.ok) {
      io.err(read.message);
      return 2;
    }
    mapping = read.mapping;
  }
  const run = await validateFiles(files, mapping ? { mapping } : {});
  if (json) {
    // The documented shape: { file, valid, errors, warnings, counts }, nothing more.
    const reports = run.reports.map(({ file, valid, errors, warnings, counts }) => ({ file, valid, errors, warnings, counts }));
    const unreadable = run.unreadable.map((entry) => ({
      file: entry.file,
      valid: false,
      errors: [{ path: entry.file, message: entry.message }],
      warnings: [],
      counts: { areas: 0, actions: 0, milestones: 0, measures: 0, evidence: 0, risks: 0 },
    }));
    io.out(JSON.stringify([...reports, ...unreadable], null, 2));
  } else {
    io.out(formatReport(run));
  }
  return run.exitCode;
}

async function runVerify(files: readonly string[], io: CliIo): Promise<number> {
  const option = files.find((file) => file.startsWith('--'));
  if (option !== undefined || files.length === 0) {
    io.err(`${option !== undefined ? `Unknown option "${option}".` : 'Name at least one decision file to verify.'}\n\n${USAGE}`);
    return 2;
  }
  const run = await verifyFiles(files);
  for (const report of run.reports) io.out(formatVerifyReport(report));
  return run.exitCode;
}
