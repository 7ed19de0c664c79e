import { useLiveQuery } from 'dexie-react-hooks';
import { isPaperTarget, targetKeyOf, type AnnotationRecord, type Profile } from '../../shared/annotations/types';
import { findChange } from '../../shared/plan/compact-changes';
import type { EntityKind, FieldChange } from '../../shared/plan/diff';
import { useServices } from '../app/context';
import { annotationsOn, myAnnotations } from './annotation-repository';
import { getProfile } from './profile-repository';

/** The member's profile: undefined while loading, null before it is set up. */
export function useProfile(): Profile | null | undefined {
  const { db } = useServices();
  return useLiveQuery(() => getProfile(db), [db]);
}

/** Annotations on one target visible to this member (theirs, and others' shared ones). */
export function useAnnotationsOn(
  target: { planId: string; kind: string; id: string },
  profileId: string | undefined,
): AnnotationRecord[] | undefined {
  const { db } = useServices();
  return useLiveQuery(() => annotationsOn(db, target, profileId), [db, target.planId, target.kind, target.id, profileId]);
}

/** The member's own live annotations, in their order. */
export function useMyAnnotations(profileId: string | undefined): AnnotationRecord[] | undefined {
  const { db } = useServices();
  return useLiveQuery(async () => (profileId ? myAnnotations(db, profileId) : []), [db, profileId]);
}

/**
 * For one plan entity, the fields that changed in each revision after `sinceRevision`: what an
 * annotation written against that revision has not seen.
 */
export function useChangesSince(
  target: { planId: string; kind: string; id: string },
  sinceRevision: number | undefined,
): Array<{ revision: number; fields: FieldChange[] }> | undefined {
  const { db } = useServices();
  return useLiveQuery(async () => {
    if (sinceRevision === undefined) return [];
    const plan = await db.plans.get(target.planId);
    if (!plan) return [];
    const later = plan.revisions.filter((revision) => revision.revision > sinceRevision);
    const changeSets = await db.changeSets.bulkGet(later.map((revision) => revision.importId));
    return changeSets.flatMap((changeSet) => {
      const change = changeSet ? findChange(changeSet, target.kind as EntityKind, target.id) : null;
      return changeSet && change && change.fields.length > 0 ? [{ revision: changeSet.revision, fields: change.fields }] : [];
    });
  }, [db, target.planId, target.kind, target.id, sinceRevision]);
}

/** Readable names ("2.4 Recruit EHC coordinators") for the targets of some annotations, by target key. */
export function useTargetLabels(records: readonly AnnotationRecord[]): Map<string, string> {
  const { db } = useServices();
  const keys = [...new Set(records.map((record) => record.targetKey))];
  return (
    useLiveQuery(async () => {
      const targets = keys.map((key) => key.split('\u0001') as [string, string, string]);
      const found = await db.entities.bulkGet(targets);
      const labels = new Map<string, string>();
      found.forEach((entity, index) => {
        const key = keys[index];
        if (!entity || key === undefined) return;
        const data = entity.data as Record<string, unknown>;
        const ref = typeof data.ref === 'string' ? `${data.ref} ` : '';
        labels.set(key, `${ref}${String(data.title ?? data.name ?? entity.id)}`);
      });
      // A note on a paper is labelled with the paper's title, so "About" says which paper it is.
      const papers = records.flatMap((record) => (isPaperTarget(record.target) ? [record.target] : []));
      const paperRecords = await db.papers.bulkGet(papers.map((target) => `${target.meetingId}\u0001${target.paperId}`));
      paperRecords.forEach((paper, index) => {
        const target = papers[index];
        if (paper && target) labels.set(targetKeyOf(target), paper.title);
      });
      return labels;
    }, [db, keys.join('|')]) ?? new Map()
  );
}
