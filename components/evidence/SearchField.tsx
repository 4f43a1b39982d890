import { useId } from 'react';

export interface SearchFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
}

/** A labelled search box over the evidence library. */
export function SearchField({ label, value, onChange }: SearchFieldProps) {
  const id = useId();
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="search"
        className="site-access__input"
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    </>
  );
}
