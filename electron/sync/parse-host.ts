import { fork } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import { formatSize } from '../../shared/files/zip-directory';
import type { ExamineOptions, ReaderResult } from './examine';
import type { ParseAnswer, ParseMessage, ParseRequest } from './parse-worker';

// Main's side of the file reader (parse-worker.ts): one reader per file, started with a memory
// cap, stopped at a time limit or when a newer request cancels it. Main's event loop only passes
// messages, so the window stays responsive whatever the file holds: a valid plan arrives as the
// bytes of its JSON with a small summary (parse-worker.ts toReaderResult), which main never parses.

/** How much a reader may use. A 150 MB plan needs about 900 MB and 12 s here. */
export const PARSE_LIMITS = { memoryMb: 1536, timeMs: 120_000 } as const;
export type ParseLimits = { memoryMb: number; timeMs: number };

/** A started reader, whatever runs it (a worker thread, Electron's utilityProcess). */
export type ParserChild = {
  post(message: ParseRequest | ParseAnswer): void;
  onMessage(listener: (message: ParseMessage) => void): void;
  /** Called once when the reader stops by itself; `outOfMemory` when it hit its memory cap. */
  onExit(listener: (reason: { outOfMemory: boolean; detail: string }) => void): void;
  kill(): void;
};

export type SpawnParser = (limits: ParseLimits) => ParserChild;

export type HostExamineOptions = Omit<ExamineOptions, 'maxBytes'> & { maxBytes?: number; signal?: AbortSignal };

/** The examine function main uses: examineFile's answers, computed in a reader, a valid plan as bytes. */
export function createParseHost(spawn: SpawnParser, limits: ParseLimits = PARSE_LIMITS) {
  return {
    examine(filePath: string, options: HostExamineOptions = {}): Promise<ReaderResult> {
      const name = filePath.split(/[\\/]/).pop() ?? filePath;
      if (options.signal?.aborted) return Promise.resolve(cancelled(name));
      return new Promise<ReaderResult>((resolve) => {
        const child = spawn(limits);
        let isSettled = false;
        const settle = (result: ReaderResult) => {
          if (isSettled) return;
          isSettled = true;
          clearTimeout(timer);
          options.signal?.removeEventListener('abort', onAbort);
          child.kill();
          resolve(result);
        };
        const onAbort = () => settle(cancelled(name));
        const timer = setTimeout(
          () =>
            settle({
              status: 'unreadable',
              code: 'too-slow',
              message: `${name} took longer than ${Math.round(limits.timeMs / 1000)} seconds to read, so Oversight stopped. A file this slow to read is not a plan Oversight can use; ask for a smaller one.`,
            }),
          limits.timeMs,
        );
        options.signal?.addEventListener('abort', onAbort, { once: true });
        child.onMessage((message) => {
          switch (message.type) {
            case 'progress':
              options.onProgress?.(message.progress);
              break;
            case 'is-known':
              void Promise.resolve(options.isKnown?.(message.sha256) ?? false).then((value) =>
                child.post({ type: 'answer', id: message.id, value }),
              );
              break;
            case 'mapping':
              void Promise.resolve(options.rememberedMapping?.(message.signature)).then((value) =>
                child.post({ type: 'answer', id: message.id, value }),
              );
              break;
            case 'result':
              settle(message.result);
              break;
            case 'failed':
              settle({ status: 'unreadable', code: 'failed', message: `${name} could not be read: ${message.message}` });
              break;
          }
        });
        child.onExit(({ outOfMemory }) =>
          settle({
            status: 'unreadable',
            code: outOfMemory ? 'too-large' : 'failed',
            message: outOfMemory
              ? `${name} needs more memory to read than Oversight allows (${formatSize(limits.memoryMb * 1024 * 1024)}), so it was refused. Ask for a smaller file.`
              : `${name} could not be read: the file reader stopped unexpectedly.`,
          }),
        );
        const request: ParseRequest = {
          type: 'examine',
          filePath,
          ...(options.mapping ? { mapping: options.mapping } : {}),
          ...(options.acceptSuggestedMapping ? { acceptSuggestedMapping: true } : {}),
          ...(options.maxBytes !== undefined ? { maxBytes: options.maxBytes } : {}),
        };
        child.post(request);
      });
    },
  };
}

export type ParseHost = ReturnType<typeof createParseHost>;

/** A reader running the TypeScript source of parse-worker.ts through tsx (tests and benchmarks, where nothing is built). */
export function typescriptWorkerParser(source: string, tsxApi: string): SpawnParser {
  return workerThreadParser(`require(${JSON.stringify(tsxApi)}).register(); require(${JSON.stringify(source)});`, { eval: true });
}

function cancelled(name: string): ReaderResult {
  return { status: 'unreadable', code: 'cancelled', message: `Reading ${name} was cancelled by a newer import.` };
}

/**
 * Starts readers as worker_threads workers of `entry`, capped with V8's resource limits: the
 * built parse-worker, or (tests, `npm run bench`) `typescriptWorker(source)`.
 */
export function workerThreadParser(entry: string | URL, workerOptions: { eval?: boolean } = {}): SpawnParser {
  return (limits) => {
    const worker = new Worker(entry, {
      ...(workerOptions.eval ? { eval: true } : {}),
      resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb, maxYoungGenerationSizeMb: Math.min(64, limits.memoryMb / 4) },
      stdout: true,
      stderr: true,
    });
    let exitListener: ((reason: { outOfMemory: boolean; detail: string }) => void) | undefined;
    let outOfMemory = false;
    let detail = '';
    worker.on('error', (error) => {
      detail = error.message;
      if ((error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') outOfMemory = true;
    });
    worker.on('exit', () => exitListener?.({ outOfMemory, detail }));
    return {
      post: (message) => worker.postMessage(message),
      onMessage: (listener) => worker.on('message', listener),
      onExit: (listener) => {
        exitListener = listener;
      },
      kill: () => void worker.terminate(),
    };
  };
}

/**
 * Starts readers as forked Node processes of `entry` with V8's old-space cap, the way Electron's
 * utilityProcess runs them: running out of memory ends that process, never main.
 */
export function childProcessParser(entry: string, execArgv: string[] = []): SpawnParser {
  return (limits) => {
    const child = fork(entry, [], {
      execArgv: [...execArgv, `--max-old-space-size=${limits.memoryMb}`],
      env: { ...process.env, OVERSIGHT_PARSE_WORKER: '1' },
      // Structured clone, as Electron's utilityProcess messages are: a valid plan's bytes arrive as bytes.
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    let exitListener: ((reason: { outOfMemory: boolean; detail: string }) => void) | undefined;
    child.on('exit', (_code, signal) =>
      exitListener?.({ outOfMemory: /heap out of memory|Reached heap limit|OOM/i.test(stderr) || signal === 'SIGABRT', detail: stderr }),
    );
    return {
      post: (message) => void child.send(message),
      onMessage: (listener) => child.on('message', (message) => listener(message as ParseMessage)),
      onExit: (listener) => {
        exitListener = listener;
      },
      kill: () => void child.kill(),
    };
  };
}
