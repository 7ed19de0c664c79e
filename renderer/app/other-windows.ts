import { useEffect, useState } from 'react';

// Oversight is one window per computer (main holds a single-instance lock). Should a second
// window open on the same store anyway (the lock failing, a second profile pointing at the same
// folder, a developer's tab), both would save the same notes and the later save would silently
// win. Windows on one origin find each other over a BroadcastChannel, so each can say so.

const CHANNEL = 'oversight.windows';

type Message = { type: 'hello' | 'here' | 'bye'; id: string };

function isMessage(value: unknown): value is Message {
  if (typeof value !== 'object' || value === null) return false;
  const { type, id } = value as Record<string, unknown>;
  return (type === 'hello' || type === 'here' || type === 'bye') && typeof id === 'string';
}

/**
 * Watches for other windows of the app on this origin; calls `onChange` with how many there
 * are whenever that changes. Returns a function that says goodbye and stops watching.
 */
export function watchOtherWindows(onChange: (count: number) => void, open = (name: string) => new BroadcastChannel(name)): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const id = crypto.randomUUID();
  const others = new Set<string>();
  const channel = open(CHANNEL);
  const post = (type: Message['type']) => channel.postMessage({ type, id } satisfies Message);
  channel.onmessage = (event: MessageEvent<unknown>) => {
    const message = event.data;
    if (!isMessage(message) || message.id === id) return;
    const before = others.size;
    if (message.type === 'bye') others.delete(message.id);
    else others.add(message.id);
    // A newcomer says hello; those already open answer, so both sides know.
    if (message.type === 'hello') post('here');
    if (others.size !== before) onChange(others.size);
  };
  const bye = () => post('bye');
  window.addEventListener('pagehide', bye);
  post('hello');
  return () => {
    window.removeEventListener('pagehide', bye);
    bye();
    channel.close();
  };
}

/** How many other windows of the app are open on this origin now. */
export function useOtherWindows(): number {
  const [count, setCount] = useState(0);
  useEffect(() => watchOtherWindows(setCount), []);
  return count;
}
