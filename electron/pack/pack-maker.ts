import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MakerSaveRequest, MakerSaveResult, MakerSource } from '../../shared/pack/maker-ipc';
import { makeSupplementManifest, parsePaperName, type PackDraft } from '../../shared/pack/make';
import type { PackAgendaItem, PackManifest } from '../../shared/pack/schema';
import type { Problem } from '../../shared/plan/validate';
import { readPackFiles, readPackSource, writeCheckedZip, writePack } from './make-pack';

// Main's side of the app's "Make a pack": the same reading and writing as `oversight-cli pack`
// (make-pack.ts), behind three IPC channels. The PDFs stay here, held by an opaque token for the
// clerk's session; the renderer only ever names a paper by its SHA-256, and main writes only to
// a path the clerk chose in the save dialog.

export type PackMakerDialogs = {
  openFiles(options?: { title: string; filters: Array<{ name: string; extensions: string[] }>; multiple: boolean }): Promise<string[]>;
  chooseFolder(defaultPath: string, title?: string): Promise<string | null>;
  saveFile(defaultName: string, filter: { name: string; extensions: string[] }): Promise<string | null>;
};

/** A supplement made on the spot: the zip written (to import like any pack), or why not. */
export type SupplementResult = { ok: true; zipPath: string; warnings: Problem[] } | { ok: false; errors: Problem[]; warnings: Problem[] };

export type PackMaker = {
  /** Makes a supplement for a meeting from PDFs (dropped: their paths; else chosen in a dialog); null when cancelled. */
  supplement(
    paths: readonly string[] | null,
    meeting: PackManifest['meeting'],
    agenda: readonly PackAgendaItem[],
  ): Promise<SupplementResult | null>;
  choose(kind: 'pdfs' | 'folder' | 'combined'): Promise<MakerSource | null>;
  preview(token: string, sha256: string): Uint8Array | null;
  save(request: MakerSaveRequest): Promise<MakerSaveResult>;
  /** Removes the supplement zips still kept in the temporary folder (when the app quits). */
  stop(): Promise<void>;
};

export type PackMakerOptions = {
  /** Where supplement zips are made; the system's temporary folder unless a test says otherwise. */
  tempFolder?: string;
};

// A clerk makes one pack at a time; keeping the last few sources bounds the memory held.
const SESSIONS_KEPT = 3;
// A supplement's zip is read again while its papers are stored (papers:read), which the renderer
// does straight after, one drop at a time; so only the last few are kept, the rest removed.
const SUPPLEMENTS_KEPT = 3;

/** The pack maker main serves; `documentsFolder` is where dialogs open. */
export function createPackMaker(
  dialogs: PackMakerDialogs,
  documentsFolder: string,
  now: () => Date = () => new Date(),
  options: PackMakerOptions = {},
): PackMaker {
  const sessions = new Map<string, Map<string, Uint8Array>>();
  // The temporary folders of supplements made this session, oldest first.
  const supplementFolders: string[] = [];
  const removeFolder = async (folder: string) => {
    const at = supplementFolders.indexOf(folder);
    if (at >= 0) supplementFolders.splice(at, 1);
    // Best effort: a folder the system already cleared is no loss.
    await fs.rm(folder, { recursive: true, force: true }).catch(() => undefined);
  };

  return {
    async choose(kind) {
      let read;
      let sourceName: string;
      if (kind === 'folder') {
        const folder = await dialogs.chooseFolder(documentsFolder, 'Choose the folder of papers');
        if (!folder) return null;
        sourceName = path.basename(folder);
        read = await readPackSource(folder);
      } else {
        const files = await dialogs.openFiles({
          title: kind === 'combined' ? 'Choose the combined agenda pack' : 'Choose the papers',
          filters: [{ name: 'PDF', extensions: ['pdf'] }],
          multiple: kind === 'pdfs',
        });
        if (files.length === 0) return null;
        sourceName = files.length === 1 ? path.basename(files[0] ?? '') : `${files.length} PDFs`;
        read = kind === 'combined' ? await readPackSource(files[0] ?? '') : await readPackFiles(files);
      }
      const token = randomUUID();
      if (!read.ok)
        return {
          token,
          kind: kind === 'combined' ? 'combined' : 'folder',
          sourceName,
          items: [],
          warnings: read.warnings,
          errors: read.errors,
        };
      sessions.set(token, read.bytes);
      while (sessions.size > SESSIONS_KEPT) sessions.delete(sessions.keys().next().value ?? '');
      return {
        token,
        kind: read.kind,
        sourceName,
        items: read.items,
        ...(read.frontSheet ? { frontSheet: read.frontSheet } : {}),
        warnings: read.warnings,
        errors: [],
      };
    },

    async supplement(paths, meeting, agenda) {
      const files =
        paths ??
        (await dialogs.openFiles({ title: 'Add papers to this meeting', filters: [{ name: 'PDF', extensions: ['pdf'] }], multiple: true }));
      if (files.length === 0) return null;
      const notPdf = files.find((file) => !file.toLowerCase().endsWith('.pdf'));
      if (notPdf)
        return {
          ok: false,
          errors: [{ path: notPdf, message: `"${path.basename(notPdf)}" is not a PDF: drop a PDF on a meeting to add it as a paper.` }],
          warnings: [],
        };
      const read = await readPackFiles(files);
      if (!read.ok) return { ok: false, errors: read.errors, warnings: read.warnings };
      const made = makeSupplementManifest({
        meeting,
        agenda,
        papers: read.items.flatMap((item) => (item.paper ? [{ ...item.paper, number: parsePaperName(item.paper.source).number }] : [])),
        issuedAt: now()
          .toISOString()
          .replace(/\.\d{3}Z$/, 'Z'),
      });
      // The zip must outlive this call: the papers are read from it again when they are stored.
      const folder = await fs.mkdtemp(path.join(options.tempFolder ?? os.tmpdir(), 'oversight-supplement-'));
      supplementFolders.push(folder);
      const written = await writeCheckedZip(
        path.join(folder, `${meeting.id.replace(/[^A-Za-z0-9._-]+/g, '-')}-supplement.zip`),
        made.manifest,
        made.placed,
        read.bytes,
        {
          warnings: [...read.warnings.filter((warning) => !warning.message.includes('has no agenda number')), ...made.warnings],
        },
      ).catch(async (error: unknown) => {
        await removeFolder(folder);
        throw error;
      });
      if (!written.ok) {
        await removeFolder(folder);
        return { ok: false, errors: written.errors, warnings: written.warnings };
      }
      while (supplementFolders.length > SUPPLEMENTS_KEPT) await removeFolder(supplementFolders[0] ?? '');
      return { ok: true, zipPath: written.file, warnings: written.warnings };
    },

    async stop() {
      await Promise.all([...supplementFolders].map(removeFolder));
    },

    preview(token, sha256) {
      return sessions.get(token)?.get(sha256) ?? null;
    },

    async save(request) {
      const bytes = sessions.get(request.token);
      if (!bytes) {
        return { saved: false, warnings: [], errors: [{ path: '$', message: 'The PDFs are no longer held; choose them again.' }] };
      }
      // The renderer names papers by hash: each must be one main read in this session.
      const papers = [
        ...request.draft.items.flatMap((item) => (item.paper ? [item.paper] : [])),
        ...(request.draft.frontSheet ? [request.draft.frontSheet] : []),
      ];
      const unknown = papers.find((paper) => !bytes.has(paper.sha256));
      if (unknown) {
        return {
          saved: false,
          warnings: [],
          errors: [{ path: '$', message: `“${unknown.title}” is not one of the PDFs chosen; choose them again.` }],
        };
      }
      const { meeting } = request.draft;
      const chosen = await dialogs.saveFile(`${meeting.id || 'meeting-pack'}.zip`, { name: 'Meeting pack', extensions: ['zip'] });
      if (!chosen) return { saved: false, warnings: [], errors: [] };
      const target = chosen.toLowerCase().endsWith('.zip') ? chosen : `${chosen}.zip`;
      const draft: PackDraft = {
        meeting: {
          id: meeting.id,
          title: meeting.title,
          date: meeting.date,
          time: meeting.time,
          ...(meeting.place ? { place: meeting.place } : {}),
          ...(meeting.planId ? { planId: meeting.planId } : {}),
        },
        ...(request.draft.summary ? { summary: request.draft.summary } : {}),
        issuedAt: now()
          .toISOString()
          .replace(/\.\d{3}Z$/, 'Z'),
        items: request.draft.items,
        ...(request.draft.frontSheet ? { frontSheet: request.draft.frontSheet } : {}),
      };
      // The OS dialog asked before replacing the name the clerk chose; a name we changed was not asked about.
      const written = await writePack(target, draft, bytes, { overwrite: target === chosen });
      if (!written.ok) return { saved: false, warnings: written.warnings, errors: written.errors };
      return {
        saved: true,
        fileName: path.basename(target),
        papers: written.papers,
        pages: written.pages,
        warnings: written.warnings,
        errors: [],
      };
    },
  };
}
