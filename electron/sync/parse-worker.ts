import { isMainThread, parentPort } from 'node:worker_threads';
import type { TrackerMapping } from '../../shared/tracker/mapping';
import { examineFile, takePlanJson, type ExamineResult, type ReaderResult } from './examine';

// The file reader's own process: plan files, trackers, annotations files and packs are parsed
// here, never in main, so a huge or hostile file cannot freeze the window's link to main or
// exhaust main's memory. The same module runs as Electron's utilityProcess (process.parentPort)
// and as a worker_threads worker (tests, the CLI's bench), and reads one file per start.

/** What main sends: the file to examine and the options that are plain data. */
export type ParseRequest = {
  type: 'examine';
  filePath: string;
  mapping?: TrackerMapping;
  acceptSuggestedMapping?: boolean;
  maxBytes?: number;
};

/** What the reader sends back. Questions (`is-known`, `mapping`) are answered by main with the same `id`. */
export type ParseMessage =
  | { type: 'progress'; progress: { phase: 'reading' | 'validating' | 'done'; loaded: number; total: number } }
  | { type: 'is-known'; id: number; sha256: string }
  | { type: 'mapping'; id: number; signature: string }
  | { type: 'result'; result: ReaderResult }
  | { type: 'failed'; message: string };

/** Main's answers to the reader's questions. */
export type ParseAnswer = { type: 'answer'; id: number; value: unknown };

type Port = { post(message: ParseMessage, transfer?: ArrayBuffer[]): void; listen(listener: (message: unknown) => void): void };

function connect(): Port | undefined {
  // Electron's utilityProcess gives the child process.parentPort; messages arrive as { data }.
  const electronPort = (
    process as unknown as { parentPort?: { postMessage(m: unknown): void; on(e: 'message', l: (event: { data: unknown }) => void): void } }
  ).parentPort;
  if (electronPort)
    return {
      post: (message) => electronPort.postMessage(message),
      listen: (listener) => electronPort.on('message', (event) => listener(event.data)),
    };
  // A forked Node child (tests of the memory cap, which need a process of their own as the
  // utilityProcess is: V8 may end the whole process, not just the thread, when memory runs out).
  if (process.send && process.env.OVERSIGHT_PARSE_WORKER === '1') {
    const send = process.send.bind(process);
    return { post: (message) => void send(message), listen: (listener) => process.on('message', listener) };
  }
  if (!isMainThread && parentPort) {
    const port = parentPort;
    // The plan's bytes are moved to main, not copied.
    return { post: (message, transfer) => port.postMessage(message, transfer), listen: (listener) => port.on('message', listener) };
  }
  return undefined;
}

/** Runs one examination, asking main (through `ask`) what only main knows. */
export async function runParseRequest(
  request: ParseRequest,
  post: (message: ParseMessage, transfer?: ArrayBuffer[]) => void,
  ask: (question: { type: 'is-known'; sha256: string } | { type: 'mapping'; signature: string }) => Promise<unknown>,
): Promise<void> {
  try {
    const result = await examineFile(request.filePath, {
      ...(request.mapping ? { mapping: request.mapping } : {}),
      ...(request.acceptSuggestedMapping ? { acceptSuggestedMapping: true } : {}),
      ...(request.maxBytes !== undefined ? { maxBytes: request.maxBytes } : {}),
      isKnown: async (sha256) => (await ask({ type: 'is-known', sha256 })) === true,
      rememberedMapping: async (signature) => ((await ask({ type: 'mapping', signature })) as TrackerMapping | undefined) ?? undefined,
      onProgress: (progress) => post({ type: 'progress', progress }),
    });
    const sent = toReaderResult(result);
    post(
      { type: 'result', result: sent },
      sent.status === 'examined' && 'planJson' in sent.outcome ? [sent.outcome.planJson.buffer as ArrayBuffer] : [],
    );
  } catch (error) {
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
}

/**
 * A valid plan leaves the reader as the UTF-8 bytes of its JSON, with the summary main needs:
 * main hands the bytes to the renderer without deserialising the plan's objects, which for a
 * 150 MB plan held main's event loop for most of a second. They are the bytes examineFile encoded
 * for the content hash (takePlanJson), not a second serialisation.
 */
export function toReaderResult(result: ExamineResult): ReaderResult {
  if (result.status !== 'examined' || result.outcome.status !== 'valid') return result;
  const { plan, ...rest } = result.outcome;
  const evidence = plan.evidence.map(({ id, file, sha256 }) => ({ id, file, sha256 }));
  const { outcome: _outcome, ...examined } = result;
  return {
    ...examined,
    outcome: { ...rest, planJson: takePlanJson(plan) },
    summary: { planId: plan.plan.id, revision: plan.export.revision, evidence },
  };
}

const port = connect();
if (port) {
  const pending = new Map<number, (value: unknown) => void>();
  let nextId = 1;
  const ask = (question: { type: 'is-known'; sha256: string } | { type: 'mapping'; signature: string }) =>
    new Promise<unknown>((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      port.post({ ...question, id });
    });
  port.listen((message) => {
    const data = message as ParseRequest | ParseAnswer;
    if (data.type === 'answer') {
      pending.get(data.id)?.(data.value);
      pending.delete(data.id);
    } else if (data.type === 'examine') void runParseRequest(data, port.post, ask);
  });
}
