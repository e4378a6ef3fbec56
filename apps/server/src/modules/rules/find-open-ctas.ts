import { openCtaKey, type OpenCtaIndex } from './rule-ports';

type ListOpenCtas = (
  workspaceId: string,
  filter?: { accountId?: string; causeKey?: string },
) => Promise<{ id: string; accountId: string; causeKey: string | null }[]>;

// Beyond this many pairs, one read of all the workspace's open CTAs beats a query per pair.
const PER_PAIR_LIMIT = 5;

/** Adapts the tasks module's open-CTA listing to the rules engine's bulk question. */
export function createOpenCtaFinder(listOpenCtas: ListOpenCtas) {
  return async (workspaceId: string, keys: readonly { accountId: string; causeKey: string }[]): Promise<OpenCtaIndex> => {
    const index: OpenCtaIndex = new Map();
    if (keys.length === 0) return index;
    const ctas =
      keys.length <= PER_PAIR_LIMIT
        ? (await Promise.all(keys.map((k) => listOpenCtas(workspaceId, { accountId: k.accountId, causeKey: k.causeKey })))).flat()
        : await listOpenCtas(workspaceId);
    const wanted = new Set(keys.map((k) => openCtaKey(k.accountId, k.causeKey)));
    for (const cta of ctas) {
      const key = cta.causeKey === null ? undefined : openCtaKey(cta.accountId, cta.causeKey);
      if (key && wanted.has(key)) index.set(key, cta.id);
    }
    return index;
  };
}
