import { useSyncExternalStore } from 'react';

// The theme is a preference of this laptop's screen, not of the board's record: it lives in
// localStorage (read synchronously before the first paint, so a dark-theme user never sees a
// white flash) and is applied as `data-theme` on <html>. "system" leaves the choice to the
// operating system's light or dark setting (prefers-color-scheme in styles.css); Windows high
// contrast (forced-colors) overrides both, as it should.

export const THEME_CHOICES = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];

export const THEME_LABELS: Record<ThemeChoice, string> = {
  system: 'Follow the system',
  light: 'Light',
  dark: 'Dark',
};

const STORAGE_KEY = 'oversight.theme';
const CHANGED = 'oversight-theme-changed';

/** True for a value that names a theme. */
export function isThemeChoice(value: unknown): value is ThemeChoice {
  return typeof value === 'string' && (THEME_CHOICES as readonly string[]).includes(value);
}

/** The stored choice; "system" when none is stored or storage holds something else. */
export function readThemeChoice(): ThemeChoice {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isThemeChoice(stored) ? stored : 'system';
  } catch {
    return 'system';
  }
}

/** Applies a choice to the page (without storing it). */
export function applyTheme(choice: ThemeChoice): void {
  document.documentElement.dataset.theme = choice;
}

/** Stores and applies a choice; every view showing the choice re-renders. */
export function setThemeChoice(choice: ThemeChoice): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, choice);
  } catch {
    // Storage full or refused: the theme still applies for this session.
  }
  applyTheme(choice);
  window.dispatchEvent(new Event(CHANGED));
}

function subscribe(listener: () => void): () => void {
  window.addEventListener(CHANGED, listener);
  window.addEventListener('storage', listener);
  return () => {
    window.removeEventListener(CHANGED, listener);
    window.removeEventListener('storage', listener);
  };
}

/** The current theme choice, live. */
export function useThemeChoice(): ThemeChoice {
  return useSyncExternalStore(subscribe, readThemeChoice, () => 'system');
}
