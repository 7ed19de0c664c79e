import { canonicalJson } from './canonical-json';

// The approved record as a hash chain (docs/decisions/0006-meeting-hash-chain.md). Each record
// carries the SHA-256 of its canonical JSON (contentHash), the hash of the record before it
// (prevHash), and its own hash: SHA-256 of the canonical JSON of { seq, contentHash, prevHash }.
// Changing, removing, inserting or reordering any record breaks every link from there on. The
// content is hashed on its own so that an exported file may withhold an exempt record's content
// and still prove its place in the chain.
//
//
// Sealing what may be withheld: a record that an export may withhold (one on an exempt item, an
// update on an action that arose on one, a correction to one) is marked `exempt: true` in its
// link, and its own hash is then SHA-256 of { contentHash, exempt: true, prevHash, seq }. The
// mark is fixed when the record is chained, so a public record cannot later be passed off as
// withheld without changing its hash. Records without the mark hash exactly as before.
//
// Redacting record 0: the meeting's carried-forward actions that arose on exempt items are
// marked `isExempt: true`; record 0's content hash covers each of them only by its own hash
// ({ "withheldHash": SHA-256 of the action's canonical JSON }), so a published file may show
// that stub instead of the action and record 0 still checks. Public actions are hashed whole.
//
// SHA-256 comes from Web Crypto (`globalThis.crypto.subtle`), present in Chromium (on a secure
// origin, which the app's scheme is) and in Node 20, so shared/ needs neither Node nor a library.

/** The prevHash of record 0. */
export const GENESIS_HASH = '0'.repeat(64);

type Digest = { digest(algorithm: 'SHA-256', data: Uint8Array<ArrayBuffer>): Promise<ArrayBuffer> };

function isDigest(value: unknown): value is Digest {
  return typeof value === 'object' && value !== null && typeof Reflect.get(value, 'digest') === 'function';
}

function webCrypto(): Digest {
  // Reflect rather than a global declaration: shared/ is compiled without the DOM's types,
  // and the renderer's build has them; both must accept this file.
  const crypto: unknown = Reflect.get(globalThis, 'crypto');
  const subtle: unknown = typeof crypto === 'object' && crypto !== null ? Reflect.get(crypto, 'subtle') : undefined;
  if (!isDigest(subtle)) throw new Error('SHA-256 is not available here: Web Crypto (crypto.subtle) is missing.');
  return subtle;
}

/** UTF-8 bytes of a text (TextEncoder is not part of shared/'s pure environment). */
export function utf8(text: string): Uint8Array<ArrayBuffer> {
  const bytes: number[] = [];
  for (const character of text) {
    let code = character.codePointAt(0) ?? 0xfffd;
    if (code >= 0xd800 && code <= 0xdfff) code = 0xfffd; // a lone surrogate: as TextEncoder does
    if (code < 0x80) bytes.push(code);
    else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 0x3f));
    else if (code < 0x10000) bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
    else bytes.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 0x3f), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
  }
  return new Uint8Array(bytes);
}

/** SHA-256 of a text's UTF-8 bytes, as 64 lower-case hex digits. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await webCrypto().digest('SHA-256', utf8(text)));
  return [...digest].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A carried-forward action in record 0 that arose on an exempt item (`isExempt: true`). */
export function isExemptCarriedAction(action: unknown): boolean {
  return isPlainObject(action) && action.isExempt === true;
}

/** The stub that stands for an exempt carried action in a published record 0: its hash, nothing else. */
export async function withheldStubOf(action: unknown): Promise<{ withheldHash: string }> {
  return { withheldHash: await sha256Hex(canonicalJson(action)) };
}

/** True for `{ "withheldHash": "<64 hex>" }` and nothing else. */
export function isWithheldStub(value: unknown): value is { withheldHash: string } {
  return (
    isPlainObject(value) &&
    Object.keys(value).length === 1 &&
    typeof value.withheldHash === 'string' &&
    /^[0-9a-f]{64}$/.test(value.withheldHash)
  );
}

/** What record 0's content hash covers: each exempt carried action by its stub, so it can be redacted. */
async function hashedForm(content: unknown): Promise<unknown> {
  if (!isPlainObject(content) || content.kind !== 'meeting' || !Array.isArray(content.carriedActions)) return content;
  const carried: unknown[] = [];
  for (const action of content.carriedActions) carried.push(isExemptCarriedAction(action) ? await withheldStubOf(action) : action);
  return { ...content, carriedActions: carried };
}

/** The hash of a record's content: SHA-256 of its canonical JSON (record 0's exempt carried actions by their stubs). */
export async function contentHashOf(content: unknown): Promise<string> {
  return sha256Hex(canonicalJson(await hashedForm(content)));
}

/** A record's own hash, from its place, its content hash, the hash before it and whether it may be withheld. */
export function linkHashOf(seq: number, contentHash: string, prevHash: string, exempt = false): Promise<string> {
  return sha256Hex(canonicalJson(exempt ? { seq, contentHash, prevHash, exempt: true } : { seq, contentHash, prevHash }));
}

/** `exempt` is present (and true) only on a record sealed as one an export may withhold. */
export type ChainLinkValues = { seq: number; contentHash: string; prevHash: string; hash: string; exempt?: true };

/** Chains contents in order, starting at `seq` after the record whose hash is `prevHash`; `exempt[i]` seals content i as withholdable. */
export async function chainContents(
  contents: readonly unknown[],
  start: { seq: number; prevHash: string } = { seq: 0, prevHash: GENESIS_HASH },
  exempt: readonly boolean[] = [],
): Promise<ChainLinkValues[]> {
  const links: ChainLinkValues[] = [];
  let prevHash = start.prevHash;
  for (const [offset, content] of contents.entries()) {
    const seq = start.seq + offset;
    const contentHash = await contentHashOf(content);
    const isExempt = exempt[offset] === true;
    const hash = await linkHashOf(seq, contentHash, prevHash, isExempt);
    links.push(isExempt ? { seq, contentHash, prevHash, hash, exempt: true } : { seq, contentHash, prevHash, hash });
    prevHash = hash;
  }
  return links;
}

/** One record of a chain to check; content null when withheld (an exempt item in a published file). */
export type ChainEntry = ChainLinkValues & { content: unknown };

export type ChainFault = 'empty' | 'missing' | 'content' | 'unsealed' | 'link' | 'hash' | 'truncated' | 'extra' | 'head';

export type ChainVerdict =
  | { status: 'intact'; count: number; head: string; withheld: number }
  | { status: 'broken'; seq: number; fault: ChainFault; reason: string };

const FAULT_REASONS: Record<ChainFault, string> = {
  empty: 'the record has no entries at all',
  missing: 'a record is missing or out of order here',
  content: 'its content does not match its hash: it was changed after the minutes were approved',
  unsealed: 'its content is withheld, but it was not sealed as exempt when the minutes were approved: a public record has been hidden',
  link: 'it does not follow from the record before it: a record before it was changed, removed or inserted',
  hash: 'its own hash is wrong',
  truncated: 'the chain stops early: records after this one are missing',
  extra: 'this record was added after the end of the approved record',
  head: 'the last record does not match the approved record’s final hash: the chain was rewritten or cut short',
};

function broken(seq: number, fault: ChainFault): ChainVerdict {
  return { status: 'broken', seq, fault, reason: FAULT_REASONS[fault] };
}

/**
 * Checks a chain in the order given: numbering from 0 without gaps, each content against its
 * hash (unless withheld), each link to the record before, each record's own hash, and, when
 * known, the number of records and the final hash the approval recorded. Names the first
 * record that fails.
 */
export async function verifyChain(entries: readonly ChainEntry[], expected: { count?: number; head?: string } = {}): Promise<ChainVerdict> {
  if (entries.length === 0) return broken(0, 'empty');
  let prevHash = GENESIS_HASH;
  let withheld = 0;
  for (const [index, entry] of entries.entries()) {
    if (entry.seq !== index) return broken(index, 'missing');
    if (entry.content === null) {
      if (entry.exempt !== true) return broken(entry.seq, 'unsealed');
      withheld += 1;
    } else if ((await safeContentHash(entry.content)) !== entry.contentHash) return broken(entry.seq, 'content');
    if (entry.prevHash !== prevHash) return broken(entry.seq, 'link');
    if ((await linkHashOf(entry.seq, entry.contentHash, entry.prevHash, entry.exempt === true)) !== entry.hash)
      return broken(entry.seq, 'hash');
    prevHash = entry.hash;
  }
  const last = entries.length - 1;
  if (expected.count !== undefined && entries.length < expected.count) return broken(last, 'truncated');
  if (expected.count !== undefined && entries.length > expected.count) return broken(expected.count, 'extra');
  if (expected.head !== undefined && expected.head !== prevHash) return broken(last, 'head');
  return { status: 'intact', count: entries.length, head: prevHash, withheld };
}

async function safeContentHash(content: unknown): Promise<string | null> {
  try {
    return await contentHashOf(content);
  } catch {
    return null;
  }
}
