// File names Oversight proposes for exports: readable, and valid on Windows, macOS and Linux.

// Every name Windows reserves for a device, whatever follows it: Windows reads "NUL .docx",
// "nul.tar.gz" and "COM¹" as the device too (the part before the first dot, trailing spaces
// ignored; the superscript digits ¹ ² ³ count as digits for COM and LPT).
const RESERVED_WINDOWS = /^(con|prn|aux|nul|conin\$|conout\$|clock\$|com[0-9¹²³]|lpt[0-9¹²³])$/iu;

// Bidi controls (U+202A–202E, U+2066–2069, U+200E/F, U+061C) and the other invisible format
// characters (zero-width joiners, soft hyphen, BOM) are category Cf: a right-to-left override
// can make "a\u202Excod.exe" read as "aexe.docx", so none may reach a file name.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}]/gu;

/** Whether Windows would open a device instead of a file of this name. */
export function isReservedWindowsName(name: string): boolean {
  const stem = (name.split('.')[0] ?? '').replace(/[\s.]+$/u, '');
  return RESERVED_WINDOWS.test(stem);
}

/**
 * Makes a file name safe everywhere: no path separators or characters Windows forbids, no
 * control, bidi or other invisible format characters, no leading or trailing dots or spaces,
 * not a reserved device name, and at most 150 characters (leaving room for the folder within
 * Windows' path limit).
 */
export function safeFileName(name: string, fallback = 'Oversight export'): string {
  let cleaned = name
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(/\.{2,}/g, '')
    .replace(/[<>:"/\\|?*]/g, '-')
    .replace(/\s+/gu, ' ')
    .replace(/-{2,}/g, '-')
    .trim()
    .replace(/^[.\s-]+|[.\s-]+$/gu, '');
  if (cleaned.length > 150) {
    const dot = cleaned.lastIndexOf('.');
    const extension = dot > 0 && cleaned.length - dot <= 20 ? cleaned.slice(dot) : '';
    // Cut by code points, so no half of a surrogate pair is left behind.
    cleaned = Array.from(cleaned)
      .slice(0, 150 - extension.length)
      .join('')
      .replace(INVISIBLE, '')
      .trimEnd()
      .replace(/[.\s-]+$/u, '');
    while (cleaned.length + extension.length > 150) cleaned = Array.from(cleaned).slice(0, -1).join('');
    cleaned += extension;
  }
  if (cleaned === '' || isReservedWindowsName(cleaned)) cleaned = `${fallback}${cleaned ? ` ${cleaned}` : ''}`;
  return cleaned;
}
