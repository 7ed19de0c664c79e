import type { ReactNode } from 'react';

/** The tones a status can take; each has its colour in meetings/meetings.css, always beside the words. */
export type StatusTone = 'draft' | 'approved' | 'left';

/** A record's status in words (a meeting's draft or approval, a withdrawn decision, a member who left): never colour alone. */
export function StatusTag({ tone, children }: { tone: StatusTone; children: ReactNode }) {
  return <span className={`status-tag status-${tone}`}>{children}</span>;
}
