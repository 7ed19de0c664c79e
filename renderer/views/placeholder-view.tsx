import { ViewTitle } from '../components/view-title';

/** A section that has no content yet: says what will be here, honestly. */
export function PlaceholderView({ title, text }: { title: string; text: string }) {
  return (
    <section aria-labelledby="view-title">
      <ViewTitle>{title}</ViewTitle>
      <p className="empty-state">{text}</p>
    </section>
  );
}
