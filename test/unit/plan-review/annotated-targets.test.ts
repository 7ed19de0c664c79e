import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { targetKeyOf } from '../../../renderer/annotations/types';
import { OversightDatabase } from '../../../renderer/db/database';
import { annotatedTargetKeys } from '../../../renderer/plan-review/annotated-targets';
import { annotationRecord } from './annotation-record';

describe('annotatedTargetKeys', () => {
  it('gives the targets of one plan carrying this author’s live annotations, skipping deleted ones and other plans', async () => {
    const db = new OversightDatabase(`annotated-${Math.random().toString(36).slice(2)}`);
    await db.annotations.bulkPut([
      annotationRecord({ planId: 'p1', actionId: 'a1', authorId: 'me' }),
      annotationRecord({ planId: 'p1', actionId: 'a2', authorId: 'me', deleted: true }),
      annotationRecord({ planId: 'p1', actionId: 'a3', authorId: 'someone-else' }),
      annotationRecord({ planId: 'p10', actionId: 'a4', authorId: 'me' }),
    ]);
    expect(await annotatedTargetKeys(db, 'p1', 'me')).toEqual(new Set([targetKeyOf({ planId: 'p1', kind: 'action', id: 'a1' })]));
    expect(await annotatedTargetKeys(db, 'p2', 'me')).toEqual(new Set());
    db.close();
    await db.delete();
  });
});
