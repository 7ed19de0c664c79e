import type { EvidenceType, OrganisationKind } from '../plan/schema';
import { parseTrackerDate } from './dates';
import { isControlCharacter, stableHash } from './mapping';

// What a tracker's cells become: clean text, ids, lists, and the guesses made from words.

/** Cell text as the plan keeps it: line breaks unified, control characters and outer spaces removed. Formula-like text stays text. */
export function clean(value: unknown): string {
  const text = typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value);
  let hasControl = false;
  for (let index = 0; index < text.length && !hasControl; index++) {
    const code = text.charCodeAt(index);
    hasControl = isControlCharacter(code) && code !== 0x0a && code !== 0x09;
  }
  let kept = text;
  if (hasControl) {
    kept = '';
    for (const character of text.replace(/\r\n?/g, '\n')) {
      const code = character.charCodeAt(0);
      if (!isControlCharacter(code) || code === 0x0a || code === 0x09) kept += character;
    }
  }
  return kept.replace(/[ \t\u00a0]+\n/g, '\n').trim();
}

/** Short form of a cell for messages: long text is cut so a message stays one line. */
export function shown(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return JSON.stringify(flat.length > 60 ? `${flat.slice(0, 57)}…` : flat);
}

/** Lower-case ASCII words joined by hyphens (and dots where kept), for ids. */
export function slug(text: string, keepDots: boolean): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(keepDots ? /[^a-z0-9.]+/g : /[^a-z0-9]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
}

/** An id of at most 64 characters from a prefix and text: readable where it fits, hashed where it does not. */
export function makeId(prefix: string, text: string, keepDots = false): string {
  const body = slug(text, keepDots);
  const hash = stableHash(text);
  if (body === '') return `${prefix}${hash}`;
  const id = `${prefix}${body}`;
  return id.length <= 64 ? id : `${prefix}${body.slice(0, 64 - prefix.length - hash.length - 1).replace(/[-.]+$/, '')}-${hash}`;
}

/** A cell's list items, one per line or separator, bullets and numbering removed. */
export function splitList(text: string, separator: RegExp): string[] {
  return text
    .split(separator)
    .map((item) => item.replace(/^\s*(?:[•▪‣◦·●○■□➢➤►✓✔*]|-\s|–\s|\d{1,2}[.)]\s|\([a-z0-9]{1,2}\)\s|[a-z][.)]\s)\s*/i, '').trim())
    .filter((item) => item !== '');
}

/** "Priority 2: Joint working" → ref "2", title "Joint working"; "Priority 2" → ref "2" and no title; "Joint working" → no ref. */
export function parseAreaLabel(text: string): { ref?: string; title?: string } {
  const match =
    /^(?:(?:priority|area|objective|workstream|theme|strand|section|aow|afi|pa|area of weakness|area for improvement|priority action)\s*)?(?:no\.?\s*)?(\d{1,3}(?:\.\d{1,3})*)(?!\d)\.?\s*(?:[:)\-–—]\s*)?(.*)$/is.exec(
      text,
    );
  if (match === null) return { title: text };
  const rest = (match[2] ?? '').trim();
  return rest === '' ? { ref: match[1] ?? '' } : { ref: match[1] ?? '', title: rest };
}

/** An organisation's kind guessed from its name (an ICB, a school, a provider, …). */
export function guessOrganisationKind(name: string): OrganisationKind {
  const words = name.toLowerCase();
  if (/\b(icb|integrated care)\b/.test(words)) return 'icb';
  if (/\b(ccg|clinical commissioning)\b/.test(words)) return 'ccg';
  if (/\bparent.{0,3}carers?\b|\bpcf\b/.test(words)) return 'parent-carer-forum';
  if (/\b(dfe|department for education|nhs ?e|nhs england|dhsc|government|ofsted|cqc)\b/.test(words)) return 'government';
  if (/\b(schools?|academ(y|ies)|colleges?|nurser(y|ies)|trust of schools|mat)\b/.test(words)) return 'school';
  if (/\b(council|local authority|borough|county)\b/.test(words)) return 'local-authority';
  if (/\b(nhs|trust|hospital|health|camhs|cahms|provider|foundation trust|therapy|therapies)\b/.test(words)) return 'provider';
  return 'other';
}

/** An evidence item's type guessed from its title (an audit, minutes, a survey, …). */
export function guessEvidenceType(title: string): EvidenceType {
  const words = title.toLowerCase();
  if (/\baudit/.test(words)) return 'audit';
  if (/\bminutes?\b/.test(words)) return 'minutes';
  if (/\b(survey|questionnaire|feedback)\b/.test(words)) return 'survey';
  if (/\b(policy|policies|procedure|strategy|protocol|guidance|framework)\b/.test(words)) return 'policy';
  if (/\b(data|dataset|dashboard|kpi|statistics|figures)\b/.test(words)) return 'dataset';
  if (/\bletter\b/.test(words)) return 'letter';
  if (/\breports?\b/.test(words)) return 'report';
  return 'other';
}

/** The first date written in a text, ISO, or null. */
export function findDateIn(text: string): string | null {
  const candidates =
    text.match(/\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b|\b\d{1,2}(?:st|nd|rd|th)? [A-Za-z]{3,9} \d{4}\b/g) ?? [];
  for (const candidate of candidates) {
    const parsed = parseTrackerDate(candidate);
    if (parsed.kind === 'date') return parsed.date;
  }
  return null;
}

/** "Plan v3.2.xlsx" → "3.2": the version a file's name gives, if any. */
export function versionLabelFromFileName(fileName: string): string | undefined {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const match = /(?:^|[\s_\-(])v(?:ersion)?\s?(\d+(?:[._]\d+)*)(?=$|[\s_\-).])/i.exec(base.replace(/\.(xlsx|xlsm|csv|tsv|txt)$/i, ''));
  return match?.[1]?.replace(/_/g, '.');
}
