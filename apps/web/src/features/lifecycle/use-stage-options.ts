import { useTranslation } from 'react-i18next';
import type { LifecycleStage } from '@northstar/contracts';
import { useLifecycleConfig } from './lifecycle-api';

export type StageOption = { value: LifecycleStage; label: string };

/**
 * The stages an account can be put in, for a picker: the workspace's enabled stages, under its own
 * labels (the server refuses a disabled one). `keep`, an account's current stage, stays listed
 * even when disabled, so a form shows what is set. Null until the configuration has loaded: a
 * picker offering every stage meanwhile would offer disabled ones.
 */
export function useStageOptions(keep?: LifecycleStage | null): StageOption[] | null {
  const { i18n } = useTranslation();
  const config = useLifecycleConfig();
  const lang = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
  const stages = config.data?.config.stages;
  if (!stages) return null;
  return stages.filter((s) => s.enabled || s.stage === keep).map((s) => ({ value: s.stage, label: s.label[lang] }));
}
