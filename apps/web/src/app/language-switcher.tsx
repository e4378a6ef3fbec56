import { useTranslation } from 'react-i18next';
import { changeLanguage } from '../i18n/init';
import { LANGUAGES, type Language } from '../i18n/language';
import { cx } from '../ui/cx';

// Each language is named in itself, so a reader who cannot read the current UI still finds theirs.
const NAMES: Record<Language, string> = { en: 'EN', 'zh-CN': '中文' };

export function LanguageSwitcher() {
  const { i18n, t } = useTranslation();
  return (
    <div
      role="group"
      aria-label={t('nav.language')}
      className="inline-flex overflow-hidden rounded-md border border-zinc-300 bg-white text-xs"
    >
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          aria-pressed={i18n.language === language}
          onClick={() => changeLanguage(language)}
          className={cx('px-2 py-1 font-medium', i18n.language === language ? 'bg-zinc-800 text-white' : 'text-zinc-600 hover:bg-zinc-100')}
        >
          {NAMES[language]}
        </button>
      ))}
    </div>
  );
}
