import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';

/** Typing is saved at most this long after the last keystroke. */
export const TYPING_SAVE_DELAY_MS = 300;
/**
 * While the chair types without a pause, the text is still saved at least this often: a pause
 * alone would never come, and a killed process would lose the whole sentence.
 */
export const TYPING_MAX_WAIT_MS = 500;

/**
 * A text the chair types, saved shortly after each pause in typing (and every
 * `maxWaitMs` while typing goes on), and at once when the field
 * loses focus, the window is hidden (a closed lid) or the page is going away, so a crash loses
 * at most the last keystrokes. The text starts from what is stored; after that, this field's own
 * text is the truth (a stored copy arriving late from an earlier save must not undo typing), so
 * key the component by what it edits.
 */
export function useDebouncedText(
  stored: string,
  save: (text: string) => Promise<unknown>,
  delayMs = TYPING_SAVE_DELAY_MS,
  maxWaitMs = TYPING_MAX_WAIT_MS,
) {
  const [text, setTextState] = useState(stored);
  const pending = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const maxTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saveRef = useRef(save);
  useLayoutEffect(() => {
    saveRef.current = save;
  });

  const flush = useCallback(() => {
    if (timer.current !== null) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    if (maxTimer.current !== null) {
      clearTimeout(maxTimer.current);
      maxTimer.current = null;
    }
    const value = pending.current;
    if (value === null) return;
    pending.current = null;
    void saveRef.current(value);
  }, []);

  const setText = useCallback(
    (value: string) => {
      setTextState(value);
      pending.current = value;
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = setTimeout(flush, delayMs);
      // The first keystroke since the last save starts the clock that the later ones do not reset.
      maxTimer.current ??= setTimeout(flush, maxWaitMs);
    },
    [flush, delayMs, maxWaitMs],
  );

  useEffect(() => {
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', flush);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [flush]);

  return { text, setText, flush };
}
