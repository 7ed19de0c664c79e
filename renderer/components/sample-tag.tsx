import './sample-tag.css';

/** Marks the bundled sample data wherever it shows, so nobody takes it for a real board's. */
export function SampleTag() {
  return (
    <span className="sample-tag" title="Invented data bundled with Oversight to try it out">
      Sample
    </span>
  );
}
