import { useLiveQuery } from 'dexie-react-hooks';
import { isAwaitingAnswer } from '../../shared/answers/status';
import { isPlanAnnotation, type AnnotationRecord } from '../../shared/annotations/types';
import type { Action, Area } from '../../shared/plan/schema';
import { useServices } from '../app/context';
import type { EntityRecord } from '../db/types';
import { reorderAnnotations } from './annotation-repository';
import './annotations.css';
import { useMyAnnotations, useProfile } from './use-annotations';
import { ViewTitle } from '../components/view-title';

type Group = { key: string; title: string; questions: Array<{ record: AnnotationRecord; label: string }> };

/**
 * "My questions": every open question the member will put to officers, grouped by the area of
 * the plan it is about, in the member's own order (move up and down), printable.
 */
export function QuestionsView() {
  const { db } = useServices();
  const profile = useProfile();
  const mine = useMyAnnotations(profile?.id);
  const open = (mine ?? []).filter(isAwaitingAnswer);
  const entities = useLiveQuery(async () => {
    const keys = open
      .filter(isPlanAnnotation)
      .map((record): [string, string, string] => [record.target.planId, record.target.kind, record.target.id]);
    const found = (await db.entities.bulkGet(keys)).filter((entity): entity is EntityRecord => entity !== undefined);
    const actionIds = found
      .filter((entity) => entity.kind === 'milestone')
      .map((entity): [string, string, string] => [entity.planId, 'action', String((entity.data as { actionId: string }).actionId)]);
    const actions = (await db.entities.bulkGet(actionIds)).filter((entity): entity is EntityRecord => entity !== undefined);
    const areaKeys = [...found, ...actions]
      .map((entity): [string, string, string] | null =>
        entity.kind === 'action' ? [entity.planId, 'area', (entity.data as Action).areaId] : null,
      )
      .filter((key): key is [string, string, string] => key !== null);
    const areas = (await db.entities.bulkGet(areaKeys)).filter((entity): entity is EntityRecord => entity !== undefined);
    return new Map([...found, ...actions, ...areas].map((entity) => [`${entity.planId}|${entity.kind}|${entity.id}`, entity]));
  }, [db, open.map((record) => record.id).join(',')]);

  if (profile === null) {
    return (
      <>
        <ViewTitle>My questions</ViewTitle>
        <p className="empty-state">Set up your profile in Settings to write questions for officers.</p>
      </>
    );
  }

  const groups = groupQuestions(open, entities ?? new Map());
  const orderedIds = groups.flatMap((group) => group.questions.map((question) => question.record.id));

  async function move(id: string, offset: -1 | 1) {
    if (!profile) return;
    const index = orderedIds.indexOf(id);
    const swapWith = index + offset;
    if (index < 0 || swapWith < 0 || swapWith >= orderedIds.length) return;
    const next = [...orderedIds];
    [next[index], next[swapWith]] = [next[swapWith] ?? id, next[index] ?? id];
    await reorderAnnotations(db, profile, next);
    // Keep the keyboard where it was: on the same question's button.
    requestAnimationFrame(() => document.getElementById(`move-${offset < 0 ? 'up' : 'down'}-${id}`)?.focus());
  }

  return (
    <>
      <ViewTitle>My questions</ViewTitle>
      <p className="no-print">
        Your open questions for officers, grouped by area of the plan. Put them in the order you want to ask them; print them to take into
        the meeting.
      </p>
      <div className="button-row no-print">
        <button type="button" onClick={() => window.print()}>
          Print my questions
        </button>
      </div>
      {mine === undefined ? <p>Loading…</p> : null}
      {mine && open.length === 0 ? (
        <p className="empty-state">You have no open questions. Add one from any action, area or measure.</p>
      ) : null}
      <div className="question-groups">
        {groups.map((group) => (
          <section key={group.key} aria-labelledby={`questions-${group.key}`}>
            <h2 id={`questions-${group.key}`}>{group.title}</h2>
            <ol>
              {group.questions.map(({ record, label }, position) => {
                return (
                  <li key={record.id} className="question-item">
                    <span className="muted">{label}: </span>
                    {record.text}
                    {record.answer?.notAccepted ? (
                      <p className="muted">Answer not accepted. Follow-up: {record.answer.notAccepted.followUp}</p>
                    ) : null}
                    <div className="button-row compact">
                      <button
                        type="button"
                        id={`move-up-${record.id}`}
                        className="secondary"
                        disabled={position === 0}
                        aria-label={`Move up: ${record.text.slice(0, 60)}`}
                        onClick={() => void move(record.id, -1)}
                      >
                        Move up
                      </button>
                      <button
                        type="button"
                        id={`move-down-${record.id}`}
                        className="secondary"
                        disabled={position === group.questions.length - 1}
                        aria-label={`Move down: ${record.text.slice(0, 60)}`}
                        onClick={() => void move(record.id, 1)}
                      >
                        Move down
                      </button>
                    </div>
                  </li>
                );
              })}
            </ol>
          </section>
        ))}
      </div>
    </>
  );
}

/** Groups questions by the area their target belongs to; measures and unknown targets after the areas. */
export function groupQuestions(questions: readonly AnnotationRecord[], entities: ReadonlyMap<string, EntityRecord>): Group[] {
  const groups = new Map<string, Group>();
  const entity = (planId: string, kind: string, id: string) => entities.get(`${planId}|${kind}|${id}`);
  for (const record of questions) {
    if (!isPlanAnnotation(record)) {
      // A question on a passage of a board paper: grouped with the papers, labelled by its quote.
      const group = groups.get('papers') ?? { key: 'papers', title: 'Board papers', questions: [] };
      group.questions.push({
        record,
        label: `On “${record.target.kind === 'paper' ? record.target.anchor.quote.exact.slice(0, 60) : ''}”`,
      });
      groups.set('papers', group);
      continue;
    }
    const { planId, kind, id } = record.target;
    const target = entity(planId, kind, id);
    const data = target?.data as Record<string, unknown> | undefined;
    const label = data ? `${typeof data.ref === 'string' ? `${data.ref} ` : ''}${String(data.title ?? data.name ?? id)}` : `${kind} ${id}`;
    let area: EntityRecord | undefined;
    if (kind === 'area') area = target;
    else if (kind === 'action' && data) area = entity(planId, 'area', String(data.areaId));
    else if (kind === 'milestone' && data) {
      const action = entity(planId, 'action', String(data.actionId));
      if (action) area = entity(planId, 'area', (action.data as Action).areaId);
    }
    const areaData = area?.data as Area | undefined;
    const key = areaData ? `area-${area?.id}` : kind === 'measure' ? 'measures' : 'other';
    const title = areaData ? `Area ${areaData.ref}: ${areaData.title}` : kind === 'measure' ? 'Measures' : 'Other';
    const group = groups.get(key) ?? { key, title, questions: [] };
    group.questions.push({ record, label });
    groups.set(key, group);
  }
  const areaOrder = (group: Group) => (group.key.startsWith('area-') ? 0 : group.key === 'measures' ? 1 : group.key === 'papers' ? 2 : 3);
  return [...groups.values()].sort((a, b) => areaOrder(a) - areaOrder(b) || a.title.localeCompare(b.title, 'en-GB', { numeric: true }));
}
