import type { ImportCandidate } from '../../../shared/ipc/contract';
import { validatePackText } from '../../../shared/pack/validate';

/** A pack of one paper for a meeting on a date, as main would hand it to the renderer. */
export function packFor(meetingId: string, date: string): ImportCandidate {
  const text = JSON.stringify({
    format: 'oversight-pack',
    formatVersion: 1,
    issuedAt: `${date}T09:00:00Z`,
    meeting: { id: meetingId, title: 'Board', date, time: '14:00' },
    agenda: [{ id: 'item-4', number: '4', title: 'Dashboard' }],
    papers: [{ id: 'p4', title: 'Dashboard', agendaItem: 'item-4', file: 'p4.pdf', sha256: 'a'.repeat(64), pageCount: 1, exempt: false }],
  });
  const validation = validatePackText(text);
  if (!validation.ok) throw new Error(JSON.stringify(validation.errors));
  const sha = Buffer.from(meetingId).toString('hex').padEnd(64, '0').slice(0, 64);
  return {
    token: meetingId,
    fileName: `${meetingId}.zip`,
    source: 'dialog',
    sha256: sha,
    size: 1,
    modifiedAt: `${date}T09:00:00Z`,
    outcome: {
      status: 'pack',
      pack: validation.pack,
      manifestSha256: sha,
      papers: [{ id: 'p4', sha256: 'a'.repeat(64), size: 8, pageCount: 1 }],
      warnings: [],
    },
  };
}
