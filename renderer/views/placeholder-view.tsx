/** A section that has no content yet: says what will be here, honestly. */
export function PlaceholderView({ title, text }: { title: string; text: string }) {
  return (
    <section aria-labelledby="view-title">
      <h1 id="view-title" tabIndex={-1}>
        {title}
      </h1>
      <p className="empty-state">{text}</p>
    </section>
  );
}
