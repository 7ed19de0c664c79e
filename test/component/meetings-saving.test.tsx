import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TYPING_MAX_WAIT_MS, TYPING_SAVE_DELAY_MS, useDebouncedText } from '../../renderer/meetings/use-debounced-text';

// Notes are saved shortly after typing stops, and at once when the field is left, the window is
// hidden (a closed lid) or the page goes away (a reload or a closed window).

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
});

function setUp() {
  const save = vi.fn(async (_text: string) => undefined);
  const hook = renderHook(() => useDebouncedText('stored', save));
  return { save, hook };
}

describe('saving notes as the chair types', () => {
  it('saves once, with the latest text, at most 300 ms after the last keystroke', () => {
    const { save, hook } = setUp();
    expect(hook.result.current.text).toBe('stored');
    act(() => hook.result.current.setText('stored a'));
    act(() => hook.result.current.setText('stored ab'));
    act(() => vi.advanceTimersByTime(TYPING_SAVE_DELAY_MS - 1));
    expect(save).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(1));
    expect(save).toHaveBeenCalledExactlyOnceWith('stored ab');
    expect(TYPING_SAVE_DELAY_MS).toBeLessThanOrEqual(300);
  });

  it('saves at least every 500 ms while the chair types without a pause, the latest text each time', () => {
    const { save, hook } = setUp();
    // A steady typist: a key every 40 ms for two seconds, never pausing long enough for the debounce.
    let typed = 'stored';
    const savedAt: number[] = [];
    const start = Date.now();
    save.mockImplementation(async () => {
      savedAt.push(Date.now() - start);
    });
    let elapsed = 0;
    while (elapsed < 2000) {
      typed += 'x';
      const value = typed;
      act(() => hook.result.current.setText(value));
      act(() => vi.advanceTimersByTime(40));
      elapsed += 40;
    }
    expect(TYPING_MAX_WAIT_MS).toBeLessThanOrEqual(500);
    expect(savedAt.length).toBeGreaterThanOrEqual(3);
    expect(savedAt[0]).toBeLessThanOrEqual(TYPING_MAX_WAIT_MS);
    // The gap between saves is the max-wait plus at most one keystroke's interval.
    for (const [index, at] of savedAt.entries())
      if (index > 0) expect(at - (savedAt[index - 1] ?? 0)).toBeLessThanOrEqual(TYPING_MAX_WAIT_MS + 40);
    // Each save carried all the text typed up to that moment.
    const lastText = save.mock.calls.at(-1)?.[0] ?? '';
    expect(typed.startsWith(lastText)).toBe(true);
    expect(typed.length - lastText.length).toBeLessThanOrEqual(Math.ceil((TYPING_MAX_WAIT_MS + 40) / 40));
    act(() => vi.advanceTimersByTime(TYPING_SAVE_DELAY_MS));
    expect(save).toHaveBeenLastCalledWith(typed);
  });

  it('saves at once when the field is left', () => {
    const { save, hook } = setUp();
    act(() => hook.result.current.setText('typed'));
    act(() => hook.result.current.flush());
    expect(save).toHaveBeenCalledExactlyOnceWith('typed');
    act(() => vi.advanceTimersByTime(1000));
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('saves at once when the window is hidden, as when a laptop lid closes', () => {
    const { save, hook } = setUp();
    act(() => hook.result.current.setText('lid closing'));
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    act(() => {
      document.dispatchEvent(new Event('visibilitychange'));
    });
    expect(save).toHaveBeenCalledExactlyOnceWith('lid closing');
  });

  it('saves at once when the page is going away, and when the field is unmounted', () => {
    const { save, hook } = setUp();
    act(() => hook.result.current.setText('reloading'));
    act(() => {
      window.dispatchEvent(new Event('pagehide'));
    });
    expect(save).toHaveBeenCalledExactlyOnceWith('reloading');
    act(() => hook.result.current.setText('moving on'));
    hook.unmount();
    expect(save).toHaveBeenLastCalledWith('moving on');
  });

  it('does not save when nothing was typed', () => {
    const { save, hook } = setUp();
    act(() => hook.result.current.flush());
    act(() => {
      window.dispatchEvent(new Event('pagehide'));
    });
    hook.unmount();
    expect(save).not.toHaveBeenCalled();
  });
});
