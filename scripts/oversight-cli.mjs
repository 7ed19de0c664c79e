#!/usr/bin/env node
// oversight-cli: the clerks' command line. Runs the TypeScript sources through tsx, so it works
// straight after `npm install` with no build step.
import { register } from 'tsx/esm/api';

register();
await import('../electron/cli/main.ts');
