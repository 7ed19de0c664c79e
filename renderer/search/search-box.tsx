import { useEffect, useRef, useState } from 'react';
import { navigate } from '../app/router';
import { ensurePlanReviews } from '../plan-review/review-store';
import { loadSearchIndex } from './search-index';
import { useServices } from '../app/context';

/** True for Ctrl+K (Cmd+K on a Mac). */
export function isSearchShortcut(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k';
}

/** The shell's search box: Ctrl/Cmd+K from anywhere puts the cursor in it; Enter opens the results. */
export function SearchBox() {
  const { db } = useServices();
  const [query, setQuery] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    // Start reading the persisted index as soon as the app opens, so the first search is instant
    // (after building plan review's records for any plan stored before they existed).
    void ensurePlanReviews(db).then(() => loadSearchIndex(db));
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isSearchShortcut(event)) return;
      event.preventDefault();
      inputRef.current?.focus();
      inputRef.current?.select();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [db]);

  return (
    <form
      role="search"
      aria-label="Quick search"
      className="search-box"
      onSubmit={(event) => {
        event.preventDefault();
        navigate('/search', { q: query.trim() || undefined });
        setQuery('');
      }}
    >
      <label htmlFor="shell-search">Search (Ctrl+K)</label>
      <input
        id="shell-search"
        ref={inputRef}
        type="search"
        value={query}
        autoComplete="off"
        aria-keyshortcuts="Control+K Meta+K"
        onChange={(event) => setQuery(event.target.value)}
      />
      <button type="submit" className="search-submit">
        Search
      </button>
    </form>
  );
}
