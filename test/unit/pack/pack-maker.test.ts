import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPackMaker, type PackMakerDialogs } from '../../../electron/pack/pack-maker';
import { examinePack } from '../../../electron/sync/pack-read';
import { tempFolder } from './fixtures';
import { labelledPdf } from './make-fixtures';

let folder: string;
beforeEach(async () => {
  folder = await tempFolder();
});
afterEach(async () => {
  await fs.rm(folder, { recursive: true, force: true });
});

function scriptedDialogs(answers: {
  files?: string[];
  folder?: string | null;
  save?: string | null;
}): PackMakerDialogs & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    openFiles: async (options) => {
      asked.push(`files:${options?.title ?? ''}:${options?.filters.map((filter) => filter.extensions.join()).join()}`);
      return answers.files ?? [];
    },
    chooseFolder: async (_defaultPath, title) => {
      asked.push(`folder:${title ?? ''}`);
      return answers.folder ?? null;
    },
    saveFile: async (name) => {
      asked.push(`save:${name}`);
      return answers.save ?? null;
    },
  };
}

const MEETING = { id: 'sob-2027-01-14', title: 'Northmoor SEND Oversight Board', date: '2027-01-14', time: '14:00' };

describe("the app's pack maker in main", () => {
  it('reads a folder chosen in the dialog, previews by hash, and saves the edited agenda as a checked zip', async () => {
    const source = path.join(folder, 'papers');
    await fs.mkdir(source);
    await fs.writeFile(path.join(source, '03 Highlight report.pdf'), await labelledPdf('Highlight', 2));
    const target = path.join(folder, 'january');
    const dialogs = scriptedDialogs({ folder: source, save: target });
    const maker = createPackMaker(dialogs, folder, () => new Date('2027-01-06T09:00:00.123Z'));
    const chosen = await maker.choose('folder');
    if (!chosen) throw new Error('cancelled');
    expect(chosen.items.map((item) => [item.number, item.title])).toEqual([['3', 'Highlight report']]);
    const sha256 = chosen.items[0]?.paper?.sha256 ?? '';
    expect(maker.preview(chosen.token, sha256)?.length).toBeGreaterThan(100);
    expect(maker.preview('other-token', sha256)).toBeNull();

    const edited = chosen.items.map((item) => ({
      ...item,
      title: 'Highlight report, January',
      presenter: 'Programme Manager',
      decisionRequired: true,
    }));
    const saved = await maker.save({ token: chosen.token, draft: { meeting: MEETING, items: edited } });
    expect(saved).toMatchObject({ saved: true, fileName: 'january.zip', papers: 1, pages: 2, errors: [] });
    expect(dialogs.asked).toEqual(['folder:Choose the folder of papers', 'save:sob-2027-01-14.zip']);
    const checked = await examinePack(`${target}.zip`);
    if (checked.status !== 'examined' || checked.outcome.status !== 'pack') throw new Error('not a valid pack');
    expect(checked.outcome.pack.issuedAt).toBe('2027-01-06T09:00:00Z');
    expect(checked.outcome.pack.agenda[0]).toMatchObject({
      title: 'Highlight report, January',
      presenter: 'Programme Manager',
      decisionRequired: true,
    });
  });

  it('refuses a paper the renderer names that main did not read, and a token it no longer holds', async () => {
    const file = path.join(folder, '01 Report.pdf');
    await fs.writeFile(file, await labelledPdf('Report', 1));
    const maker = createPackMaker(scriptedDialogs({ files: [file], save: path.join(folder, 'x.zip') }), folder);
    const chosen = await maker.choose('pdfs');
    if (!chosen) throw new Error('cancelled');
    const forged = chosen.items.map((item) => ({ ...item, ...(item.paper ? { paper: { ...item.paper, sha256: 'f'.repeat(64) } } : {}) }));
    const refused = await maker.save({ token: chosen.token, draft: { meeting: MEETING, items: forged } });
    expect(refused).toMatchObject({ saved: false, errors: [{ message: '“Report” is not one of the PDFs chosen; choose them again.' }] });
    const stale = await maker.save({ token: 'nope', draft: { meeting: MEETING, items: chosen.items } });
    expect(stale.errors[0]?.message).toBe('The PDFs are no longer held; choose them again.');
    expect(await fs.readdir(folder)).toEqual(['01 Report.pdf']);
  });

  it('answers a cancelled dialog with null, and a bad source with its located problems', async () => {
    const maker = createPackMaker(scriptedDialogs({}), folder);
    expect(await maker.choose('combined')).toBeNull();
    const flat = path.join(folder, 'flat.pdf');
    await fs.writeFile(flat, await labelledPdf('Flat', 2));
    const bad = await createPackMaker(scriptedDialogs({ files: [flat] }), folder).choose('combined');
    expect(bad?.items).toEqual([]);
    expect(bad?.errors[0]?.message).toContain('"flat.pdf" has no bookmarks');
  });
});

describe('a supplement made on the spot from a PDF dropped on a meeting', () => {
  const meeting = { ...MEETING, place: 'Committee Room 1' };
  const agenda = [
    { id: 'item-4', number: '4', title: 'Performance dashboard', presenter: '', exempt: false, decisionRequired: false, links: [] },
    {
      id: 'item-7',
      number: '7',
      title: 'Independent placements',
      presenter: '',
      exempt: true,
      exemptParagraph: 3,
      decisionRequired: true,
      links: [],
    },
  ];

  it('puts a numbered PDF on its item (exempt with it), an unnumbered one on no item, and repeats the agenda', async () => {
    const numbered = path.join(folder, '7 Revised placements.pdf');
    const loose = path.join(folder, 'Late note.pdf');
    await fs.writeFile(numbered, await labelledPdf('Placements v2', 2));
    await fs.writeFile(loose, await labelledPdf('Note', 1));
    const maker = createPackMaker(scriptedDialogs({}), folder, () => new Date('2027-01-13T17:00:00Z'));
    const made = await maker.supplement([numbered, loose], meeting, agenda);
    if (!made?.ok) throw new Error(JSON.stringify(made));
    expect(made.warnings.map((warning) => warning.message)).toEqual([
      '"Late note.pdf" has no agenda number in its name; it was added as a paper on no agenda item.',
    ]);
    const checked = await examinePack(made.zipPath);
    if (checked.status !== 'examined' || checked.outcome.status !== 'pack') throw new Error('not a valid pack');
    const { pack } = checked.outcome;
    expect(pack.summary).toBe('Supplement: Revised placements, Late note');
    expect(pack.meeting).toEqual(meeting);
    expect(pack.agenda).toEqual(agenda);
    expect(pack.papers.map((paper) => [paper.id.replace(/[0-9a-f]{8}$/, 'HASH'), paper.agendaItem, paper.exempt])).toEqual([
      ['paper-7-HASH', 'item-7', true],
      ['paper-supplement-HASH', null, false],
    ]);
    await fs.rm(path.dirname(made.zipPath), { recursive: true, force: true });
  });

  it('leaves no temporary folder behind: keeps only the last few supplements while they are stored, and removes the rest when stopped', async () => {
    const temporary = path.join(folder, 'tmp');
    await fs.mkdir(temporary);
    const maker = createPackMaker(scriptedDialogs({}), folder, () => new Date('2027-01-13T17:00:00Z'), { tempFolder: temporary });
    const damaged = path.join(folder, '4 Dashboard.pdf');
    await fs.writeFile(damaged, '%PDF-1.7 nothing else');
    expect((await maker.supplement([damaged], meeting, agenda))?.ok).toBe(false);
    expect(await fs.readdir(temporary)).toEqual([]);

    const made: string[] = [];
    for (const name of ['7 Revised placements', '7a Placements costs', '8 Late note', '9 Later note']) {
      const file = path.join(folder, `${name}.pdf`);
      await fs.writeFile(file, await labelledPdf(name, 1));
      const supplement = await maker.supplement([file], meeting, agenda);
      if (!supplement?.ok) throw new Error(JSON.stringify(supplement));
      // The zip is there to be read while its papers are stored.
      expect((await examinePack(supplement.zipPath)).status).toBe('examined');
      made.push(path.basename(path.dirname(supplement.zipPath)));
    }
    expect((await fs.readdir(temporary)).sort()).toEqual(made.slice(1).sort());

    await maker.stop();
    expect(await fs.readdir(temporary)).toEqual([]);
    await maker.stop();
  });

  it('refuses a dropped file that is not a PDF, or a damaged PDF, naming it; a cancelled dialog is null', async () => {
    const maker = createPackMaker(scriptedDialogs({}), folder);
    const notPdf = await maker.supplement([path.join(folder, 'minutes.docx')], meeting, agenda);
    expect(notPdf).toEqual({
      ok: false,
      errors: [
        { path: path.join(folder, 'minutes.docx'), message: '"minutes.docx" is not a PDF: drop a PDF on a meeting to add it as a paper.' },
      ],
      warnings: [],
    });
    const damaged = path.join(folder, '4 Dashboard.pdf');
    await fs.writeFile(damaged, '%PDF-1.7 nothing else');
    const refused = await maker.supplement([damaged], meeting, agenda);
    expect(refused?.ok === false && refused.errors[0]?.message).toMatch(/^"4 Dashboard.pdf" is damaged/);
    expect(await maker.supplement(null, meeting, agenda)).toBeNull();
  });
});
