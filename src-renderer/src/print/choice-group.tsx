import { useId } from 'react';

export interface Choice<T extends string> {
  value: T;
  label: string;
  disabled?: boolean;
}

interface ChoiceGroupProps<T extends string> {
  /** The group's name, shown and announced: "Summary". */
  label: string;
  choices: readonly Choice<T>[];
  value: T;
  onChange: (value: T) => void;
}

/** A row of radio buttons named as one group. */
export function ChoiceGroup<T extends string>({ label, choices, value, onChange }: ChoiceGroupProps<T>) {
  const id = useId();
  return (
    <div role="radiogroup" aria-labelledby={`${id}-label`} className="preview-choice">
      <span id={`${id}-label`} className="preview-field-label">
        {label}
      </span>
      {choices.map((choice) => (
        <label key={choice.value} className={choice.disabled ? 'preview-radio preview-radio--disabled' : 'preview-radio'}>
          <input
            type="radio"
            name={id}
            value={choice.value}
            checked={value === choice.value}
            disabled={choice.disabled}
            onChange={() => onChange(choice.value)}
          />
          {choice.label}
        </label>
      ))}
    </div>
  );
}
