import { useEffect, useId, useRef, useState } from 'react';
import { cx } from './cx';
import { inputClass } from './field';
import type { Option } from './select';

/**
 * A compact "any of" picker: a button that summarises the choice and opens a list of
 * checkboxes. Nothing chosen means no filter (`placeholder`, e.g. "Any").
 */
export function MultiSelect({
  label,
  options,
  value,
  onChange,
  placeholder,
  className,
}: {
  label: string;
  options: readonly Option[];
  value: readonly string[];
  onChange: (value: string[]) => void;
  placeholder: string;
  className?: string;
}) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent) => {
      if (root.current && !root.current.contains(event.target as Node)) setOpen(false);
    };
    const escape = (event: KeyboardEvent) => event.key === 'Escape' && setOpen(false);
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', escape);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', escape);
    };
  }, [open]);

  const chosen = options.filter((o) => value.includes(o.value));
  const summary =
    chosen.length === 0
      ? placeholder
      : chosen.length <= 2
        ? chosen.map((o) => o.label).join(', ')
        : `${chosen[0]!.label} +${chosen.length - 1}`;
  const toggle = (optionValue: string) =>
    // Kept in the options' order, so the URL (and a saved link) does not depend on click order.
    onChange(options.map((o) => o.value).filter((v) => (v === optionValue ? !value.includes(v) : value.includes(v))));

  return (
    <div ref={root} className={cx('relative', className)}>
      <button
        type="button"
        aria-label={label}
        aria-haspopup="true"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
        className={cx(inputClass, 'flex items-center justify-between gap-1 text-left', chosen.length === 0 && 'text-zinc-500')}
      >
        <span className="truncate">{summary}</span>
        <span aria-hidden className="text-[10px] text-zinc-400">
          ▾
        </span>
      </button>
      {open && (
        <div
          id={panelId}
          role="group"
          aria-label={label}
          className="absolute left-0 z-20 mt-1 max-h-72 min-w-full overflow-y-auto rounded-md border border-zinc-200 bg-white p-1 shadow-lg"
        >
          {options.map((o) => (
            <label
              key={o.value}
              className="flex cursor-pointer items-center gap-2 whitespace-nowrap rounded px-2 py-1 text-[13px] hover:bg-zinc-50"
            >
              <input type="checkbox" checked={value.includes(o.value)} onChange={() => toggle(o.value)} />
              {o.label}
            </label>
          ))}
        </div>
      )}
    </div>
  );
}
