import { TIMELINE_EVENT_TYPES, TOUCH_TYPES, type CreateTouch, type TouchType } from '@northstar/contracts';

/** The quick-log form as typed: the day is a local calendar date (YYYY-MM-DD). */
export type TouchForm = { type: TouchType; date: string; title: string; body: string; contactIds: string[] };

/** The local calendar day of `now`, as <input type="date"> shows it. */
export function localDay(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function emptyTouchForm(now: Date): TouchForm {
  return { type: 'call', date: localDay(now), title: '', body: '', contactIds: [] };
}

export type TouchFormProblem = 'titleRequired' | 'dateInFuture' | 'dateInvalid';

/**
 * The POST body, or the problem that stops it. Today's touch is stamped "now" by the server; an
 * earlier day is stamped at local noon of that day, so the day shown on the timeline is the day picked
 * in any time zone within ±12 h of the author.
 */
export function toCreateTouch(form: TouchForm, now: Date): { body: CreateTouch } | { problem: TouchFormProblem } {
  const title = form.title.trim();
  if (!title) return { problem: 'titleRequired' };
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(form.date);
  if (!match) return { problem: 'dateInvalid' };
  const today = localDay(now);
  if (form.date > today) return { problem: 'dateInFuture' };
  const body: CreateTouch = { type: form.type, title };
  const text = form.body.trim();
  if (text) body.body = text;
  if (form.contactIds.length) body.contactIds = [...new Set(form.contactIds)];
  if (form.date < today) {
    const noon = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12, 0, 0, 0);
    body.occurredAt = noon.toISOString();
  }
  return { body };
}

/** Every type the timeline filter offers: what people log, then what the system records. */
export const TIMELINE_FILTER_TYPES = [...TOUCH_TYPES, ...TIMELINE_EVENT_TYPES] as const;
export type TimelineFilterType = (typeof TIMELINE_FILTER_TYPES)[number];

/** Toggles one type in the filter; an empty filter means every type. */
export function toggleType(selected: readonly TimelineFilterType[], type: TimelineFilterType): TimelineFilterType[] {
  return selected.includes(type)
    ? selected.filter((t) => t !== type)
    : TIMELINE_FILTER_TYPES.filter((t) => t === type || selected.includes(t));
}

/** i18n key suffix for an event type (`tier.changed` → `tier_changed`): dots would nest keys. */
export const eventTypeKey = (type: string) => type.replace(/\./g, '_');
