import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Locale } from '@caunoi/shared';
import { useLocale } from '../i18n/locale';
import { changeLocale } from '../modules/auth/session';

/** VI / EN switch; saved to the user's preferences once signed in. */
export function LanguageSwitch({
  size = 'middle',
  onError,
}: {
  size?: 'small' | 'middle';
  onError: (error: Error) => void;
}) {
  const locale = useLocale();
  const { t } = useTranslation();
  return (
    <Segmented<Locale>
      size={size}
      aria-label={t('common.language')}
      value={locale}
      options={[
        { label: 'VI', value: 'vi', title: 'Tiếng Việt' },
        { label: 'EN', value: 'en', title: 'English' },
      ]}
      onChange={(value) => {
        changeLocale(value).catch(onError);
      }}
    />
  );
}
