import type { Rag } from '../../shared/plan/schema';

const LABELS: Record<Rag, string> = { blue: 'Blue (complete)', green: 'Green', amber: 'Amber', red: 'Red', grey: 'Grey (not started)' };
const SHORT: Record<Rag, string> = { blue: 'Blue', green: 'Green', amber: 'Amber', red: 'Red', grey: 'Grey' };

/** A delivery or impact RAG rating: always a word as well as a colour, never colour alone. */
export function RagBadge({
  rag,
  kind = 'delivery',
  long = false,
}: {
  rag: Rag | undefined | null;
  kind?: 'delivery' | 'impact';
  long?: boolean;
}) {
  if (!rag) return <span className="rag rag-none">Not rated</span>;
  return (
    <span className={`rag rag-${rag}`} title={`${kind === 'delivery' ? 'Delivery' : 'Impact'} RAG: ${LABELS[rag]}`}>
      {long ? LABELS[rag] : SHORT[rag]}
    </span>
  );
}
