import type { Problem } from '../../shared/ipc/contract';

/** File problems as a readable list, each with where it is: never a stack trace. */
export function ProblemList({ problems, kind, limit = 200 }: { problems: readonly Problem[]; kind: 'error' | 'warning'; limit?: number }) {
  if (problems.length === 0) return null;
  const shown = problems.slice(0, limit);
  return (
    <div className={`problems problems-${kind}`}>
      <ul>
        {shown.map((problem, index) => (
          <li key={`${problem.path}-${index}`}>
            <span className="problem-location">
              {problem.path}
              {problem.line !== undefined
                ? ` (line ${problem.line}${problem.column !== undefined ? `, column ${problem.column}` : ''})`
                : ''}
            </span>
            <span className="problem-message">{problem.message}</span>
          </li>
        ))}
      </ul>
      {problems.length > shown.length ? <p>…and {problems.length - shown.length} more.</p> : null}
    </div>
  );
}
