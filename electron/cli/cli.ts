import path from 'node:path';
import { promises as fs } from 'node:fs';
import { formatReport, readMappingFile, validateFiles } from './validate';
import { writeMinutesFromFile } from './minutes';
import { describeKinds } from './validate-kinds';
import { formatVerifyReport, verifyFiles } from './verify';
import type { CliIo } from './io';
import { PACK_USAGE, runPack } from './pack';

// oversight-cli: checks plan files the way the app would, for clerks before they send them, and
// decision files against their hash chain (verify.ts).
// Exit codes: 0 all valid, 1 something invalid, 2 usage error or a file that cannot be read.

const USAGE = `Usage:
  oversight-cli validate FILE... [--json] [--mapping MAPPING.json] [--passphrase-file FILE]
  oversight-cli verify FILE... [--head HASH]
  oversight-cli minutes FILE.decisions.json [--out DIR] [--head HASH]

Checks every kind of file Oversight reads: ${describeKinds()}, exactly as the app would, and
prints every problem with its location.
  --json             print one JSON array with an object per file
  --mapping FILE     the column mapping to use for trackers (as saved by the app)
  --passphrase-file FILE  for backups (.oversight-backup): check they decrypt with the
                     passphrase in FILE (its first line); without it only structure and hash
Exit status: 0 every file is valid, 1 any file is invalid, 2 usage error or unreadable file.

verify checks exported decision files (.decisions.json): every record against the hash chain
made when the minutes were approved.
  --head HASH        the head hash printed on the approved minutes: the chain must end in it
Exit status: 0 every file is intact, 1 any chain is broken (the first broken record is named,
or both hashes when --head does not match), 2 usage error, or a file that cannot be read or is
not a decision file.

minutes checks a decision file as verify does, then writes its approved minutes as a Word
document (.docx), exempt items withheld, made as the app makes them.
  --out DIR          the folder to write into (default: the decision file's folder)
Exit status: 0 written, 1 the chain is broken, 2 usage error, a file that cannot be read, or
the minutes could not be written (an existing file is never replaced).

${PACK_USAGE}`;

export type { CliIo } from './io';

/** Runs the CLI with the given arguments; returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    io.out(USAGE);
    return 0;
  }
  if (command === 'verify') return runVerify(rest, io);
  if (command === 'minutes') return runMinutes(rest, io);
  if (command === 'pack') return runPack(rest, io);
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
    // The documented shape: { file, valid, errors, warnings, counts }, and a backup's `backup`.
    const reports = run.reports.map(({ file, valid, errors, warnings, counts, backup }) => ({
      file,
      valid,
      errors,
      warnings,
      counts,
      ...(backup ? { backup } : {}),
    }));
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

const HEAD = /^[0-9a-fA-F]{64}$/;

/** Splits `--head HASH` and `--out DIR` from the files; a message on a usage error. */
function parseOptions(args: readonly string[], allowed: readonly string[]): { files: string[]; values: Map<string, string> } | string {
  const files: string[] = [];
  const values = new Map<string, string>();
  for (let index = 0; index < args.length; index += 1) {
    const argument = args[index] ?? '';
    if (!argument.startsWith('--')) {
      files.push(argument);
      continue;
    }
    if (!allowed.includes(argument)) return `Unknown option "${argument}".`;
    const value = args[index + 1];
    if (value === undefined || value.startsWith('--')) return `${argument} needs a value.`;
    if (argument === '--head' && !HEAD.test(value)) return `--head needs a SHA-256 hash (64 hex digits), not "${value}".`;
    values.set(argument, value);
    index += 1;
  }
  return { files, values };
}

async function runVerify(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseOptions(args, ['--head']);
  if (typeof parsed === 'string' || parsed.files.length === 0) {
    io.err(`${typeof parsed === 'string' ? parsed : 'Name at least one decision file to verify.'}\n\n${USAGE}`);
    return 2;
  }
  const expectedHead = parsed.values.get('--head');
  const run = await verifyFiles(parsed.files, expectedHead === undefined ? {} : { expectedHead });
  for (const report of run.reports) io.out(formatVerifyReport(report));
  return run.exitCode;
}

async function runMinutes(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseOptions(args, ['--out', '--head']);
  const file = typeof parsed === 'string' ? undefined : parsed.files[0];
  if (typeof parsed === 'string' || file === undefined || parsed.files.length > 1) {
    io.err(`${typeof parsed === 'string' ? parsed : 'Name one decision file to make the minutes from.'}\n\n${USAGE}`);
    return 2;
  }
  const expectedHead = parsed.values.get('--head');
  const run = await writeMinutesFromFile(
    file,
    parsed.values.get('--out') ?? path.dirname(file),
    expectedHead === undefined ? {} : { expectedHead },
  );
  for (const line of run.lines) (run.exitCode === 0 ? io.out : io.err)(line);
  return run.exitCode;
}
