import type { ChangeOutcome } from './useContextChange';

/** How the last change went: a status for a success, an alert for a refusal. */
export function ChangeStatus({ outcome }: { outcome: ChangeOutcome }) {
  if (outcome.state === 'failed') {
    return (
      <p role="alert" className="field-problem context-switcher__outcome">
        {outcome.message}
      </p>
    );
  }
  return (
    <p role="status" className="context-switcher__outcome">
      {outcome.state === 'done' ? outcome.message : ''}
    </p>
  );
}
