import { promises as fs } from 'node:fs';
import { formatReport, readMappingFile, validateFiles } from './validate';
import { formatVerifyReport, verifyFiles } from './verify';

// oversight-cli: checks plan files the way the app would, for clerks before they send them, and
// decision files against their hash chain (verify.ts).
// Exit codes: 0 all valid, 1 something invalid, 2 usage error or a file that cannot be read.

const USAGE = `Usage:
  oversight-cli validate FILE... [--json] [--mapping MAPPING.json] [--passphrase-file FILE]
  oversight-cli verify FILE...

Checks Oversight plan files (.plan.json), spreadsheet trackers (.csv, .xlsx) and meeting packs
(a .pack.json, its folder, or a .zip) exactly as the app would, and prints every problem with
its location.
  --json             print one JSON array with an object per file
  --mapping FILE     the column mapping to use for trackers (as saved by the app)
  --passphrase-file FILE  for backups (.oversight-backup): check they decrypt with the
                     passphrase in FILE (its first line); without it only structure and hash
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
  let passphraseFile: string | undefined;
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
    } else if (argument === '--passphrase-file') {
      passphraseFile = rest[index + 1];
      index += 1;
      if (!passphraseFile) {
        io.err(`--passphrase-file needs a file.\n\n${USAGE}`);
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
  let passphrase: string | undefined;
  if (passphraseFile) {
    try {
      // The first line, without its line ending: editors add a final newline.
      passphrase = (await fs.readFile(passphraseFile, 'utf8')).split(/\r?\n/)[0] ?? '';
    } catch (error) {
      io.err(`The passphrase file ${passphraseFile} could not be read: ${error instanceof Error ? error.message : String(error)}`);
      return 2;
    }
  }
  const run = await validateFiles(files, { ...(mapping ? { mapping } : {}), ...(passphrase !== undefined ? { passphrase } : {}) });
  if (json) {
    const unreadable = run.unreadable.map((entry) => ({
      file: entry.file,
      valid: false,
      errors: [{ path: entry.file, message: entry.message }],
      warnings: [],
      counts: { areas: 0, actions: 0, milestones: 0, measures: 0, evidence: 0, risks: 0 },
    }));
    io.out(JSON.stringify([...run.reports, ...unreadable], null, 2));
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
