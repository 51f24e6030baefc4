import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../i18n';

/** FR / EN toggle; a radio group named "Langue" / "Language". */
export function LanguageSwitch({ size = 'xs' }: { size?: 'xs' | 'sm' }) {
  const { t, i18n } = useTranslation();
  const current: Language = i18n.language?.startsWith('en') ? 'en' : 'fr';
  return (
    <SegmentedControl
      size={size}
      aria-label={t('shell.language')}
      value={current}
      onChange={(value) => void i18n.changeLanguage(value)}
      data={LANGUAGES.map((lng) => ({ value: lng, label: <span title={t(`language.${lng}`)}>{lng.toUpperCase()}</span> }))}
    />
  );
}
