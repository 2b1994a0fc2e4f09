import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FormCalendar } from './types';

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
