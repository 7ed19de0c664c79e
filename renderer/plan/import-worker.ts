import { z } from 'zod';
import { serveImports } from './serve-imports';

// The import worker: a module worker the window starts for each plan it stores
// (renderer/plan/import-in-worker.ts). Its own thread and heap: the plan's parse, the store's
// computing and their garbage collection never hold up the window.

// The worker's script is served with the app's CSP (no eval), as the window's is: keep zod from
// probing `new Function` here too.
z.config({ jitless: true });

serveImports(self);
