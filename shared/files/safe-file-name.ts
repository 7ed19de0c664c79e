// File names Oversight proposes for exports: readable, and valid on Windows, macOS and Linux.

const RESERVED_WINDOWS = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/**
 * Makes a file name safe everywhere: no path separators or characters Windows forbids, no
 * control characters, no leading or trailing dots or spaces, not a reserved device name, and
 * at most 150 characters (leaving room for the folder within Windows' path limit).
 */
export function safeFileName(name: string, fallback = 'Oversight export'): string {
  let cleaned = name
    .normalize('NFC')
    // Control characters are exactly what this must remove.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .replace(/\.{2,}/g, '')
    .replace(/[<>:"/\\|?*]/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/-{2,}/g, '-')
    .trim()
    .replace(/^[.\s-]+|[.\s-]+$/g, '');
  if (cleaned.length > 150) {
    const dot = cleaned.lastIndexOf('.');
    const extension = dot > 0 && cleaned.length - dot <= 20 ? cleaned.slice(dot) : '';
    cleaned = cleaned.slice(0, 150 - extension.length).trimEnd() + extension;
  }
  if (cleaned === '' || RESERVED_WINDOWS.test(cleaned)) cleaned = `${fallback}${cleaned ? ` ${cleaned}` : ''}`;
  return cleaned;
}
