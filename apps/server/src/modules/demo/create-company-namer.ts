import type { Random } from './demo-random';
import {
  CHINESE_BRANDS,
  CHINESE_CITIES,
  CHINESE_INDUSTRY_WORDS,
  ENGLISH_BRAND_ENDINGS,
  ENGLISH_BRANDS,
  ENGLISH_INDUSTRY_NOUNS,
  type Industry,
} from './demo-vocabulary';

/** Unique company names and domains, English or Chinese. */
export function createCompanyNamer(random: Random) {
  const names = new Set<string>();
  const domains = new Set<string>();
  const claim = (name: string, domainCandidates: readonly string[]): { name: string; domain: string } | undefined => {
    if (names.has(name)) return undefined;
    const domain = domainCandidates.find((d) => !domains.has(d));
    if (!domain) return undefined;
    names.add(name);
    domains.add(domain);
    return { name, domain };
  };
  const withFallback = (
    attempt: () => { name: string; domain: string } | undefined,
    fallback: (n: number) => { name: string; domain: string },
  ) => {
    for (let i = 0; i < 50; i++) {
      const result = attempt();
      if (result) return result;
    }
    // Only reached once the word lists are nearly used up.
    for (let n = 2; ; n++) {
      const { name, domain } = fallback(n);
      const result = claim(name, [domain]);
      if (result) return result;
    }
  };
  return {
    english(industry: Industry) {
      let last = { brand: '', noun: '' };
      return withFallback(
        () => {
          const brand = random.pick(ENGLISH_BRANDS) + random.pick(ENGLISH_BRAND_ENDINGS);
          const noun = random.pick(ENGLISH_INDUSTRY_NOUNS[industry]);
          last = { brand, noun };
          const slug = brand.toLowerCase();
          return claim(`${brand} ${noun}`, [`${slug}.com`, `${slug}${noun.toLowerCase()}.com`, `${slug}.io`]);
        },
        (n) => ({ name: `${last.brand} ${last.noun} ${n}`, domain: `${last.brand.toLowerCase()}${n}.com` }),
      );
    },
    chinese(industry: Industry) {
      let last = { name: '', domain: '' };
      return withFallback(
        () => {
          const city = random.pick(CHINESE_CITIES);
          const brand = random.pick(CHINESE_BRANDS);
          const word = random.pick(CHINESE_INDUSTRY_WORDS[industry]);
          last = { name: `${city.zh}${brand.zh}${word.zh}`, domain: `${city.py}${brand.py}` };
          return claim(last.name, [`${brand.py}${word.py}.cn`, `${city.py}${brand.py}.com.cn`, `${city.py}-${brand.py}-${word.py}.cn`]);
        },
        (n) => ({ name: `${last.name}${n}号`, domain: `${last.domain}${n}.cn` }),
      );
    },
  };
}
