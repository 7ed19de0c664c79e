import type { AnnotationsFile } from '../../../shared/annotations/file';

/** A valid annotations file from one member: a shared question and a deleted note (tombstone). */
export function makeAnnotationsFile(): AnnotationsFile {
  return {
    format: 'oversight-annotations',
    formatVersion: 1,
    exportedAt: '2026-11-20T18:30:00Z',
    author: { id: 'member-a', displayName: 'Cllr Amina Shah', role: 'member', organisation: 'Labour group', deviceId: 'device-a' },
    annotations: [
      {
        id: '5b0e6a4e-4d8a-4a1f-9d2b-1f0e8c1d2a01',
        authorId: 'member-a',
        target: { kind: 'action', planId: 'northmoor-send-app', id: 'act-1-1' },
        kind: 'question',
        text: 'Why has the EHC coordinator recruitment slipped again?',
        tags: ['EHC', 'workforce'],
        visibility: 'shared',
        answer: null,
        madeAgainstRevision: 2,
        createdAt: '2026-11-18T09:00:00Z',
        hlc: '001763456400000:000000:device-a',
        deviceId: 'device-a',
        deleted: false,
      },
      {
        id: '5b0e6a4e-4d8a-4a1f-9d2b-1f0e8c1d2a02',
        authorId: 'member-a',
        target: { kind: 'measure', planId: 'northmoor-send-app', id: 'm-ehc-20wk', point: '2026-09' },
        kind: 'note',
        text: '',
        tags: [],
        visibility: 'shared',
        answer: null,
        madeAgainstRevision: 2,
        createdAt: '2026-11-18T09:05:00Z',
        hlc: '001763456700000:000001:device-a',
        deviceId: 'device-a',
        deleted: true,
      },
    ],
  };
}
