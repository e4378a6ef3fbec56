import type { RuleFacts, RuleTrigger } from '@northstar/contracts';

/** A recorded domain event as the rules engine reads it. */
export type RuleEvent = { id: string; type: string; accountId: string | null; payload: Record<string, unknown>; occurredAt: Date };

/** The trigger-specific part of a cause key and the facts to show, when an event matches. */
export type TriggerMatch = { triggerKey: string; facts: RuleFacts };

/** The event type each event trigger listens to. */
export const EVENT_TYPES_BY_TRIGGER: Partial<Record<RuleTrigger['type'], readonly string[]>> = {
  segment_entered: ['segment.entered'],
  segment_left: ['segment.left'],
  stage_entered: ['lifecycle.stage_changed'],
  health_band_changed: ['health.band_changed'],
  health_score_dropped: ['health.score_changed'],
  tier_changed: ['tier.changed'],
  key_contact_left: ['contact.left'],
  field_changed: ['account.field_changed'],
};

/** Facts are flat scalars: lists and objects (a tag list) become JSON text. */
export function toFacts(values: Record<string, unknown>): RuleFacts {
  const facts: RuleFacts = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    facts[key] =
      value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
        ? value
        : JSON.stringify(value);
  }
  return facts;
}

/** Loose equality for a field's new value: numbers as numbers, everything else as text; a tag list "equals" a tag it holds. */
export function isFieldValue(actual: unknown, expected: string | number | boolean | null): boolean {
  if (Array.isArray(actual)) return actual.some((item) => isFieldValue(item, expected));
  if (expected === null || actual === null || actual === undefined) return (actual ?? null) === expected;
  if (typeof expected === 'number' || typeof actual === 'number') return Number(actual) === Number(expected);
  return String(actual).toLowerCase() === String(expected).toLowerCase();
}

/**
 * Whether an event fires an event trigger (health_score_dropped needs the score history and is
 * judged by calculateScoreDrop). Pure: the trigger, the event, nothing else.
 */
export function matchEventTrigger(trigger: RuleTrigger, event: RuleEvent): TriggerMatch | undefined {
  const p = event.payload;
  if (!event.accountId || !EVENT_TYPES_BY_TRIGGER[trigger.type]?.includes(event.type)) return undefined;
  switch (trigger.type) {
    case 'segment_entered':
    case 'segment_left':
      if (p.segmentId !== trigger.segmentId) return undefined;
      return { triggerKey: `${trigger.type}:${trigger.segmentId}`, facts: toFacts({ segmentId: p.segmentId, segmentName: p.segmentName }) };
    case 'stage_entered':
      if (p.to !== trigger.stage) return undefined;
      return { triggerKey: `stage_entered:${trigger.stage}`, facts: toFacts({ from: p.from ?? null, to: p.to }) };
    case 'health_band_changed':
    case 'tier_changed': {
      if (typeof p.to !== 'string' || p.to === p.from) return undefined;
      if (trigger.to && !(trigger.to as readonly string[]).includes(p.to)) return undefined;
      return { triggerKey: `${trigger.type}:${p.to}`, facts: toFacts({ from: p.from ?? null, to: p.to }) };
    }
    case 'key_contact_left':
      if (p.isKeyPerson !== true) return undefined;
      return {
        triggerKey: `key_contact_left:${String(p.contactId)}`,
        facts: toFacts({ contactId: p.contactId, contactName: p.name, leftAt: p.leftAt ?? null }),
      };
    case 'field_changed':
      if (p.field !== trigger.field) return undefined;
      if (trigger.to !== undefined && !isFieldValue(p.to, trigger.to)) return undefined;
      return { triggerKey: `field_changed:${trigger.field}`, facts: toFacts({ field: p.field, from: p.from ?? null, to: p.to ?? null }) };
    default:
      return undefined;
  }
}
