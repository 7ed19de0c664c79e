import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { buildExport } from '../../electron/exports/build-export';
import type { ExportRequest, MeetingBundle } from '../../shared/exports/schema';
import { planFileSchema } from '../../shared/plan/schema';
import type { PlanFileObject } from '../sample/generate-plan';
import { CHROMIUM_ARGS } from '../chromium.mjs';
import { longMeeting } from './exports';
import type { Figure } from './run';

// Issue 17's targets: the board's report for the 10k-action plan and a year of meetings (twelve
// long meetings) as DOCX in under 2 s and as PDF in under 5 s (printed by Chromium).

/** Twelve monthly meetings of 40 items each, judging the generated plan's areas. */
function aYearOfMeetings(areaIds: readonly string[]): MeetingBundle[] {
  return Array.from({ length: 12 }, (_, month) => {
    const bundle = longMeeting();
    const id = `bench-${month}`;
    const date = `2027-${String(month + 1).padStart(2, '0')}-14`;
    return {
      meeting: { ...bundle.meeting, id, date },
      records: bundle.records.map((record, index) => {
        const moved = { ...record, id: `${id}-${record.id}`, meetingId: id };
        if (moved.kind !== 'judgement') return moved;
        const areaId = areaIds[index % Math.max(1, areaIds.length)] ?? 'none';
        return { ...moved, target: { ...moved.target, id: areaId } };
      }),
      exemptSourceIds: [],
    };
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function timed(runs: number, work: () => Promise<unknown>): Promise<number> {
  await work();
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return median(times);
}

/** Times the board's report over a year for the generated plan, as DOCX and as PDF. */
export async function benchBoardReport(executablePath: string, generated: PlanFileObject): Promise<Figure[]> {
  // Typed as the store holds it (the generator's object is loosely typed); not timed.
  const plan = planFileSchema.parse(generated);
  const profile = await fs.mkdtemp(path.join(os.tmpdir(), 'oversight-bench-report-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath, headless: true, args: CHROMIUM_ARGS });
  try {
    const printHtmlToPdf = async (html: string) => {
      const page = await context.newPage();
      try {
        await page.setContent(html);
        return new Uint8Array(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
      } finally {
        await page.close();
      }
    };
    const services = { printHtmlToPdf, trackerCopies: { find: async () => undefined }, now: () => new Date() };
    const request = (kind: 'board-report-docx' | 'board-report-pdf'): ExportRequest => ({
      kind,
      includeExempt: false,
      boardName: 'Northmoor SEND Oversight Board',
      from: '2027-01-01',
      to: '2027-12-31',
      plan: { title: plan.plan.title, areas: plan.areas, actions: plan.actions, measures: plan.measures, risks: plan.risks },
      bundles: aYearOfMeetings(plan.areas.map((area) => area.id)),
      voice: [],
      questions: [],
    });
    let pages = 0;
    const docx = await timed(3, async () => {
      const built = await buildExport(request('board-report-docx'), services);
      if (!built.ok) throw new Error(built.error.message);
    });
    const pdf = await timed(3, async () => {
      const built = await buildExport(request('board-report-pdf'), services);
      if (!built.ok) throw new Error(built.error.message);
      pages = (
        Buffer.from(built.value.data)
          .toString('latin1')
          .match(/\/Type\s*\/Page[^s]/g) ?? []
      ).length;
    });
    const actions = plan.actions.length.toLocaleString('en-GB');
    return [
      { name: `board's report DOCX, ${actions}-action plan, 12 meetings`, value: docx, unit: 'ms', note: 'target < 2,000 ms' },
      {
        name: `board's report PDF, ${actions}-action plan, 12 meetings (${pages} pages, Chromium)`,
        value: pdf,
        unit: 'ms',
        note: 'target < 5,000 ms',
      },
    ];
  } finally {
    await context.close();
    await fs.rm(profile, { recursive: true, force: true });
  }
}
