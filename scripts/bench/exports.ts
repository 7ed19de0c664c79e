import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { chromium } from 'playwright-core';
import { buildExport } from '../../electron/exports/build-export';
import type { MeetingBundle } from '../../shared/exports/schema';
import type { AgendaItem, MeetingRecord } from '../../shared/meetings/schema';
import { CHROMIUM_ARGS } from '../chromium.mjs';
import type { Figure } from './run';

// Issue 8's targets: the minutes of a meeting with 40 items and 60 decisions as DOCX in under
// 1 s and as PDF in under 3 s (PDF printed by Chromium, as the harness does and as Electron's
// printToPDF would). Baselines in the same run: an empty DOCX packed, a blank page printed.

/** A long meeting: 40 items, 60 decisions with votes, notes, judgements and actions on most items. */
export function longMeeting(): MeetingBundle {
  const at = (minute: number) => new Date(Date.UTC(2027, 0, 14, 14, minute)).toISOString();
  const agenda: AgendaItem[] = Array.from({ length: 40 }, (_, index) => ({
    id: `item-${index + 1}`,
    number: String(index + 1),
    title: `Agenda item ${index + 1}: progress on the improvement plan, area ${(index % 5) + 1}`,
    presenter: 'SEND Improvement Programme Manager',
    isExempt: index === 30,
    isDecisionRequired: true,
    links: [],
  }));
  const records: MeetingRecord[] = [];
  const base = (id: string, minute: number) => ({ id, meetingId: 'bench', createdAt: at(minute), updatedAt: at(minute), chain: null });
  for (let member = 0; member < 12; member += 1) {
    records.push({
      ...base(`att-${member}`, 0),
      kind: 'attendance',
      memberId: `member-${member}`,
      name: `Member ${member + 1}`,
      role: 'Board member',
      organisation: member % 3 === 0 ? 'NHS Northmoor ICB' : 'Northmoor Council',
      isVoting: member < 10,
      status: member === 11 ? 'apologies' : 'present',
      substituteForId: null,
      arrivedAtItemId: null,
      leftAtItemId: null,
    });
  }
  agenda.forEach((item, index) => {
    records.push({
      ...base(`note-${index}`, index),
      kind: 'note',
      itemId: item.id,
      text: 'The board discussed the figures at length. '.repeat(12),
    });
    records.push({
      ...base(`j-${index}`, index),
      kind: 'judgement',
      itemId: item.id,
      target: { kind: 'area', planId: 'plan', id: `area-${index % 5}`, label: `Area ${(index % 5) + 1}: Timeliness of EHC plans` },
      level: 'Partially assured',
      reason: 'Progress is real but not yet at the pace the plan needs.',
    });
    records.push({
      ...base(`a-${index}`, index),
      kind: 'action',
      itemId: item.id,
      text: 'Bring a revised trajectory to the next meeting',
      owner: 'Head of SEND',
      dueDate: '2027-02-11',
      links: [],
    });
  });
  for (let decision = 0; decision < 60; decision += 1) {
    records.push({
      ...base(`d-${decision}`, decision),
      kind: 'decision',
      itemId: `item-${(decision % 40) + 1}`,
      number: `SOB/2027/${String(decision + 1).padStart(3, '0')}`,
      type: 'resolved',
      text: 'The board resolved to ask for a recovery plan with monthly milestones and named owners.',
      escalatedTo: null,
      refersTo: null,
      vote: {
        method: 'show-of-hands',
        for: 7,
        against: 2,
        abstain: 1,
        castingVote: null,
        rule: 'simple',
        entitled: 10,
        outcome: 'carried',
      },
      isWithdrawn: false,
    });
  }
  return {
    meeting: {
      id: 'bench',
      title: 'SEND Oversight Board',
      date: '2027-01-14',
      time: '14:00',
      place: 'Council Chamber',
      planId: 'plan',
      agenda,
      carriedActions: [],
      previousMeetingId: null,
      status: 'draft',
      approval: null,
      createdAt: at(0),
      updatedAt: at(0),
    },
    records,
    exemptSourceIds: [],
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function timed(runs: number, work: () => Promise<unknown>): Promise<number> {
  await work(); // warm-up: the first run loads and compiles the library
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return median(times);
}

/** Times the long meeting's minutes as DOCX and as PDF. */
export async function benchExports(executablePath: string): Promise<Figure[]> {
  const bundle = longMeeting();
  const profile = await fs.mkdtemp(path.join(os.tmpdir(), 'oversight-bench-pdf-'));
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
    const common = { includeExempt: false, boardName: 'Northmoor SEND Oversight Board', bundle };
    let pages = 0;
    const docx = await timed(5, async () => {
      const built = await buildExport({ kind: 'minutes-docx', ...common }, services);
      if (!built.ok) throw new Error(built.error.message);
    });
    const emptyDocx = await timed(5, () => Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('x')] }] })));
    const pdf = await timed(3, async () => {
      const built = await buildExport({ kind: 'minutes-pdf', ...common }, services);
      if (!built.ok) throw new Error(built.error.message);
      pages = (
        Buffer.from(built.value.data)
          .toString('latin1')
          .match(/\/Type\s*\/Page[^s]/g) ?? []
      ).length;
    });
    const blankPdf = await timed(3, () => printHtmlToPdf('<!DOCTYPE html><p>x</p>'));
    return [
      {
        name: 'minutes DOCX, 40 items and 60 decisions',
        value: docx,
        unit: 'ms',
        baseline: { name: 'an empty DOCX packed', value: emptyDocx },
        note: 'target < 1,000 ms',
      },
      {
        name: `minutes PDF, 40 items and 60 decisions (${pages} pages, Chromium)`,
        value: pdf,
        unit: 'ms',
        baseline: { name: 'a blank page printed', value: blankPdf },
        note: 'target < 3,000 ms',
      },
    ];
  } finally {
    await context.close();
    await fs.rm(profile, { recursive: true, force: true });
  }
}
