// Canonical JSON: one text for one value, whatever order its keys were written in, so that a
// hash of it is a hash of the content and nothing else (docs/decisions/0006-meeting-hash-chain.md).
// The rules, a subset of RFC 8785 (JCS) that our records stay within:
// - object keys sorted by UTF-16 code units (JavaScript's default sort), no whitespace anywhere;
// - strings and numbers written as JSON.stringify writes them (which is what JCS prescribes);
// - a key whose value is undefined is left out, as JSON.stringify does, so a record hashes the
//   same in memory and after a round trip through a file;
// - anything JSON cannot carry exactly is refused: NaN, Infinity, undefined in an array,
//   functions, symbols, bigints, dates, maps and other non-plain objects.

/** The canonical JSON text of a value (throws, naming the place, for what JSON cannot carry exactly). */
export function canonicalJson(value: unknown): string {
  return write(value, '$');
}

function refuse(message: string): never {
  const error = new Error(message);
  error.name = 'CanonicalJsonError';
  throw error;
}

function write(value: unknown, path: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) refuse(`${path} is ${String(value)}, which JSON cannot carry`);
      // JSON.stringify writes -0 as 0, as JCS does: the value after a round trip through a file.
      return JSON.stringify(value);
    case 'object':
      return Array.isArray(value) ? writeArray(value, path) : writeObject(value, path);
    default:
      refuse(`${path} is a ${typeof value}, which JSON cannot carry`);
  }
}

function writeArray(items: readonly unknown[], path: string): string {
  const parts: string[] = [];
  for (let index = 0; index < items.length; index += 1) {
    const item = items[index];
    if (item === undefined) refuse(`${path}[${index}] is undefined, which JSON cannot carry`);
    parts.push(write(item, `${path}[${index}]`));
  }
  return `[${parts.join(',')}]`;
}

function writeObject(object: object, path: string): string {
  const prototype: unknown = Object.getPrototypeOf(object);
  if (prototype !== Object.prototype && prototype !== null) {
    refuse(`${path} is not a plain object (${Object.prototype.toString.call(object)}), which JSON cannot carry exactly`);
  }
  const entries = Object.entries(object)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${write(item, `${path}.${key}`)}`).join(',')}}`;
}
