import { z } from 'zod';
import { serveBackups } from './serve-backups';

// The backup worker: a module worker the window starts for each backup
// (renderer/backup/backup-store.ts). It reads the store and encodes the backup's frames on its
// own thread; the window passes each frame on to main, which encrypts and writes it.

// The worker's script is served with the app's CSP (no eval), as the window's is: keep zod from
// probing `new Function` here too.
z.config({ jitless: true });

serveBackups(self);
