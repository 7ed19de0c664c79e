import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// findBy… and waitFor give up after 1 s by default: too short when both cores are busy.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  cleanup();
  // Form drafts and the notes journal live in localStorage: each test starts without another's.
  window.localStorage.clear();
});
