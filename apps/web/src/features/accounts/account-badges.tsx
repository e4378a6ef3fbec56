import { useTranslation } from 'react-i18next';
import type { AccountStatus, LifecycleStage, Tier } from '@northstar/contracts';
import { Badge, type Tone } from '../../ui/badge';

const TIER_TONES: Record<Tier, Tone> = { S: 'violet', A: 'blue', B: 'amber', C: 'neutral' };

export function TierBadge({ tier }: { tier: Tier | null }) {
  const { t } = useTranslation();
  if (!tier) return <span className="text-zinc-400">—</span>;
  return (
    <Badge tone={TIER_TONES[tier]} className="min-w-6 justify-center font-semibold">
      <span title={t(`tiers.${tier}`)}>{tier}</span>
    </Badge>
  );
}

export function StatusBadge({ status }: { status: AccountStatus }) {
  const { t } = useTranslation();
  return <Badge tone={status === 'active' ? 'green' : 'red'}>{t(`statuses.${status}`)}</Badge>;
}

export function StageLabel({ stage }: { stage: LifecycleStage | null }) {
  const { t } = useTranslation();
  return stage ? <span>{t(`stages.${stage}`)}</span> : <span className="text-zinc-400">—</span>;
}

export function Tags({ tags }: { tags: readonly string[] }) {
  if (tags.length === 0) return null;
  return (
    <span className="flex flex-wrap gap-1">
      {tags.map((tag) => (
        <span key={tag} className="rounded bg-zinc-100 px-1.5 text-[11px] leading-4 text-zinc-600">
          {tag}
        </span>
      ))}
    </span>
  );
}
