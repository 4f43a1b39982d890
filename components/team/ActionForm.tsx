import { type ReactNode, useState } from 'react';

type Outcome = { tone: 'status' | 'alert'; text: string } | null;

interface Props {
  className: string;
  /** The work of a submit; resolves to a confirmation to announce, or null for none. */
  action: () => Promise<string | null>;
  /** What to tell the user when the work throws (a refused input, a failed write). */
  failure: (error: unknown) => string;
  children: ReactNode;
}

/** A form whose submit runs `action` and announces its outcome below the fields. */
export function ActionForm({ className, action, failure, children }: Props) {
  const [outcome, setOutcome] = useState<Outcome>(null);
  const submit = async () => {
    try {
      const text = await action();
      setOutcome(text === null ? null : { tone: 'status', text });
    } catch (error) {
      setOutcome({ tone: 'alert', text: failure(error) });
    }
  };
  return (
    <form
      className={className}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      {children}
      {/* Both live regions stay mounted so screen readers announce the text when it appears. */}
      <p role="status">{outcome?.tone === 'status' && outcome.text}</p>
      <p role="alert">{outcome?.tone === 'alert' && outcome.text}</p>
    </form>
  );
}
