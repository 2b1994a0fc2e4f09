import { useEffect, useMemo } from 'react';
import { Alert, Card, Empty, Flex, Select, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { sortVi } from '@caunoi/shared';
import { PageHeader } from '../../components/PageHeader';
import { ErrorResult } from '../../components/QueryState';
import { useLocale } from '../../i18n/locale';
import { searchLabels } from '../../lib/selectSearch';
import { formatDate } from '../../lib/format';
import { useUrlState } from '../../lib/useUrlState';
import { useMe } from '../auth/session';
import { useUnits } from '../units/api';
import { ownUnitIds, readsEveryProvince } from './access';
import { useCatalogue, useForm, useForms, useReport } from './api';
import { useDefaultChoice, useRememberChoice } from './choice';
import { ExcelTransfer } from './ExcelTransfer';
import { FormSelect } from './FormParts';
import { ReportWorkspace } from './ReportWorkspace';
import type { ReportKeys } from './types';

const KEYS = ['formId', 'periodCode', 'unitId'] as const;

/**
 * Data entry and review: pick a form, one of its opened periods and a province (a province's
 * own staff get their own), then work on that report.
 */
export default function EntryPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useMe();
  const [q, setQ] = useUrlState(KEYS);
  const forms = useForms();
  const form = useForm(q.formId);
  const catalogue = useCatalogue();
  const period = form.data?.periods.find((p) => p.code === q.periodCode);
  const units = useUnits(period?.end);
  const everywhere = readsEveryProvince(me);
  useRememberChoice(period ? q.formId : undefined, period?.code);

  // The first active form, its newest opened period: where most visits start.
  useDefaultChoice(q, setQ, forms.data?.items, form.data);

  /** The reporters of the period the user may open: every one, or their province's. */
  const unitOptions = useMemo(() => {
    if (!form.data || !units.data || !period) return [];
    const assigned = new Set(form.data.units);
    const own = new Set(ownUnitIds(me));
    const reporters = units.data.items.filter((u) => assigned.has(u.id));
    const visible = everywhere
      ? reporters
      : reporters.filter((u) => own.has(u.id) || u.successors.some((s) => own.has(s.id)));
    return sortVi(visible, (u) => u.nameVi).map((u) => ({
      value: u.id,
      label: `${locale === 'en' ? u.nameEn : u.nameVi} (${u.code})`,
    }));
  }, [form.data, units.data, period, me, everywhere, locale]);

  useEffect(() => {
    if (!q.unitId && !everywhere && unitOptions.length === 1)
      setQ({ unitId: unitOptions[0]!.value });
  }, [q.unitId, everywhere, unitOptions, setQ]);

  const keys: ReportKeys | null =
    q.formId && q.periodCode && q.unitId
      ? { formId: q.formId, periodCode: q.periodCode, unitId: q.unitId }
      : null;
  const report = useReport(keys);

  const periodOptions = (form.data?.periods ?? []).map((p) => ({
    value: p.code,
    label: `${locale === 'en' ? p.labelEn : p.labelVi} · ${t('statistics.entry.dueOn', {
      date: formatDate(p.deadline),
    })}`,
  }));

  const pickers = (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Flex gap={12} wrap align="center">
        <FormSelect
          forms={forms.data?.items}
          loading={forms.isPending}
          value={q.formId}
          onChange={(formId) => setQ({ formId, periodCode: undefined })}
          width={400}
          activeOnly
          testId="pick-form"
        />
        <Select
          aria-label={t('statistics.entry.period')}
          style={{ width: 380, maxWidth: '100%' }}
          placeholder={t('statistics.entry.period')}
          loading={!!q.formId && form.isPending}
          options={periodOptions}
          value={period ? q.periodCode : undefined}
          notFoundContent={t('statistics.entry.noPeriod')}
          onChange={(periodCode) => setQ({ periodCode })}
          data-testid="pick-period"
        />
        <Select
          aria-label={t('statistics.entry.unit')}
          style={{ width: 240 }}
          placeholder={t('statistics.entry.unit')}
          loading={!!period && units.isPending}
          options={unitOptions}
          value={q.unitId}
          showSearch={searchLabels}
          disabled={!everywhere && unitOptions.length <= 1}
          onChange={(unitId) => setQ({ unitId })}
          data-testid="pick-unit"
        />
      </Flex>
    </Card>
  );

  const title = t('statistics.menu.entry');
  if (forms.isError)
    return <ErrorResult error={forms.error} onRetry={() => void forms.refetch()} />;
  if (forms.data && forms.data.items.length === 0) {
    return (
      <>
        <PageHeader title={title} />
        <Empty description={t('statistics.entry.noForms')} />
      </>
    );
  }

  let body;
  if (!keys) {
    body =
      period && units.data && unitOptions.length === 0 ? (
        <Alert type="info" showIcon title={t('statistics.entry.notAReporter')} />
      ) : (
        <Card>
          <Typography.Paragraph style={{ margin: 0 }}>
            {everywhere ? t('statistics.entry.pickUnit') : t('statistics.entry.pickReport')}{' '}
            {everywhere && q.formId && q.periodCode && (
              <Link to={`/statistics/completeness?formId=${q.formId}&periodCode=${q.periodCode}`}>
                {t('statistics.entry.seeCompleteness')}
              </Link>
            )}
          </Typography.Paragraph>
        </Card>
      );
  } else if (report.isPending || catalogue.isPending) {
    body = <Skeleton active paragraph={{ rows: 12 }} />;
  } else if (report.isError) {
    body = <ErrorResult error={report.error} onRetry={() => void report.refetch()} />;
  } else if (catalogue.isError) {
    body = <ErrorResult error={catalogue.error} onRetry={() => void catalogue.refetch()} />;
  } else {
    body = (
      <ReportWorkspace
        key={`${keys.formId}|${keys.unitId}|${keys.periodCode}`}
        view={report.data}
        keys={keys}
        groups={catalogue.data.groups}
        tools={<ExcelTransfer keys={keys} view={report.data} />}
      />
    );
  }

  return (
    <>
      <PageHeader title={title} />
      {pickers}
      {body}
    </>
  );
}
