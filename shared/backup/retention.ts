// Which automatic backups to keep: the last 7 daily and the last 4 weekly, as the issue asks,
// plus everything from the last 24 hours, so the backup made before an import or a restore is
// never pruned by the next one the same afternoon.

export type BackupFileInfo = { name: string; createdAt: Date };

const DAY_MS = 24 * 60 * 60 * 1000;

/** The UTC day of a date, as YYYY-MM-DD. */
function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The ISO 8601 week (Monday first) of a date, as YYYY-Www, in UTC. */
export function isoWeekOf(date: Date): string {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const weekday = day.getUTCDay() === 0 ? 7 : day.getUTCDay();
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / DAY_MS + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/**
 * Splits backups into those to keep and those to delete: the newest of each of the 7 most
 * recent days that have one, the newest of each of the 4 most recent weeks that have one, and
 * every backup less than a day old. Pure: the caller deletes.
 */
export function planRetention(
  files: readonly BackupFileInfo[],
  now: Date,
  policy: { daily: number; weekly: number } = { daily: 7, weekly: 4 },
): { keep: BackupFileInfo[]; remove: BackupFileInfo[] } {
  const newestFirst = [...files].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.name.localeCompare(a.name));
  const keep = new Set<BackupFileInfo>();
  const days = new Set<string>();
  const weeks = new Set<string>();
  for (const file of newestFirst) {
    if (now.getTime() - file.createdAt.getTime() < DAY_MS) keep.add(file);
    const day = dayOf(file.createdAt);
    if (!days.has(day) && days.size < policy.daily) {
      days.add(day);
      keep.add(file);
    }
    const week = isoWeekOf(file.createdAt);
    if (!weeks.has(week) && weeks.size < policy.weekly) {
      weeks.add(week);
      keep.add(file);
    }
  }
  return { keep: newestFirst.filter((file) => keep.has(file)), remove: newestFirst.filter((file) => !keep.has(file)) };
}

/** Whether a daily backup is due: none yet, or the newest is from an earlier UTC day. */
export function isDailyBackupDue(files: readonly BackupFileInfo[], now: Date): boolean {
  const newest = files.reduce<Date | null>((latest, file) => (latest && latest > file.createdAt ? latest : file.createdAt), null);
  return newest === null || dayOf(newest) !== dayOf(now);
}
