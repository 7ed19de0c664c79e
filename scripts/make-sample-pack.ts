// Writes the bundled sample meeting pack (a .pack.json and four generated papers) to
// electron/resources/sample/pack. Run: npx tsx scripts/make-sample-pack.ts
// The pack describes the very meeting the first-run sample board sets up (renderer/meetings/
// sample-board.ts): same meeting id, same agenda items. The output is deterministic; a unit test
// (test/unit/pack/sample-pack.test.ts) checks the committed files still match it.

import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import { SAMPLE_MEETING_ID, SAMPLE_PLAN_ID, sampleAgenda } from '../renderer/meetings/sample-board';
import { makePaperPdf, type PaperSpec } from './sample/paper-pdf';
import { PACK_FORMAT, PACK_FORMAT_VERSION, type PackManifest } from '../shared/pack/schema';

/** Where the sample pack lives, relative to the repository root. */
export const SAMPLE_PACK_FOLDER = 'electron/resources/sample/pack';
export const SAMPLE_PACK_MANIFEST = 'northmoor-board-2026-11-12.pack.json';

type SamplePaper = { id: string; agendaItem: string; file: string; exempt: boolean; spec: PaperSpec };

const EXEMPT_MARKING = 'EXEMPT: NOT FOR PUBLICATION (Local Government Act 1972, Schedule 12A, paragraph 3)';

const PAPERS: readonly SamplePaper[] = [
  {
    id: 'paper-4-dashboard',
    agendaItem: 'sample-item-4',
    file: 'papers/04-performance-dashboard.pdf',
    exempt: false,
    spec: {
      title: 'Performance dashboard: EHC timeliness and key measures',
      subtitle: 'Report of the Head of Performance and Business Intelligence, October 2026 data',
      minimumPages: 3,
      sections: [
        {
          heading: 'Summary',
          paragraphs: [
            'In October 2026, 41% of new EHC plans were issued within 20 weeks excluding exceptions, up from 36% in September but still well below the England average of 50%.',
            'Requests for an EHC needs assessment rose to 118 in the month, the highest monthly figure this year. Refusals to assess fell to 18%.',
          ],
        },
        {
          heading: 'Timeliness of EHC plans',
          paragraphs: [
            'The backlog of plans over 52 weeks fell from 64 to 49. Twelve of the remaining cases await health advice; the ICB has agreed additional paediatric sessions from December.',
            'Annual reviews completed on time rose to 58%. Phase-transfer plans for September 2027 are on track to be issued by 15 February.',
          ],
        },
        {
          heading: 'Measures going the wrong way',
          paragraphs: [
            'The share of open autism referrals waiting 13 weeks or more rose to 47%. Waits of 18 weeks or more for speech and language therapy rose for the third month running.',
            'Suspension rates for pupils with an EHC plan are above the England average in two localities; the inclusion team is visiting the schools concerned.',
          ],
        },
      ],
    },
  },
  {
    id: 'paper-5-highlight',
    agendaItem: 'sample-item-5',
    file: 'papers/05-highlight-report.pdf',
    exempt: false,
    spec: {
      title: 'Plan status report by area: highlight report',
      subtitle: 'Report of the SEND Improvement Programme Manager',
      sections: [
        {
          heading: 'Overall position',
          paragraphs: [
            'Of the 62 actions in the accelerated progress plan, 9 are complete, 38 on track, 11 at risk and 4 off track. Two revised due dates were approved by the programme board this month.',
          ],
        },
        {
          heading: 'Area 1: timeliness and quality of EHC assessments and plans',
          paragraphs: [
            'Recruitment of EHC coordinators is complete: all eight posts are filled and caseloads have fallen to 140 per coordinator.',
            'The multi-agency audit of 30 plans rated 19 as good or better. The quality assurance framework will be reviewed at the next meeting.',
          ],
        },
        {
          heading: 'Area 2: the Local Offer',
          paragraphs: [
            'The new Local Offer website went live on 2 November. Early feedback from the parent carer forum is positive, but search results still miss some health services.',
          ],
        },
        {
          heading: 'Escalations',
          paragraphs: [
            'The board is asked to note the delay to the joint commissioning strategy, which is now due in January 2027, and to agree the revised milestones.',
          ],
        },
      ],
    },
  },
  {
    id: 'paper-6-deep-dive',
    agendaItem: 'sample-item-6',
    file: 'papers/06-deep-dive-local-offer.pdf',
    exempt: false,
    spec: {
      title: 'Deep dive: the Local Offer and parents’ understanding of support',
      subtitle: 'Report of the Local Offer and Family Engagement Manager',
      romanFrontPages: 1,
      hasOutline: true,
      sections: [
        {
          heading: 'Contents and purpose',
          paragraphs: [
            'This deep dive responds to the inspection finding that parents do not understand the support on offer and that the Local Offer is weak. It draws on a survey of 412 parent carers, six focus groups and a review of the website.',
          ],
        },
        {
          heading: 'What parents told us',
          startsOnNewPage: true,
          paragraphs: [
            'Only 34% of parent carers rated the information available to them as good or better. Many said they learned about support from other parents rather than from the council or health services.',
            'Parents of children without an EHC plan were least likely to know what support their school should provide at SEN support.',
            'Families whose first language is not English found the website hardest to use; translated summaries are planned for the spring.',
          ],
        },
        {
          heading: 'What has changed',
          startsOnNewPage: true,
          paragraphs: [
            'The relaunched website has fewer, clearer pages, written with the parent carer forum. Every page now names the service that owns it and when it was last checked.',
            'A termly Local Offer newsletter goes to every family on the SEN register, and drop-in sessions run in each locality.',
          ],
        },
        {
          heading: 'Questions for the board',
          paragraphs: [
            'Is the board assured that the new website will improve parents’ understanding, and what measure should it use to judge this over the next six months?',
          ],
        },
      ],
    },
  },
  {
    id: 'paper-7-placements',
    agendaItem: 'sample-item-7',
    file: 'papers/07-independent-placements-exempt.pdf',
    exempt: true,
    spec: {
      title: 'Independent special school placements: commissioning options',
      subtitle: 'Report of the Head of Joint Commissioning, Children and Families',
      marking: EXEMPT_MARKING,
      sections: [
        {
          heading: 'Why this paper is exempt',
          paragraphs: [
            'This paper contains commercially sensitive information about the fees of named providers and is not for publication.',
          ],
        },
        {
          heading: 'Options',
          paragraphs: [
            'Option A: a block contract with two regional providers for 40 places. Option B: spot purchasing as now, with a fee cap. Option C: expand the council’s own specialist provision by 60 places over three years.',
            'Officers recommend option C, with option A as an interim measure until the new places open.',
          ],
        },
      ],
    },
  },
];

/** The sample pack's manifest and files, built from scratch (same output every time). */
export async function buildSamplePack(): Promise<{ manifest: PackManifest; files: Map<string, Uint8Array> }> {
  const agenda = sampleAgenda();
  const files = new Map<string, Uint8Array>();
  const papers: PackManifest['papers'] = [];
  for (const paper of PAPERS) {
    const bytes = await makePaperPdf(paper.spec);
    files.set(paper.file, bytes);
    const pageCount = (await PDFDocument.load(bytes)).getPageCount();
    const item = agenda.find((candidate) => candidate.id === paper.agendaItem);
    if (!item) throw new Error(`The sample agenda has no item ${paper.agendaItem}`);
    papers.push({
      id: paper.id,
      title: paper.spec.title,
      agendaItem: paper.agendaItem,
      file: paper.file,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      pageCount,
      exempt: paper.exempt,
    });
  }
  const manifest: PackManifest = {
    format: PACK_FORMAT,
    formatVersion: PACK_FORMAT_VERSION,
    issuedAt: '2026-11-05T09:00:00Z',
    summary: 'Agenda pack',
    meeting: {
      id: SAMPLE_MEETING_ID,
      title: 'Northmoor SEND Oversight Board',
      date: '2026-11-12',
      time: '14:00',
      place: 'Committee Room 1, Northmoor Town Hall',
      planId: SAMPLE_PLAN_ID,
    },
    agenda: agenda.map((item) => ({
      id: item.id,
      number: item.number,
      title: item.title,
      presenter: item.presenter,
      exempt: item.isExempt,
      decisionRequired: item.isDecisionRequired,
      links: item.links.map((link) => ({ ...link })),
    })),
    papers,
  };
  return { manifest, files };
}

/** The manifest as the bundled file holds it. */
export function serialiseManifest(manifest: PackManifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

async function main() {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const folder = join(root, SAMPLE_PACK_FOLDER);
  const { manifest, files } = await buildSamplePack();
  rmSync(join(folder, 'papers'), { recursive: true, force: true });
  for (const name of readdirSync(folder, { withFileTypes: true }).filter((entry) => entry.name.endsWith('.pack.json'))) {
    rmSync(join(folder, name.name));
  }
  for (const [file, bytes] of files) {
    mkdirSync(dirname(join(folder, file)), { recursive: true });
    writeFileSync(join(folder, file), bytes);
    console.log(`Wrote ${SAMPLE_PACK_FOLDER}/${file} (${(bytes.length / 1024).toFixed(0)} KB)`);
  }
  writeFileSync(join(folder, SAMPLE_PACK_MANIFEST), serialiseManifest(manifest), 'utf8');
  console.log(`Wrote ${SAMPLE_PACK_FOLDER}/${SAMPLE_PACK_MANIFEST}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
