import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_ORIGIN,
  contentSecurityPolicy,
  hardenedWindowOptions,
  isAllowedExternalUrl,
  isAllowedNavigation,
  isAllowedSessionRequest,
  isTrustedSenderUrl,
  keepSpellcheckerOffline,
  resolveAppAsset,
  securityHeaders,
} from '../../../electron/security';

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values];
    }),
  );
}

describe('Content-Security-Policy', () => {
  const csp = directives(contentSecurityPolicy());

  it('allows scripts only from the app itself: no inline script, no eval', () => {
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(contentSecurityPolicy()).not.toMatch(/unsafe-inline|unsafe-eval|wasm-unsafe-eval/);
  });

  it('names no remote origin in any directive', () => {
    for (const [name, values] of csp) {
      for (const value of values) {
        expect(value, `${name} ${value}`).not.toMatch(/^(https?:|wss?:|\*|\/\/)/);
      }
    }
  });

  it('starts from default-src none and forbids objects, frames, base and form targets', () => {
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('frame-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('is sent with every served asset', () => {
    expect(securityHeaders()['Content-Security-Policy']).toBe(contentSecurityPolicy());
    expect(securityHeaders()['X-Content-Type-Options']).toBe('nosniff');
  });
});

describe('the spellchecker', () => {
  it('is British and may fetch its dictionary only from a folder inside the app, never the network', () => {
    const calls: Array<[string, unknown]> = [];
    const url = keepSpellcheckerOffline(
      {
        setSpellCheckerLanguages: (languages) => calls.push(['languages', languages]),
        setSpellCheckerDictionaryDownloadURL: (value) => calls.push(['url', value]),
      },
      path.join('/opt', 'Oversight', 'resources', 'dictionaries'),
    );
    expect(calls).toEqual([
      ['languages', ['en-GB']],
      ['url', 'file:///opt/Oversight/resources/dictionaries/'],
    ]);
    expect(url).toBe('file:///opt/Oversight/resources/dictionaries/');
    // Main's request filter: the app, DevTools and that folder; not Google's dictionary CDN.
    expect(isAllowedSessionRequest(`${url}en-GB-10-1.bdic`, APP_ORIGIN, url)).toBe(true);
    expect(isAllowedSessionRequest(`${APP_ORIGIN}/index.html`, APP_ORIGIN, url)).toBe(true);
    for (const foreign of [
      'https://redirector.gvt1.com/edgedl/chrome/dict/en-gb-10-1.bdic',
      'file:///etc/passwd',
      `${url}../../secret.bdic`,
      'https://oversight.example/',
    ]) {
      expect(isAllowedSessionRequest(foreign, APP_ORIGIN, url), foreign).toBe(false);
    }
  });
});

describe('hardened window options', () => {
  const options = hardenedWindowOptions('/app/preload.cjs');
  const prefs = options.webPreferences ?? {};

  it('isolates and sandboxes the page with no Node', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and webviews, insecure content and drag-to-navigate off', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
  });

  it('loads the given preload', () => {
    expect(prefs.preload).toBe('/app/preload.cjs');
  });
});

describe('sender check', () => {
  it('accepts frames of the app origin', () => {
    expect(isTrustedSenderUrl(`${APP_ORIGIN}/index.html#/plan`)).toBe(true);
  });

  it.each([
    ['a remote page', 'https://evil.example/index.html'],
    ['a file URL', 'file:///etc/passwd'],
    ['a look-alike host', 'app://oversight.evil/index.html'],
    ['about:blank', 'about:blank'],
    ['no URL', undefined],
    ['an empty URL', ''],
    ['garbage', 'not a url'],
  ])('refuses %s', (_label, url) => {
    expect(isTrustedSenderUrl(url)).toBe(false);
  });

  it('compares against the origin it is given (the test harness serves over http)', () => {
    expect(isTrustedSenderUrl('http://127.0.0.1:4000/index.html', 'http://127.0.0.1:4000')).toBe(true);
    expect(isTrustedSenderUrl('http://127.0.0.1:4001/index.html', 'http://127.0.0.1:4000')).toBe(false);
  });
});

describe('navigation and external links', () => {
  it('only allows navigation within the app', () => {
    expect(isAllowedNavigation(`${APP_ORIGIN}/index.html`)).toBe(true);
    expect(isAllowedNavigation('https://www.gov.uk/')).toBe(false);
    expect(isAllowedNavigation('javascript:alert(1)')).toBe(false);
  });

  it('opens only https links to allow-listed public hosts', () => {
    expect(isAllowedExternalUrl('https://www.gov.uk/children-with-special-educational-needs')).toBe(true);
    expect(isAllowedExternalUrl('http://www.gov.uk/')).toBe(false);
    expect(isAllowedExternalUrl('https://www.gov.uk.evil.example/')).toBe(false);
    expect(isAllowedExternalUrl('https://user:pass@www.gov.uk/')).toBe(false);
    expect(isAllowedExternalUrl('file:///C:/Windows/system32/calc.exe')).toBe(false);
    expect(isAllowedExternalUrl('javascript:alert(1)')).toBe(false);
  });
});

describe('app asset resolution', () => {
  const root = path.resolve('/srv/renderer');

  it('maps app URLs into the renderer folder', () => {
    expect(resolveAppAsset(root, `${APP_ORIGIN}/`)).toBe(path.join(root, 'index.html'));
    expect(resolveAppAsset(root, `${APP_ORIGIN}/assets/index.js`)).toBe(path.join(root, 'assets', 'index.js'));
  });

  it.each([
    `${APP_ORIGIN}/../secrets.txt`,
    `${APP_ORIGIN}/%2e%2e/%2e%2e/etc/passwd`,
    `${APP_ORIGIN}/assets/..%2f..%2fetc%2fpasswd`,
    `${APP_ORIGIN}/assets%5c..%5c..%5cwin.ini`,
    `${APP_ORIGIN}/a%00b`,
    'https://evil.example/index.html',
    'not a url',
  ])('refuses %s', (url) => {
    const resolved = resolveAppAsset(root, url);
    if (resolved !== null) expect(resolved.startsWith(root + path.sep)).toBe(true);
    else expect(resolved).toBeNull();
  });
});
