import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { examineFile } from '../../../electron/sync/examine';
import { SAMPLE_MEETING_ID, sampleAgenda } from '../../../renderer/meetings/sample-board';
import { agendaItemSchema } from '../../../shared/meetings/schema';
import { agendaFromPack, meetingFromPack } from '../../../shared/pack/meeting';
import { SAMPLE_PACK_FOLDER, SAMPLE_PACK_MANIFEST, buildSamplePack, serialiseManifest } from '../../../scripts/make-sample-pack';

// The first-run sample pack: generated, committed, and describing the very meeting the sample
// board sets up, so "create the meeting from the pack" and the sample agree.

const root = path.resolve(import.meta.dirname, '..', '..', '..');

describe('the bundled sample pack', () => {
  it('matches what scripts/make-sample-pack.ts generates, byte for byte', async () => {
    const { manifest, files } = await buildSamplePack();
    const folder = path.join(root, SAMPLE_PACK_FOLDER);
    expect(await fs.readFile(path.join(folder, SAMPLE_PACK_MANIFEST), 'utf8')).toBe(serialiseManifest(manifest));
    for (const [file, bytes] of files) expect(new Uint8Array(await fs.readFile(path.join(folder, file)))).toEqual(bytes);
  });

  it('is a valid pack: a highlight report, a dashboard, a deep dive and one exempt paper', async () => {
    const result = await examineFile(path.join(root, SAMPLE_PACK_FOLDER));
    expect(result.status).toBe('examined');
    if (result.status !== 'examined' || result.outcome.status !== 'pack') throw new Error('not a pack');
    const { pack } = result.outcome;
    expect(pack.papers.map((paper) => paper.title)).toEqual([
      'Performance dashboard: EHC timeliness and key measures',
      'Plan status report by area: highlight report',
      'Deep dive: the Local Offer and parents’ understanding of support',
      'Independent special school placements: commissioning options',
    ]);
    expect(pack.papers.filter((paper) => paper.exempt).map((paper) => paper.id)).toEqual(['paper-7-placements']);
  });

  it('describes the sample board’s next meeting, item for item', async () => {
    const { manifest } = await buildSamplePack();
    expect(manifest.meeting.id).toBe(SAMPLE_MEETING_ID);
    expect(agendaFromPack(manifest)).toEqual(sampleAgenda());
  });
});

describe('a meeting from a pack', () => {
  it('gives the chair’s agenda items, valid against the meetings schema, with the pack’s ids', async () => {
    const { manifest } = await buildSamplePack();
    const meeting = meetingFromPack(manifest);
    expect(meeting).toMatchObject({ id: SAMPLE_MEETING_ID, date: '2026-11-12', time: '14:00', planId: 'northmoor-send-app' });
    for (const item of meeting.agenda) expect(agendaItemSchema.safeParse(item).success).toBe(true);
    expect(meeting.agenda.find((item) => item.isExempt)?.number).toBe('7');
  });
});
