import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { useStores } from '../use-stores';
import { type OversightDatabase } from '../../../renderer/db/database';
import { entitiesOfPlan, importedFileHashes, listImports, storeCandidate } from '../../../renderer/db/plan-repository';
import { expandChangesSteps } from '../../../shared/plan/compact-changes';
import { runToEnd } from '../../../shared/sliced';
import { candidateFor, planObject } from './plan-candidates';

const store = useStores();
function freshDb(): OversightDatabase {
  const db = store(`repo-${Math.random().toString(36).slice(2)}`);
  return db;
}

/** Every table, in key order, as one string: "byte for byte as it was" made testable. */
async function dump(db: OversightDatabase): Promise<string> {
  const tables = await Promise.all(db.tables.map(async (table) => [table.name, await table.toArray()] as const));
  return JSON.stringify(tables);
}

function nextRevision(base = planObject(), revision = 8) {
  base.export.revision = revision;
  base.export.exportedAt = '2026-04-01T09:00:00Z';
  return base;
}

describe('storing a plan', () => {
  it('stores a first import whole: plan, every entity, the log entry and its change set', async () => {
    const db = freshDb();
    const outcome = await storeCandidate(db, candidateFor(planObject()), { now: new Date('2026-03-03T10:00:00Z') });
    expect(outcome).toMatchObject({ status: 'imported', revision: 7, previousRevision: null });
    const plan = await db.plans.get('northshire-wsoa-2025');
    expect(plan?.header.title).toBe('Northshire Local Area SEND Written Statement of Action');
    expect(plan?.revisions.map((revision) => revision.revision)).toEqual([7]);
    const entities = await entitiesOfPlan(db, 'northshire-wsoa-2025');
    const actions = entities.filter((entity) => entity.kind === 'action');
    expect(actions).toHaveLength(4);
    expect(actions.every((action) => action.addedInRevision === 7 && action.archivedInRevision === null)).toBe(true);
    const [log] = await listImports(db);
    expect(log).toMatchObject({ fileName: 'plan.plan.json', revision: 7, previousRevision: null, source: 'dialog' });
    expect(log?.summary.added).toBe(entities.length);
    // Stored compactly (every change an addition), and read back as one addition per entity.
    const changeSet = await db.changeSets.get(log?.id ?? '');
    expect(changeSet).toMatchObject({ changes: [], addedCount: entities.length });
    const changes = changeSet ? runToEnd(expandChangesSteps(changeSet, changeSet.importId)) : [];
    expect(changes).toHaveLength(entities.length);
    expect(changes.every((change) => change.change === 'added' && change.fields.length === 0)).toBe(true);
    expect(new Set(changes.map((change) => `${change.kind}:${change.id}`))).toEqual(
      new Set(entities.map((entity) => `${entity.kind}:${entity.id}`)),
    );
  });

  it('says "already up to date" for the same revision with the same content, and writes nothing', async () => {
    const db = freshDb();
    await storeCandidate(db, candidateFor(planObject()));
    const before = await dump(db);
    const reformatted = planObject();
    reformatted.export.exportedAt = '2026-03-05T12:00:00Z'; // exported again, same content
    const outcome = await storeCandidate(db, candidateFor(reformatted, 'copy.plan.json'));
    expect(outcome.status).toBe('up-to-date');
    expect(outcome.status === 'up-to-date' && outcome.message).toMatch(/already up to date at revision 7/);
    expect(await dump(db)).toBe(before);
  });

  it('answers "already up to date" without waiting for another writer (search indexing a paper) to finish', async () => {
    const db = freshDb();
    await storeCandidate(db, candidateFor(planObject()));
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const events: string[] = [];
    // Another part of the app holds a read-write transaction on the search index until released.
    const writer = db.transaction('rw', db.searchIndex, async () => {
      await db.searchIndex.count();
      await Dexie.waitFor(held);
      events.push('writer done');
    });
    const answer = storeCandidate(db, candidateFor(planObject(), 'again.plan.json')).then((outcome) => {
      events.push(outcome.status);
    });
    await Promise.race([answer, new Promise((resolve) => setTimeout(resolve, 2000))]);
    release();
    await Promise.all([writer, answer]);
    expect(events).toEqual(['up-to-date', 'writer done']);
  });

  it('refuses the same revision with different content, and changes nothing', async () => {
    const db = freshDb();
    await storeCandidate(db, candidateFor(planObject()));
    const before = await dump(db);
    const edited = planObject();
    edited.actions[0] = { ...edited.actions[0], title: 'Quietly edited without a new revision' };
    const outcome = await storeCandidate(db, candidateFor(edited, 'edited.plan.json'));
    expect(outcome.status).toBe('refused');
    expect(outcome.status === 'refused' && outcome.message).toMatch(/different revision 7 is already stored.*higher revision/);
    expect(await dump(db)).toBe(before);
  });

  it('refuses an older revision, and changes nothing', async () => {
    const db = freshDb();
    await storeCandidate(db, candidateFor(nextRevision()));
    const before = await dump(db);
    const outcome = await storeCandidate(db, candidateFor(planObject(), 'old.plan.json'));
    expect(outcome.status === 'refused' && outcome.message).toMatch(/revision 7 .* older than revision 8/);
    expect(await dump(db)).toBe(before);
  });

  it('updates to a higher revision: records field changes with before and after, archives what went, writes only what changed', async () => {
    const db = freshDb();
    await storeCandidate(db, candidateFor(planObject()));
    const next = nextRevision();
    const [first, second, third] = next.actions;
    next.actions = [
      { ...first, deliveryRag: 'R', status: 'in-progress' },
      second ?? {},
      { ...third, revisedDueDate: '2026-12-31', revisionApprovedBy: 'SEND Oversight Board, 1 April 2026' },
      // the fourth action is left out of this revision
    ];
    // its milestones must go too, or references would dangle
    const keptActionIds = new Set(next.actions.map((action) => action.id));
    next.milestones = (next.milestones as Array<Record<string, unknown>>).filter((milestone) =>
      keptActionIds.has(milestone.actionId as string),
    );
    const removedMilestones = (planObject().milestones as unknown[]).length - (next.milestones as unknown[]).length;

    const outcome = await storeCandidate(db, candidateFor(next, 'r8.plan.json'));
    expect(outcome).toMatchObject({ status: 'imported', revision: 8, previousRevision: 7 });
    if (outcome.status !== 'imported') return;
    expect(outcome.summary).toMatchObject({ changed: 2, added: 0, archived: 1 + removedMilestones, restored: 0 });
    // changed + archived entities, plus plan, log and change set records
    expect(outcome.writes).toBe(2 + 1 + removedMilestones + 3);

    const changeSet = await db.changeSets.get(outcome.importId);
    const firstChange = changeSet?.changes.find((change) => change.id === first?.id);
    expect(firstChange?.change).toBe('changed');
    expect(firstChange?.fields).toContainEqual({ field: 'deliveryRag', before: expect.any(String), after: 'red' });
    const thirdChange = changeSet?.changes.find((change) => change.id === third?.id);
    expect(thirdChange?.fields.map((field) => field.field)).toEqual(expect.arrayContaining(['revisedDueDate', 'revisionApprovedBy']));

    const archived = await db.entities.get(['northshire-wsoa-2025', 'action', String(planObject().actions[3]?.id)]);
    expect(archived?.archivedInRevision).toBe(8);
    expect(archived?.data.id).toBe(planObject().actions[3]?.id);
    expect((await db.plans.get('northshire-wsoa-2025'))?.revisions.map((revision) => revision.revision)).toEqual([7, 8]);
  });

  it('brings an archived entity back when a later revision has it again', async () => {
    const db = freshDb();
    await storeCandidate(db, candidateFor(planObject()));
    const without = nextRevision();
    const removed = without.actions.pop();
    without.milestones = (without.milestones as Array<Record<string, unknown>>).filter((milestone) => milestone.actionId !== removed?.id);
    await storeCandidate(db, candidateFor(without));
    const outcome = await storeCandidate(db, candidateFor(nextRevision(planObject(), 9)));
    expect(outcome.status === 'imported' && outcome.summary.restored).toBeGreaterThanOrEqual(1);
    const back = await db.entities.get(['northshire-wsoa-2025', 'action', String(removed?.id)]);
    expect(back?.archivedInRevision).toBeNull();
  });

  it('keeps several plans side by side', async () => {
    const db = freshDb();
    const other = planObject();
    (other.plan as Record<string, unknown>).id = 'another-board-plan';
    (other.plan as Record<string, unknown>).title = 'Another board’s plan';
    await storeCandidate(db, candidateFor(planObject()));
    await storeCandidate(db, candidateFor(other));
    expect((await db.plans.toArray()).map((plan) => plan.id).sort()).toEqual(['another-board-plan', 'northshire-wsoa-2025']);
    expect(await entitiesOfPlan(db, 'another-board-plan', 'action')).toHaveLength(4);
    expect(await entitiesOfPlan(db, 'northshire-wsoa-2025', 'action')).toHaveLength(4);
  });

  it('leaves the store exactly as it was when a write fails part-way through an import', async () => {
    const db = freshDb();
    await storeCandidate(db, candidateFor(planObject()));
    const before = await dump(db);
    const next = nextRevision();
    next.actions[0] = { ...next.actions[0], title: 'Changed title' };
    // Entities and the plan record are written first; fail on the last write of the transaction.
    const spy = vi.spyOn(db.changeSets, 'add').mockRejectedValueOnce(new Error('injected failure'));
    await expect(storeCandidate(db, candidateFor(next))).rejects.toThrow('injected failure');
    spy.mockRestore();
    expect(await dump(db)).toBe(before);
  });

  it('lists the hashes of imported files so main can skip them', async () => {
    const db = freshDb();
    const candidate = candidateFor(planObject());
    await storeCandidate(db, candidate);
    expect(await importedFileHashes(db)).toEqual([candidate.sha256]);
  });

  it('does not store invalid files or trackers waiting for a mapping', async () => {
    const db = freshDb();
    const before = await dump(db);
    const invalid = {
      ...candidateFor(planObject()),
      outcome: { status: 'invalid' as const, errors: [{ path: '$.areas', message: 'x' }], warnings: [] },
    };
    expect((await storeCandidate(db, invalid)).status).toBe('invalid');
    expect(await dump(db)).toBe(before);
  });
});
