import { Flex, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/locale';
import { searchLabels } from '../../lib/selectSearch';
import type { FormCalendar, FormListItem } from './types';

/**
 * The form picker of the entry and reporting status pages: "code · name", searchable without
 * tone marks. With `activeOnly`, forms no longer in use are left out (unless chosen).
 */
export function FormSelect({
  forms,
  loading,
  value,
  onChange,
  width,
  activeOnly = false,
  testId,
}: {
  forms: readonly FormListItem[] | undefined;
  loading: boolean;
  value: string | undefined;
  onChange: (formId: string) => void;
  width: number;
  activeOnly?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const options = (forms ?? [])
    .filter((f) => !activeOnly || f.active || f.id === value)
    .map((f) => ({ value: f.id, label: `${f.code} · ${locale === 'en' ? f.nameEn : f.nameVi}` }));
  return (
    <Select
      aria-label={t('statistics.entry.form')}
      style={{ width, maxWidth: '100%' }}
      placeholder={t('statistics.entry.form')}
      loading={loading}
      options={options}
      value={value}
      showSearch={searchLabels}
      onChange={onChange}
      data-testid={testId}
    />
  );
}

/** "−15 / +45 / +90 days": when a period opens, is due and locks, from the period's end. */
export function CalendarText({ calendar }: { calendar: FormCalendar }) {
  const { t } = useTranslation();
  const line = (key: 'opens' | 'deadline' | 'locks', days: number) => (
    <span>
      {t(`statistics.forms.calendarShort.${key}`)}:{' '}
      {days < 0
        ? t('statistics.forms.daysBefore', { n: -days })
        : t('statistics.forms.daysAfter', { n: days })}
    </span>
  );
  return (
    <Flex vertical style={{ fontSize: 13 }}>
      {line('opens', calendar.opensAfterDays)}
      {line('deadline', calendar.deadlineAfterDays)}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {line('locks', calendar.locksAfterDays)}
      </Typography.Text>
    </Flex>
  );
}
