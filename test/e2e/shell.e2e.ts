import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, type AppHarness } from './harness';
import { useApp } from './use-app';

// The shell in real Chromium: real React, real IndexedDB, the real IPC handler table.
let app: AppHarness | undefined;
let emptySample: string;

const e2e = useApp();

beforeAll(async () => {
  emptySample = await fs.mkdtemp(path.join(os.tmpdir(), 'oversight-empty-sample-'));
});

describe('the application shell in Chromium', () => {
  it('loads with no console errors, opens IndexedDB, and makes no request outside its origin', async () => {
    app = await e2e.start({ sampleFolder: emptySample });
    await app.open('#/plan');
    await app.page.getByRole('heading', { level: 1, name: 'Plans' }).waitFor();
    await app.page.getByText('No plan has been imported yet').waitFor();
    const databases = await app.page.evaluate(async () => (await indexedDB.databases()).map((db) => db.name));
    expect(databases).toContain('oversight');
    const version = await app.page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const request = indexedDB.open('oversight');
          request.onsuccess = () => {
            resolve(request.result.version);
            request.result.close();
          };
          request.onerror = () => reject(request.error);
        }),
    );
    expect(version).toBeGreaterThanOrEqual(20); // Dexie multiplies its version by 10
    expect(app.consoleErrors).toEqual([]);
    expect(app.foreignRequests).toEqual([]);
  });

  it('round-trips through real IPC handlers: Settings shows main’s app info and inbox folder', async () => {
    app = await e2e.start({ sampleFolder: emptySample });
    await app.open('#/settings');
    await expect.poll(() => app?.page.getByTestId('app-version').textContent()).toBe('0.1.0-e2e');
    expect(await app.page.getByTestId('inbox-folder').textContent()).toBe(app.inboxFolder);

    // Choose another inbox folder through the (scripted) folder dialog: main saves it to its settings file.
    const chosen = path.join(app.documentsFolder, 'Board papers');
    app.nextChosenFolder = chosen;
    await app.page.getByRole('button', { name: 'Choose another folder…' }).click();
    await expect.poll(() => app?.page.getByTestId('inbox-folder').textContent()).toBe(chosen);
    const saved = JSON.parse(await fs.readFile(path.join(app.dataFolder, 'settings.json'), 'utf8'));
    expect(saved).toEqual({ inboxFolder: chosen });
    expect(app.consoleErrors).toEqual([]);
  });

  // Whether the page has Node is a property of Electron's window options (tested in
  // security.test.ts and in the Electron smoke test); plain Chromium never has it. What can break
  // here is the bridge: the preload's own factory must filter channels and events, and the page
  // must not be able to replace it.
  it('refuses IPC from a frame that is not the app, and the page’s bridge filters channels and events', async () => {
    app = await e2e.start({ sampleFolder: emptySample });
    await app.open('#/plan');
    const bridge = await app.page.evaluate(async () => {
      type Page = Window & {
        __oversightInvoke: (c: string, a: unknown) => Promise<unknown>;
        __oversightEmit: (e: string, p: unknown) => void;
      };
      const page = window as unknown as Page;
      // Watch what reaches main's binding.
      const reached: string[] = [];
      const binding = page.__oversightInvoke;
      page.__oversightInvoke = (channel, argument) => {
        reached.push(channel);
        return binding(channel, argument);
      };
      const unknown = await window.oversight?.invoke('fs:read-any-file', { path: '/etc/passwd' });
      const known = await window.oversight?.invoke('app:get-info', undefined);
      page.__oversightInvoke = binding;
      // An event outside the contract never reaches a listener, one in it does.
      const heard: string[] = [];
      window.oversight?.on('not-an-event', () => heard.push('not-an-event'));
      window.oversight?.on('sync:inbox-changed', () => heard.push('sync:inbox-changed'));
      page.__oversightEmit('not-an-event', {});
      page.__oversightEmit('sync:inbox-changed', { folder: '/x' });
      let replaced = true;
      try {
        (window as unknown as { oversight: unknown }).oversight = { invoke: () => 'hijacked' };
      } catch {
        replaced = false;
      }
      return {
        keys: Object.keys(window.oversight ?? {}).sort(),
        unknown,
        knownOk: (known as { ok?: boolean } | undefined)?.ok,
        reached,
        heard,
        replaced: replaced && Object.keys(window.oversight ?? {}).length !== 3,
        frozen: Object.isFrozen(window.oversight),
      };
    });
    expect(bridge).toEqual({
      keys: ['invoke', 'on', 'pathForFile'],
      unknown: { ok: false, error: { code: 'unknown-channel', message: 'There is no operation called "fs:read-any-file".' } },
      knownOk: true,
      reached: ['app:get-info'],
      heard: ['sync:inbox-changed'],
      replaced: false,
      frozen: true,
    });
    // An about:blank frame shares the bindings but not the origin: main must refuse it.
    const reply = await app.page.evaluate(async () => {
      const frame = document.createElement('iframe');
      document.body.append(frame);
      const invoke = (frame.contentWindow as unknown as { __oversightInvoke?: (c: string, a: unknown) => Promise<unknown> })
        .__oversightInvoke;
      const result = invoke ? await invoke('app:get-info', undefined) : 'no binding in frame';
      frame.remove();
      return result;
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const malformed = await app.page.evaluate(() => window.oversight?.invoke('sync:read-dropped', { paths: '/etc/passwd' }));
    expect(malformed).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });

  it('sends no request outside the app while a member types misspelt words into a spell-checked field', async () => {
    app = await e2e.start({ sampleFolder: emptySample });
    await app.open('#/plan', { profile: false });
    const name = app.page
      .getByRole('dialog', { name: 'Welcome to Oversight' })
      .getByRole('textbox', { name: 'Your name as the board knows you' });
    await name.focus();
    // Spell-checking is on in this field: this is where a dictionary download would start.
    expect(await name.evaluate((element) => (element as HTMLInputElement).spellcheck)).toBe(true);
    await app.page.keyboard.type('Cllr Recieve Accomodation Seperate Definately Neccessary Colour', { delay: 5 });
    await expect.poll(() => name.inputValue()).toBe('Cllr Recieve Accomodation Seperate Definately Neccessary Colour');
    // Give the spellchecker time to ask for its dictionary, then check nothing left.
    await app.page.waitForTimeout(1500);
    expect(app.foreignRequests).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
  });

  it('every section of the shell passes axe-core (WCAG 2.2 AA) and is reachable by keyboard', async () => {
    app = await e2e.start({ sampleFolder: emptySample });
    await app.open('#/plan');
    const { page } = app;
    for (const section of ['Start', 'Plan', 'Notes', 'Meetings', 'Papers', 'Exports', 'Imports', 'Settings']) {
      // Keyboard only. After a navigation focus is on the view's heading, and the navigation
      // comes before the view, so Shift+Tab walks back through the section links to the one wanted.
      let reached = false;
      for (let step = 0; step < 20 && !reached; step += 1) {
        await page.keyboard.press('Shift+Tab');
        reached = await page.evaluate(
          (name) => document.activeElement?.textContent === name && document.activeElement.closest('nav[aria-label="Main"]') !== null,
          section,
        );
      }
      expect(reached, `Tab reaches ${section}`).toBe(true);
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator(`nav a[aria-current="page"]`).textContent()).toBe(section);
      expect(await axeViolations(page), `axe on ${section}`).toEqual([]);
    }
    expect(app.consoleErrors).toEqual([]);
  });
});
