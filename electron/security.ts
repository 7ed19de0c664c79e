import type { BrowserWindowConstructorOptions } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

// Security policy for the window, kept free of Electron runtime imports so that every rule
// here is asserted by a plain unit test (test/unit/electron/security.test.ts).

/** The renderer is served from this custom, privileged scheme: never from file:// or http://. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'oversight';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * The Content-Security-Policy for every page the app serves. Nothing remote, no inline
 * script, no eval: board papers can hold information about children, so the page must not be
 * able to load or send anything outside the app, even if a plan file smuggled markup in.
 */
export function contentSecurityPolicy(): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "manifest-src 'none'",
    "media-src 'none'",
    "object-src 'none'",
    "frame-src 'none'",
    "child-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Response headers for every asset the app serves. */
export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=(), bluetooth=()',
  };
}

/** Options for the one application window: isolated, sandboxed, no Node in the page. */
export function hardenedWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 860,
    minWidth: 800,
    minHeight: 600,
    show: false,
    title: 'Oversight',
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: true,
      safeDialogs: true,
    },
  };
}

/**
 * Is this frame one of ours? Main calls this for every IPC message: a message from any other
 * origin (an injected frame, a navigated page) is refused before its arguments are read.
 */
export function isTrustedSenderUrl(frameUrl: string | undefined | null, appOrigin: string = APP_ORIGIN): boolean {
  if (!frameUrl) return false;
  return isSameOrigin(frameUrl, appOrigin);
}

// WHATWG URL gives every non-special scheme (app:, file:, about:) the opaque origin "null",
// so comparing `.origin` would let file:// and about:blank pass as app://. Compare the parts.
function isSameOrigin(url: string, origin: string): boolean {
  try {
    const a = new URL(url);
    const b = new URL(origin);
    return a.protocol === b.protocol && a.host === b.host && a.host !== '' && a.username === '' && a.password === '';
  } catch {
    return false;
  }
}

// Links a member may follow out of the app, opened in the OS browser: public guidance only.
const EXTERNAL_HOSTS = new Set([
  'www.gov.uk',
  'www.legislation.gov.uk',
  'www.ofsted.gov.uk',
  'reports.ofsted.gov.uk',
  'www.cqc.org.uk',
  'www.england.nhs.uk',
  'www.ipsea.org.uk',
  'councilfordisabledchildren.org.uk',
]);

/** Only https links to the allow-listed public hosts leave the app, and only to the OS browser. */
export function isAllowedExternalUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '' && EXTERNAL_HOSTS.has(parsed.hostname);
  } catch {
    return false;
  }
}

/** Navigation inside the window is only ever to the app itself (a reload); everything else is refused. */
export function isAllowedNavigation(url: string, appOrigin: string = APP_ORIGIN): boolean {
  return isTrustedSenderUrl(url, appOrigin);
}

/**
 * Maps a request for an app asset to a file inside `root`, or null where the path would
 * escape it (`..`, encoded separators, absolute paths) or the URL is not ours.
 */
export function resolveAppAsset(root: string, requestUrl: string, appOrigin: string = APP_ORIGIN): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (!isSameOrigin(requestUrl, appOrigin)) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const relative = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const resolvedRoot = path.resolve(root);
  const resolved = path.resolve(resolvedRoot, relative);
  if (resolved !== resolvedRoot && !resolved.startsWith(resolvedRoot + path.sep)) return null;
  return resolved;
}

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
};

/** The Content-Type for an app asset by its extension. */
export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/** The part of Electron's session the spellchecker settings touch (a fake in tests). */
export type SpellcheckSession = {
  setSpellCheckerLanguages(languages: string[]): void;
  setSpellCheckerDictionaryDownloadURL(url: string): void;
};

/**
 * Keeps the spellchecker off the network. On Windows and Linux Chromium downloads Hunspell
 * dictionaries from Google's CDN the first time a field is spell-checked, which would tell a
 * third party that (and when) a councillor is typing. The download URL points at a folder
 * inside the app instead (a `en-GB-*.bdic` placed there is used; without one, words are simply
 * not underlined), and main's request filter lets the page load nothing else. macOS uses its
 * own spellchecker and downloads nothing. Returns the URL, for the request filter.
 */
export function keepSpellcheckerOffline(session: SpellcheckSession, dictionaryFolder: string): string {
  const url = pathToFileURL(path.join(dictionaryFolder, path.sep)).href;
  session.setSpellCheckerLanguages(['en-GB']);
  session.setSpellCheckerDictionaryDownloadURL(url);
  return url;
}

/** Whether main lets the default session make a request: the app's own pages, DevTools, and the local dictionary folder. */
export function isAllowedSessionRequest(url: string, appOrigin: string, dictionaryUrl: string): boolean {
  return (
    url.startsWith(`${appOrigin}/`) ||
    url.startsWith('devtools://') ||
    (url.startsWith(dictionaryUrl) && !url.slice(dictionaryUrl.length).includes('..'))
  );
}
