import { SHORTCUTS as LIVE_SHORTCUTS } from '../meetings/live-view';

// Every keyboard shortcut the app has, grouped as the sheet shows them. The menu's accelerators
// are the ones electron/menu.ts sets (its unit test holds them); Ctrl means Cmd on a Mac.

export type ShortcutGroup = { title: string; shortcuts: ReadonlyArray<{ keys: string; does: string }> };

export const SHORTCUT_GROUPS: readonly ShortcutGroup[] = [
  {
    title: 'Anywhere',
    shortcuts: [
      { keys: '?', does: 'Show these keyboard shortcuts' },
      { keys: 'F1', does: 'User guide' },
      { keys: 'Ctrl+K', does: 'Search' },
      { keys: 'Ctrl+1', does: 'Go to Plan' },
      { keys: 'Ctrl+2', does: 'Go to Notes' },
      { keys: 'Ctrl+3', does: 'Go to Meetings' },
      { keys: 'Ctrl+4', does: 'Go to Papers' },
      { keys: 'Ctrl+5', does: 'Go to Exports' },
      { keys: 'Ctrl+O', does: 'Import…' },
      { keys: 'Ctrl+E', does: 'Export…' },
      { keys: 'Ctrl+P', does: 'Print…' },
      { keys: 'Ctrl+Z', does: 'Undo typing' },
      { keys: 'Ctrl+Plus / Ctrl+Minus / Ctrl+0', does: 'Zoom in, zoom out, actual size' },
    ],
  },
  { title: 'During a meeting (the live screen)', shortcuts: LIVE_SHORTCUTS.map(({ keys, does }) => ({ keys, does })) },
];

/** True when `?` should open the sheet: not while typing in a field, and not with Ctrl, Alt or Cmd. */
export function isShortcutSheetKey(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'target'>): boolean {
  if (event.key !== '?' || event.ctrlKey || event.metaKey || event.altKey) return false;
  const target = event.target;
  if (!(target instanceof HTMLElement)) return true;
  if (target.isContentEditable) return false;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return false;
  if (tag === 'INPUT') {
    // Buttons-like inputs take no text; every other input does.
    const type = (target as HTMLInputElement).type;
    return ['checkbox', 'radio', 'button', 'submit', 'reset'].includes(type);
  }
  return true;
}
