import type { TierReason } from './calculate-tiers';

/** A tier reason as a sentence in each UI language. */
export type TierReasonText = { en: string; 'zh-CN': string };

const percent = (share: number) => `${Math.round(share * 100)}%`;
const money = (value: number) => value.toLocaleString('en-US', { maximumFractionDigits: 2 });

/** "top 12% by ARR; S covers 61% of ARR" and its zh-CN twin, from the structured reason. */
export function renderTierReason(reason: TierReason): TierReasonText {
  const rank = { en: `top ${reason.arrTopPercent}% by ARR`, zh: `ARR 排名前 ${reason.arrTopPercent}%` };
  const covers = { en: `S covers ${percent(reason.sArrShare)} of ARR`, zh: `S 层覆盖 ${percent(reason.sArrShare)} 的 ARR` };
  const both = (en: string, zh: string): TierReasonText => ({ en: `${rank.en}; ${en}`, 'zh-CN': `${rank.zh}；${zh}` });
  switch (reason.rule) {
    case 'pinned': {
      const until = reason.pinExpiresAt
        ? { en: ` (until ${reason.pinExpiresAt})`, zh: `（至 ${reason.pinExpiresAt}）` }
        : { en: '', zh: '' };
      return { en: `pinned: ${reason.pinReason}${until.en}`, 'zh-CN': `手动锁定：${reason.pinReason}${until.zh}` };
    }
    case 's_arr_share':
      if (reason.limit === 'max_accounts') {
        const cap = percent(reason.maxAccountShare);
        return both(`S capped at ${cap} of accounts; ${covers.en}`, `S 层上限为 ${cap} 的客户；${covers.zh}`);
      }
      if (reason.limit === 'min_accounts') {
        const floor = percent(reason.minAccountShare);
        return both(`S holds at least ${floor} of accounts; ${covers.en}`, `S 层至少包含 ${floor} 的客户；${covers.zh}`);
      }
      return both(covers.en, covers.zh);
    case 'c_arr_percentile': {
      const nth = Math.round(reason.percentile * 100);
      return both(
        `ARR below the ${nth}th percentile (${money(reason.threshold)})`,
        `ARR 低于第 ${nth} 百分位（${money(reason.threshold)}）`,
      );
    }
    case 'c_employees':
      return both(
        `${reason.employees} employees, fewer than ${reason.threshold}`,
        `员工 ${reason.employees} 人，少于 ${reason.threshold} 人`,
      );
    case 'a_usage':
    case 'b_usage':
      return both(
        `${percent(reason.value)} of seats active in 30 days (A from ${percent(reason.threshold)})`,
        `近 30 天 ${percent(reason.value)} 的席位活跃（${percent(reason.threshold)} 及以上为 A）`,
      );
    case 'a_health':
    case 'b_health':
      return both(
        `no usage data; health ${reason.value} (A from ${reason.threshold})`,
        `无使用数据；健康分 ${reason.value}（${reason.threshold} 及以上为 A）`,
      );
    case 'b_no_engagement_data':
      return both('no usage data or health score', '无使用数据和健康分');
  }
}
