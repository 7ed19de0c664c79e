import type { ReactNode } from 'react';

// The views' lists of records are tables with the same three states: loading (the live query
// has not answered), empty (a sentence that says what to do), and the table itself, always with
// a caption (read out by screen readers; hidden where the heading above already says it) and
// column headings scoped to their columns.

/** A column's heading; a hidden one (over a column of buttons) is read by screen readers only. */
export type DataTableColumn = string | { label: string; isHidden: true };

type DataTableProps<T> = {
  caption: string;
  /** Hide the caption visually (screen readers still read it) where a heading above says the same. */
  isCaptionHidden?: boolean;
  columns: readonly DataTableColumn[];
  /** Undefined while loading. */
  rows: readonly T[] | undefined;
  /** What an empty list says, for example "Nothing has been imported yet." */
  empty: ReactNode;
  /** The empty sentence's class, where a section says "none" more quietly than a view. */
  emptyClassName?: string;
  className?: string;
  /** One `<tr>` per row, with its key. */
  children: (row: T) => ReactNode;
};

/** A table of records with a caption, column headings, a loading line and an empty state. */
export function DataTable<T>({
  caption,
  isCaptionHidden = false,
  columns,
  rows,
  empty,
  emptyClassName = 'empty-state',
  className,
  children,
}: DataTableProps<T>) {
  if (rows === undefined) return <p>Loading…</p>;
  if (rows.length === 0) return <p className={emptyClassName}>{empty}</p>;
  return (
    <div className="table-scroll">
      <table className={className ? `data-table ${className}` : 'data-table'}>
        <caption className={isCaptionHidden ? 'visually-hidden' : undefined}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) =>
              typeof column === 'string' ? (
                <th key={column} scope="col">
                  {column}
                </th>
              ) : (
                <th key={column.label} scope="col">
                  <span className="visually-hidden">{column.label}</span>
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>{rows.map(children)}</tbody>
      </table>
    </div>
  );
}
