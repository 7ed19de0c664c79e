import type { AnnotationRecord } from '../annotations/types';

// Members' own assurance views, per area, before a meeting: each member's latest level for the
// area, counted by level, for the chair to see beside the board's last judgement. Never mixed
// with the board's judgement, which only the board records. Pure.

export type AreaSpread = {
  areaId: string;
  /** Per level of the scale (in its order, then any level no longer on it): the members who gave it. */
  levels: Array<{ level: string; members: string[] }>;
  /** Members who gave a view with no level. */
  withoutLevel: string[];
};

/** The spread of members' latest assurance views on each area given. */
export function assuranceSpread(
  views: ReadonlyArray<Pick<AnnotationRecord, 'authorId' | 'authorName' | 'kind' | 'deleted' | 'createdAt' | 'assuranceLevel' | 'target'>>,
  areaIds: readonly string[],
  scale: readonly string[],
): AreaSpread[] {
  const latest = new Map<string, (typeof views)[number]>();
  for (const view of views) {
    if (view.kind !== 'assurance' || view.deleted || view.target.kind !== 'area') continue;
    const key = `${view.target.id}\u0001${view.authorId}`;
    const current = latest.get(key);
    if (!current || view.createdAt > current.createdAt) latest.set(key, view);
  }
  return areaIds.map((areaId) => {
    const mine = [...latest.values()].filter((view) => view.target.kind === 'area' && view.target.id === areaId);
    const byLevel = new Map<string, string[]>();
    const withoutLevel: string[] = [];
    for (const view of mine) {
      if (!view.assuranceLevel) withoutLevel.push(view.authorName);
      else byLevel.set(view.assuranceLevel, [...(byLevel.get(view.assuranceLevel) ?? []), view.authorName]);
    }
    const order = [...scale, ...[...byLevel.keys()].filter((level) => !scale.includes(level))];
    return {
      areaId,
      levels: order.map((level) => ({ level, members: (byLevel.get(level) ?? []).sort((a, b) => a.localeCompare(b, 'en-GB')) })),
      withoutLevel: withoutLevel.sort((a, b) => a.localeCompare(b, 'en-GB')),
    };
  });
}
