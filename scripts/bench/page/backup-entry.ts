import { backUpStore, restoreStore, takeRestoreOutcome } from '../../../renderer/backup/backup-store';
import { OversightDatabase } from '../../../renderer/db/database';
import { storeCandidate } from '../../../renderer/db/plan-repository';
import type { Api } from '../../../renderer/ipc/client';
import type { ImportCandidate } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/result';
import { bytesIn, bytesOut, bytesUploaded } from './bytes-bridge';

// In Chromium: backing up and restoring a large store (the renderer's real code, main's real
// backup service bound in by the bench runner) against a bare read and a bare write of the same
// records with nothing but IndexedDB.

type Invoke = (channel: string, argument: unknown) => Promise<Result<unknown>>;

type BridgeWindow = { __backupInvoke: Invoke; __benchBridge?: 'upload' | 'base64' | 'playwright' };

// Byte arrays in a call's argument cross as uploaded bytes (the default), as native base64
// (BENCH_BRIDGE=base64) or as Playwright's own encoding (BENCH_BRIDGE=playwright), kept to show
// what those bridges cost; replies' byte arrays as native base64 unless Playwright's.
function sent(argument: unknown): Promise<unknown> {
  const mode = (window as unknown as BridgeWindow).__benchBridge;
  if (mode === 'playwright') return Promise.resolve(argument);
  return mode === 'base64' ? Promise.resolve(bytesOut(argument)) : bytesUploaded(argument);
}

// Calls reach main in the order they were made, as over Electron's IPC (the backup keeps several
// appends in flight and main writes them in arrival order), however long each one's upload takes.
let invoked: Promise<unknown> = Promise.resolve();
/** The size of every frame the last backup sent, for `bridgeAlone`. */
let frameSizes: number[] = [];
const api: Api = {
  call: (async (channel: string, argument: unknown) => {
    const bridge = window as unknown as BridgeWindow;
    if (channel === 'backup:append') frameSizes.push((argument as { frame: Uint8Array }).frame.length);
    const uploading = sent(argument);
    // The reply is wrapped so `invoked` settles when the call is made, not when it is answered.
    const invoking = invoked.then(async () => ({ reply: bridge.__backupInvoke(channel, await uploading) }));
    invoked = invoking.catch(() => undefined);
    const { reply } = await invoking;
    const answer = await reply;
    return bridge.__benchBridge === 'playwright' ? answer : bytesIn(answer);
  }) as never,
  on: () => () => undefined,
  pathForFile: () => '',
};

async function seed(candidate: ImportCandidate, annotations: number, papers: number, paperBytes: number): Promise<Record<string, number>> {
  const db = new OversightDatabase('bench-backup');
  await db.open();
  await storeCandidate(db, candidate);
  const records = [];
  for (let index = 0; index < annotations; index += 1) {
    records.push({
      id: `member-${index % 12}-annotation-${index}`,
      targetKey: `action\u0001bench-plan\u0001act-${index % 10_000}`,
      authorId: `member-${index % 12}`,
      kind: index % 3 === 0 ? 'question' : 'note',
      text: 'Not assured: the 20-week figure is provisional and has fallen two months running. Ask for the breakdown by locality.',
      tags: index % 4 === 0 ? ['EHC'] : [],
      visibility: index % 2 === 0 ? 'shared' : 'private',
      createdAt: new Date(1_760_000_000_000 + index * 1000).toISOString(),
      hlc: `${String(1_760_000_000_000 + index * 1000).padStart(15, '0')}:000000:member-${index % 12}`,
    });
  }
  await db.annotations.bulkPut(records as never[]);
  for (let paper = 0; paper < papers; paper += 1) {
    const bytes = new Uint8Array(paperBytes);
    for (let offset = 0; offset < bytes.length; offset += 65_536) crypto.getRandomValues(bytes.subarray(offset, offset + 65_536));
    await db.papers.put({
      id: `bench-meeting\u0001paper-${paper}`,
      meetingId: 'bench-meeting',
      paperId: `paper-${paper}`,
      title: `Paper ${paper + 1}`,
      size: bytes.length,
      pdf: new Blob([bytes], { type: 'application/pdf' }),
    } as never);
  }
  const counts: Record<string, number> = {};
  for (const table of db.tables) counts[table.name] = await table.count();
  db.close();
  return counts;
}

async function backup(): Promise<{ ms: number; fileName: string }> {
  frameSizes = [];
  const db = new OversightDatabase('bench-backup');
  await db.open();
  const started = performance.now();
  const made = await backUpStore(db, api, 'manual');
  const ms = performance.now() - started;
  db.close();
  if (!made.ok) throw new Error(made.error.message);
  return { ms, fileName: made.value.fileName };
}

function rawDb(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** Every record of every store in one transaction, and every paper's bytes. */
async function bareRead(): Promise<{ ms: number; records: number }> {
  const db = await rawDb('bench-backup');
  const started = performance.now();
  const all = await new Promise<unknown[][]>((resolve, reject) => {
    const names = [...db.objectStoreNames];
    const transaction = db.transaction(names, 'readonly');
    const results: unknown[][] = [];
    for (const name of names) {
      const request = transaction.objectStore(name).getAll();
      request.onsuccess = () => results.push(request.result);
    }
    transaction.oncomplete = () => resolve(results);
    transaction.onerror = () => reject(transaction.error);
  });
  for (const records of all)
    for (const record of records) if ((record as { pdf?: Blob }).pdf) await (record as { pdf: Blob }).pdf.arrayBuffer();
  const ms = performance.now() - started;
  db.close();
  return { ms, records: all.reduce((sum, records) => sum + records.length, 0) };
}

/** The same records put into a fresh store of the same schema, one transaction, nothing but IndexedDB. */
async function bareWrite(): Promise<{ ms: number; records: number }> {
  const source = await rawDb('bench-backup');
  const names = [...source.objectStoreNames];
  const data = await new Promise<Map<string, unknown[]>>((resolve, reject) => {
    const transaction = source.transaction(names, 'readonly');
    const results = new Map<string, unknown[]>();
    for (const name of names) {
      const request = transaction.objectStore(name).getAll();
      request.onsuccess = () => results.set(name, request.result);
    }
    transaction.oncomplete = () => resolve(results);
    transaction.onerror = () => reject(transaction.error);
  });
  source.close();
  const target = new OversightDatabase('bench-bare-write');
  await target.open();
  const db = target.backendDB();
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    const transaction = db.transaction(names, 'readwrite');
    for (const [name, records] of data) for (const record of records) transaction.objectStore(name).put(record);
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error);
  });
  const ms = performance.now() - started;
  target.close();
  return { ms, records: [...data.values()].reduce((sum, records) => sum + records.length, 0) };
}

async function restore(fileName: string, passphrase: string): Promise<{ ms: number; counts: Record<string, number> }> {
  const opened = await api.call('backup:open', { fileName });
  if (!opened.ok || !opened.value) throw new Error(opened.ok ? 'not opened' : opened.error.message);
  const unlocked = await api.call('backup:unlock', { token: opened.value.token, passphrase });
  if (!unlocked.ok) throw new Error(unlocked.error.message);
  const db = new OversightDatabase('bench-restore');
  await db.open();
  const started = performance.now();
  await restoreStore(db, api, opened.value.token, opened.value.header);
  const ms = performance.now() - started;
  // What the app's next start does: reads (and removes) the mark saying the restore finished.
  await takeRestoreOutcome(db);
  const counts: Record<string, number> = {};
  for (const table of db.tables) counts[table.name] = await table.count();
  // Outside the timing: every paper byte for byte as it was backed up, which equal counts alone
  // would not show if the bridge delivered a paper's slices out of order.
  const source = new OversightDatabase('bench-backup');
  await source.open();
  for (const paper of await source.papers.toArray()) {
    const restored = await db.papers.get(paper.id);
    if (!restored || (await digest(restored.pdf)) !== (await digest(paper.pdf)))
      throw new Error(`paper ${paper.id} differs after the restore`);
  }
  source.close();
  db.close();
  return { ms, counts };
}

async function digest(blob: Blob): Promise<string> {
  return [...new Uint8Array(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer()))]
    .map((byte) => byte.toString(16).padStart(2, '0'))
    .join('');
}

/**
 * What the bench's bridge alone costs for the last backup's frames: the same sizes uploaded to the
 * bench's server, three at a time as the backup keeps them, and dropped there. Electron's IPC
 * moves a frame with a copy or two; this stand-in (a Blob, the network service, a socket, Node's
 * HTTP parser) costs more, and the backup figure includes it.
 */
async function bridgeAlone(): Promise<{ ms: number; bytes: number }> {
  const frames = frameSizes.map((size) => {
    const bytes = new Uint8Array(size);
    for (let offset = 0; offset < size; offset += 65_536) crypto.getRandomValues(bytes.subarray(offset, offset + 65_536));
    return bytes;
  });
  const started = performance.now();
  const inFlight: Array<Promise<Response>> = [];
  for (const frame of frames) {
    if (inFlight.length >= 3) await inFlight.shift();
    inFlight.push(fetch('/__discard', { method: 'POST', body: new Blob([frame as BlobPart]) }));
  }
  await Promise.all(inFlight);
  return { ms: performance.now() - started, bytes: frames.reduce((sum, frame) => sum + frame.length, 0) };
}

(window as unknown as { backupBench: unknown }).backupBench = { seed, backup, bareRead, bareWrite, restore, bridgeAlone };
