import type { ReactNode, TdHTMLAttributes, ThHTMLAttributes } from 'react';
import { cx } from './cx';

/** A dense table whose header stays visible while the body scrolls. */
export function Table({ children, className, label }: { children: ReactNode; className?: string; label?: string }) {
  return (
    <div className={cx('overflow-auto rounded-md border border-zinc-200 bg-white', className)}>
      <table className="w-full border-separate border-spacing-0 text-[13px]" aria-label={label}>
        {children}
      </table>
    </div>
  );
}

export function Th({
  className,
  children,
  align = 'left',
  ...rest
}: ThHTMLAttributes<HTMLTableCellElement> & { align?: 'left' | 'right' }) {
  return (
    <th
      scope="col"
      className={cx(
        'sticky top-0 z-10 border-b border-zinc-200 bg-zinc-50 px-3 py-1.5 text-[11px] font-semibold uppercase tracking-wide text-zinc-500 whitespace-nowrap',
        align === 'right' ? 'text-right' : 'text-left',
        className,
      )}
      {...rest}
    >
      {children}
    </th>
  );
}

export type SortDirection = 'asc' | 'desc' | undefined;

/** A header that sorts on click; `aria-sort` tells assistive tech the current order. */
export function SortableTh({
  label,
  direction,
  onSort,
  align,
}: {
  label: string;
  direction: SortDirection;
  onSort: () => void;
  align?: 'left' | 'right';
}) {
  return (
    <Th align={align ?? 'left'} aria-sort={direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : 'none'}>
      <button
        type="button"
        onClick={onSort}
        className={cx('inline-flex items-center gap-1 uppercase hover:text-zinc-900', direction && 'text-zinc-900')}
      >
        {label}
        <span aria-hidden className="text-[9px]">
          {direction === 'asc' ? '▲' : direction === 'desc' ? '▼' : '↕'}
        </span>
      </button>
    </Th>
  );
}

export function Td({ className, align = 'left', ...rest }: TdHTMLAttributes<HTMLTableCellElement> & { align?: 'left' | 'right' }) {
  return (
    <td
      className={cx(
        'border-b border-zinc-100 px-3 py-1.5 align-middle text-zinc-800',
        align === 'right' && 'text-right tabular-nums',
        className,
      )}
      {...rest}
    />
  );
}

export function Tr({ children, className }: { children: ReactNode; className?: string }) {
  return <tr className={cx('hover:bg-zinc-50', className)}>{children}</tr>;
}
