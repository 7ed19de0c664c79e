/**
 * A form's refusal, said at once to screen readers (role alert); nothing while there is none.
 * Give it an id where a field names it in aria-describedby.
 */
export function FormError({ message, id, testId }: { message: string | null | undefined; id?: string; testId?: string }) {
  if (!message) return null;
  return (
    <p id={id} className="error-text" role="alert" data-testid={testId}>
      {message}
    </p>
  );
}
