import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { channels, isChannelName, type ImportCandidate } from '../../shared/ipc/contract';
import { fail } from '../../shared/result';
import { backupHandlers, bytesFromPage, bytesToPage } from './bytes-bridge';
import { measured, type Figure } from './stats';

// Issue 16's figures: `backup` and `restore` of a store holding the 10,000-action plan, 50,000
// annotations and a 500-page pack, each against a bare read / bare write of the same records in
// the same run (goal ≤ 2×). The renderer's real code runs in Chromium; main's real backup
// service (PBKDF2, AES-256-GCM, the file on disk) is bound into the page the way the e2e harness
// binds the handler table, so every frame crosses a bridge as it would over Electron's IPC.

type BackupBench = {
  backupBench: {
    seed(candidate: ImportCandidate, annotations: number, papers: number, paperBytes: number): Promise<Record<string, number>>;
    backup(): Promise<{ ms: number; fileName: string }>;
    bareRead(): Promise<{ ms: number; records: number }>;
    bareWrite(): Promise<{ ms: number; records: number }>;
    bridgeAlone(): Promise<{ ms: number; bytes: number }>;
    restore(fileName: string, passphrase: string): Promise<{ ms: number; counts: Record<string, number> }>;
  };
};

const PASSPHRASE = 'bench passphrase, not a secret';

/** How the bench's bridge carries byte arrays (BENCH_BRIDGE): `upload` unless told otherwise. */
export function benchBridge(): 'upload' | 'base64' | 'playwright' {
  const mode = process.env.BENCH_BRIDGE;
  return mode === 'base64' || mode === 'playwright' ? mode : 'upload';
}
// A 500-page pack: ten papers of 50 pages, at about 4 KB a page of text-only PDF plus images
// (2 MB a paper). Random bytes, so nothing compresses better than a real PDF would.
const PAPERS = 10;
const PAPER_BYTES = 2 * 1024 * 1024;

/**
 * Runs the backup benchmark `rounds` times (at least 3), each round in a fresh bench page
 * (`freshPage`) with a fresh store: bare read, backup, bare write, restore, so each figure and its
 * baseline see the same load. Figures are medians, with every round's ratio beside its baseline.
 */
export async function benchBackup(
  freshPage: () => Promise<{ page: Page; close: () => Promise<void> }>,
  candidate: ImportCandidate,
  { rounds = 3 }: { rounds?: number } = {},
): Promise<Figure[]> {
  const runs: Array<{ backup: number; read: number; restore: number; write: number; bridge: number; records: number; mb: number }> = [];
  const roundCount = Math.max(3, rounds);
  for (let round = 0; round < roundCount; round += 1) {
    console.log(`Backup and restore, round ${round + 1} of ${roundCount}…`);
    const dataFolder = await fs.mkdtemp(path.join(os.tmpdir(), 'oversight-bench-backup-'));
    const { page, close } = await freshPage();
    try {
      // Arguments are parsed against the contract as main does.
      const { service, handlers } = backupHandlers(dataFolder);
      // Byte arrays from the page cross the bridge as bytes POSTed to the bench's server, replies'
      // as base64 made by native code on both sides (bytes-bridge.ts); BENCH_BRIDGE=base64 sends
      // the page's as base64 too, BENCH_BRIDGE=playwright leaves both to Playwright's own encoding.
      const bridge = benchBridge();
      await page.evaluate((mode) => {
        (window as unknown as { __benchBridge: string }).__benchBridge = mode;
      }, bridge);
      await page.context().exposeBinding('__backupInvoke', async (_source, channel: unknown, argument: unknown) => {
        if (!isChannelName(channel) || !channel.startsWith('backup:')) return fail('forbidden', 'not a backup channel');
        const parsed = channels[channel].request.safeParse(bytesFromPage(argument));
        if (!parsed.success) return fail('invalid-argument', parsed.error.message);
        const reply = await (handlers[channel] ?? (async () => fail('forbidden', 'no handler')))(parsed.data);
        return bridge === 'playwright' ? reply : bytesToPage(reply);
      });
      await service.setPassphrase(PASSPHRASE);
      const counts = await page.evaluate(
        ([c, papers, bytes]) => (window as unknown as BackupBench).backupBench.seed(c, 50_000, papers, bytes),
        [candidate, PAPERS, PAPER_BYTES] as const,
      );
      const read = await page.evaluate(() => (window as unknown as BackupBench).backupBench.bareRead());
      const made = await page.evaluate(() => (window as unknown as BackupBench).backupBench.backup());
      const alone = await page.evaluate(() => (window as unknown as BackupBench).backupBench.bridgeAlone());
      const write = await page.evaluate(() => (window as unknown as BackupBench).backupBench.bareWrite());
      const restored = await page.evaluate(
        ([fileName, passphrase]) => (window as unknown as BackupBench).backupBench.restore(fileName, passphrase),
        [made.fileName, PASSPHRASE] as const,
      );
      if (JSON.stringify(restored.counts) !== JSON.stringify(counts))
        throw new Error(`restore counts differ: ${JSON.stringify(restored.counts)}`);
      const stat = await fs.stat(path.join(dataFolder, 'Backups', made.fileName));
      runs.push({
        backup: made.ms,
        read: read.ms,
        restore: restored.ms,
        write: write.ms,
        bridge: alone.ms,
        records: read.records,
        mb: stat.size / 2 ** 20,
      });
    } finally {
      await close();
      await fs.rm(dataFolder, { recursive: true, force: true });
    }
  }
  const of = <K extends keyof (typeof runs)[number]>(key: K) => runs.map((run) => run[key] as number);
  const records = runs[0]?.records ?? 0;
  const what = `${records.toLocaleString('en-GB')} records and ${PAPERS} papers (${((PAPERS * PAPER_BYTES) / 2 ** 20).toFixed(0)} MB)`;
  return [
    measured('backup', 'ms', of('backup'), {
      baseline: { name: `bare read of the same ${what}`, runs: of('read') },
      goal: { ratioAtMost: 2 },
      note: `file ${(runs[0]?.mb ?? 0).toFixed(1)} MB; bridge: ${benchBridge()}`,
    }),
    // No goal: what the bench's stand-in for Electron's IPC costs on its own, the backup's frames
    // and nothing else, beside the same bare read (docs/benchmarks.md).
    measured('backup: the bench bridge alone (the same frames uploaded, nothing else)', 'ms', of('bridge'), {
      baseline: { name: 'the same bare read', runs: of('read') },
      note: 'included in the backup figure; Electron’s IPC does not pay it',
    }),
    measured('restore', 'ms', of('restore'), {
      baseline: { name: `bare write of the same ${what}`, runs: of('write') },
      goal: { ratioAtMost: 2 },
    }),
  ];
}
