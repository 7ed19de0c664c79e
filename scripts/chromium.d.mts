export declare function findChromium(): string | null;
export declare function ensureChromium(options?: {
  log?: (message: string) => void;
}): { ok: true; path: string } | { ok: false; message: string };
export declare const CHROMIUM_ARGS: string[];
