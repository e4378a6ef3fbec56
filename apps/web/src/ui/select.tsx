import type { SelectHTMLAttributes } from 'react';
import { cx } from './cx';
import { inputClass } from './field';

export type Option = { value: string; label: string };

/** A native select: keyboard, screen readers and mobile pickers work for free. */
export function Select({
  options,
  placeholder,
  className,
  invalid,
  ...rest
}: SelectHTMLAttributes<HTMLSelectElement> & { options: readonly Option[]; placeholder?: string; invalid?: boolean }) {
  return (
    <select className={cx(inputClass, 'pr-7', invalid && 'border-red-400', className)} aria-invalid={invalid || undefined} {...rest}>
      {placeholder !== undefined && <option value="">{placeholder}</option>}
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
