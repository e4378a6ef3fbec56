/**
 * Tags as users mean them: surrounding spaces dropped, blanks ignored, and one tag per spelling
 * regardless of case ("Upsell" and "upsell" are the same tag), keeping the first spelling given.
 */
export function normaliseTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim();
    if (!tag) continue;
    const key = tag.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out;
}
