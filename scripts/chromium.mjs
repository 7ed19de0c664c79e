// Finds the Chromium the end-to-end tests drive. Never downloads a browser of its own: it uses
// CHROMIUM_PATH, or Debian's / Ubuntu's package, and installs that package with apt where it can.
import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/lib/chromium/chromium', '/snap/bin/chromium'];

function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The path of a usable Chromium, or null. */
export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return isExecutable(fromEnv) ? fromEnv : null;
  return CANDIDATES.find(isExecutable) ?? null;
}

/** Finds Chromium, installing Debian's package when running as root with apt; otherwise explains how to get one. */
export function ensureChromium({ log = console.log } = {}) {
  const found = findChromium();
  if (found) return { ok: true, path: found };
  if (process.env.CHROMIUM_PATH) {
    return { ok: false, message: `CHROMIUM_PATH is set to ${process.env.CHROMIUM_PATH}, which is not an executable file.` };
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = isExecutable('/usr/bin/apt-get');
  if (isRoot && hasApt) {
    log('Chromium not found: installing Debian’s chromium package with apt-get (once).');
    try {
      execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
      execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
        stdio: 'inherit',
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      });
    } catch {
      return {
        ok: false,
        message: 'Installing chromium with apt-get failed; install it by hand (apt-get install chromium) or set CHROMIUM_PATH.',
      };
    }
    const installed = findChromium();
    if (installed) return { ok: true, path: installed };
  }
  return {
    ok: false,
    message:
      'No Chromium found for the end-to-end tests: run `sudo apt-get install chromium` (Debian/Ubuntu) or set CHROMIUM_PATH to a Chromium or Chrome binary.',
  };
}

/** Flags for a quiet, offline, headless Chromium on a shared CI machine. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  // Native date and time inputs follow the browser's language: British, as the app is.
  '--lang=en-GB',
];
