import type { ButtonHTMLAttributes } from 'react';
import { cx } from './cx';

type Variant = 'primary' | 'secondary' | 'danger' | 'ghost';

const variants: Record<Variant, string> = {
  primary: 'bg-indigo-600 text-white hover:bg-indigo-700 border-indigo-600 disabled:bg-indigo-300 disabled:border-indigo-300',
  secondary: 'bg-white text-zinc-800 hover:bg-zinc-50 border-zinc-300 disabled:text-zinc-400',
  danger: 'bg-white text-red-700 hover:bg-red-50 border-red-300 disabled:text-red-300',
  ghost: 'bg-transparent text-zinc-700 hover:bg-zinc-100 border-transparent disabled:text-zinc-400',
};

export type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; size?: 'sm' | 'md' };

export function Button({ variant = 'secondary', size = 'md', className, type = 'button', ...rest }: ButtonProps) {
  return (
    <button
      type={type}
      className={cx(
        'inline-flex items-center justify-center gap-1.5 whitespace-nowrap rounded-md border font-medium shadow-xs transition-colors',
        'focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-indigo-500 disabled:cursor-not-allowed',
        size === 'sm' ? 'h-7 px-2.5 text-xs' : 'h-8 px-3 text-[13px]',
        variants[variant],
        className,
      )}
      {...rest}
    />
  );
}
