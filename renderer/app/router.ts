import { useSyncExternalStore } from 'react';

// Hash routes (#/plan, #/imports?x=1): the app is served from one page on a custom scheme, and
// hash navigation never leaves it, so the navigation guards in main never have to allow it.

export type Route = { path: string; params: URLSearchParams };

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

function currentHash(): string {
  return window.location.hash;
}

/** Parses a location hash into a path and its query. */
export function parseHash(hash: string): Route {
  // An empty hash is the start page, which says what to do next.
  const raw = hash.replace(/^#/, '') || '/start';
  const [path = '/start', query = ''] = raw.split('?', 2);
  const absolute = path.startsWith('/') ? path : `/${path}`;
  return { path: absolute === '/' ? '/start' : absolute, params: new URLSearchParams(query) };
}

/** The current route; re-renders when it changes. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, currentHash, () => '');
  return parseHash(hash);
}

/** The href for a route with optional query parameters. */
export function hrefFor(path: string, params?: Record<string, string | number | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params ?? {})) if (value !== undefined) query.set(key, String(value));
  const text = query.toString();
  return `#${path}${text ? `?${text}` : ''}`;
}

/** Moves to a route. */
export function navigate(path: string, params?: Record<string, string | number | undefined>): void {
  window.location.hash = hrefFor(path, params);
}
