import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime, formatMoney, formatNumber } from './format';

/** The formatters bound to the current UI language; re-render on language switch. */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  return useMemo(
    () => ({
      locale,
      money: (amount: number, currency: string) => formatMoney(amount, currency, locale),
      number: (value: number) => formatNumber(value, locale),
      date: (isoDate: string | null | undefined) => formatDate(isoDate, locale),
      dateTime: (timestamp: string | null | undefined) => formatDateTime(timestamp, locale),
    }),
    [locale],
  );
}
