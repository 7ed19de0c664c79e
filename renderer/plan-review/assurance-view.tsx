import { useMemo } from 'react';
import { assuranceSpread } from '../../shared/plan-review/assurance-spread';
import { DEFAULT_ASSURANCE_SCALE } from '../../shared/meetings/schema';
import { formatDate } from '../format';
import { usePlan } from '../hooks/use-plan-data';
import { useBoard } from '../meetings/use-meetings';
import { PlanReviewNav } from './plan-review-nav';
import { useActionJudgements, useAreaAssuranceViews, usePlanSummary } from './use-plan-review';
import './plan-review.css';
import { NotOnThisLaptop } from '../components/not-on-laptop';
import { ViewTitle } from '../components/view-title';

/**
 * Members' own assurance views per area, as they gave them before a meeting (a peer-review
 * style assessment), beside the board's last judgement on each area: the chair sees where
 * members differ before the board decides. Members' views are never the board's judgement.
 */
export function AssuranceView({ params }: { params: URLSearchParams }) {
  const planId = params.get('plan') ?? undefined;
  const plan = usePlan(planId);
  const summary = usePlanSummary(planId);
  const board = useBoard();
  const views = useAreaAssuranceViews(planId);
  const judgements = useActionJudgements(planId, 'area');
  const scale = board?.terms.assuranceScale ?? DEFAULT_ASSURANCE_SCALE;
  const areas = useMemo(() => summary?.areas ?? [], [summary]);
  const spread = useMemo(
    () =>
      assuranceSpread(
        views ?? [],
        areas.map((area) => area.areaId),
        scale,
      ),
    [views, areas, scale],
  );

  if (plan === undefined) return <ViewTitle>Members’ assurance views</ViewTitle>;
  if (plan === null || !planId) {
    return <NotOnThisLaptop thing="plan" title="Members’ assurance views" />;
  }
  return (
    <>
      <ViewTitle>Members’ assurance views</ViewTitle>
      <PlanReviewNav planId={planId} current="assurance" />
      <p>
        Each member’s latest assurance view on an area (add one as “My assurance view” in the area’s notes on the dashboard, and share it),
        beside the board’s last judgement. Only the board’s judgement is the board’s.
      </p>
      <table className="assurance-spread">
        <caption>Members’ views and the board’s last judgement, by area</caption>
        <thead>
          <tr>
            <th scope="col">Area</th>
            <th scope="col">Members’ views</th>
            <th scope="col">The board’s last judgement</th>
          </tr>
        </thead>
        <tbody>
          {areas.map((area, index) => {
            const entry = spread[index];
            const given = entry?.levels.filter((level) => level.members.length > 0) ?? [];
            const last = (judgements ?? []).find((judgement) => judgement.actionId === area.areaId);
            return (
              <tr key={area.areaId}>
                <th scope="row">
                  {area.ref}: {area.title}
                </th>
                <td>
                  {given.length === 0 && (entry?.withoutLevel.length ?? 0) === 0 ? <span className="muted">No views yet</span> : null}
                  <ul>
                    {given.map((level) => (
                      <li key={level.level}>
                        {level.level}: {level.members.length} ({level.members.join(', ')})
                      </li>
                    ))}
                    {entry && entry.withoutLevel.length > 0 ? <li>No level given: {entry.withoutLevel.join(', ')}</li> : null}
                  </ul>
                </td>
                <td>
                  {last ? (
                    <>
                      <strong>{last.level}</strong> ({formatDate(last.meetingDate)}). {last.reason}
                    </>
                  ) : (
                    <span className="muted">None recorded</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
