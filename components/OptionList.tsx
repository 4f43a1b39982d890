import type { Option } from '@/lib/lke/schema';
import { formatDecimal } from './localeFormat';

/** The answer options with the value each one scores, e.g. "B  Jika sebagian besar …  (0,67)". */
export function OptionList({ options }: { options: readonly Option[] }) {
  return (
    <ol className="options">
      {options.map((option) => (
        <li key={option.key} className="option">
          <span className="option__key">{option.key}</span>
          {/* Ya/Tidak options are labelled with their own key; saying it twice adds nothing. */}
          {option.label !== option.key && <span className="option__label">{option.label}</span>}
          <span className="option__value">({formatDecimal(option.value)})</span>
        </li>
      ))}
    </ol>
  );
}
