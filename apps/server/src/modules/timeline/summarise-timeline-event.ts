import type { TimelineEventType } from '@northstar/contracts';
import { DEFAULT_LIFECYCLE_CONFIG } from '../lifecycle';

type Text = { en: string; 'zh-CN': string };

const BANDS: Record<string, Text> = {
  red: { en: 'red', 'zh-CN': '红色' },
  yellow: { en: 'yellow', 'zh-CN': '黄色' },
  green: { en: 'green', 'zh-CN': '绿色' },
};

const stageLabel = (stage: unknown): Text => {
  const found = DEFAULT_LIFECYCLE_CONFIG.stages.find((s) => s.stage === stage)?.label;
  const raw = typeof stage === 'string' ? stage : '—';
  return found ?? { en: raw, 'zh-CN': raw };
};
const plain = (value: unknown): Text => {
  const text = typeof value === 'string' || typeof value === 'number' ? String(value) : '—';
  return { en: text, 'zh-CN': text };
};
const band = (value: unknown): Text => (typeof value === 'string' && BANDS[value]) || plain(value);

/**
 * One readable line per system event, in both UI languages, from the payload its module recorded.
 * Unknown shapes degrade to "from — to" rather than failing the whole timeline.
 */
export function summariseTimelineEvent(type: TimelineEventType, payload: Record<string, unknown>): Text {
  switch (type) {
    case 'tier.changed': {
      const to = plain(payload.to);
      if (payload.from === null || payload.from === undefined) return { en: `Tier set to ${to.en}`, 'zh-CN': `分层设为 ${to['zh-CN']}` };
      const from = plain(payload.from);
      return { en: `Tier changed from ${from.en} to ${to.en}`, 'zh-CN': `分层从 ${from['zh-CN']} 调整为 ${to['zh-CN']}` };
    }
    case 'segment.entered':
    case 'segment.left': {
      const name = plain(payload.segmentName);
      return type === 'segment.entered'
        ? { en: `Entered segment “${name.en}”`, 'zh-CN': `进入分群“${name['zh-CN']}”` }
        : { en: `Left segment “${name.en}”`, 'zh-CN': `离开分群“${name['zh-CN']}”` };
    }
    case 'lifecycle.stage_changed': {
      const to = stageLabel(payload.to);
      if (payload.from === null || payload.from === undefined) return { en: `Stage set to ${to.en}`, 'zh-CN': `阶段设为${to['zh-CN']}` };
      const from = stageLabel(payload.from);
      return { en: `Stage changed from ${from.en} to ${to.en}`, 'zh-CN': `阶段从${from['zh-CN']}变为${to['zh-CN']}` };
    }
    case 'health.band_changed': {
      const to = band(payload.to);
      if (payload.from === null || payload.from === undefined) return { en: `Health is ${to.en}`, 'zh-CN': `健康度为${to['zh-CN']}` };
      const from = band(payload.from);
      return { en: `Health changed from ${from.en} to ${to.en}`, 'zh-CN': `健康度从${from['zh-CN']}变为${to['zh-CN']}` };
    }
  }
}
