import { useTranslation } from 'react-i18next';
import { LIFECYCLE_STAGES, type LifecycleStage } from '@northstar/contracts';
import { useLifecycleConfig } from './lifecycle-api';

/**
 * The stages an account can be put in, for a picker: the workspace's enabled stages, under its own
 * labels (the server refuses a disabled one). `keep`, an account's current stage, stays listed
 * even when disabled, so a form shows what is set; until the configuration loads, every stage under
 * its default name.
 */
export function useStageOptions(keep?: LifecycleStage | null): { value: LifecycleStage; label: string }[] {
  const { t, i18n } = useTranslation();
  const config = useLifecycleConfig();
  const lang = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
  const stages = config.data?.config.stages;
  if (!stages) return LIFECYCLE_STAGES.map((stage) => ({ value: stage, label: t(`stages.${stage}`) }));
  return stages.filter((s) => s.enabled || s.stage === keep).map((s) => ({ value: s.stage, label: s.label[lang] }));
}
