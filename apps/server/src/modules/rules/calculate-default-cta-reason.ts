import type { CtaReason, RuleTriggerType } from '@northstar/contracts';

/** The CTA reason a rule gets when its author does not pick one (DOMAIN §5's reasons). */
export function calculateDefaultCtaReason(type: RuleTriggerType): CtaReason {
  switch (type) {
    case 'renewal_in_days':
      return 'renewal';
    case 'stage_entered':
      return 'lifecycle';
    case 'health_band_changed':
    case 'health_score_dropped':
    case 'usage_dropped':
    case 'no_key_contact_touch':
    case 'key_contact_left':
      return 'risk';
    default:
      return 'other';
  }
}
