import { useState } from 'react';
import { Card, Flex, Table, Tag, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PERIOD_FORM_LABELS, PERIOD_TYPE_LABELS } from '@caunoi/shared';
import { CreateButton } from '../../components/ListPage';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert } from '../../components/QueryState';
import { useLocale } from '../../i18n/locale';
import { useMe } from '../auth/session';
import { managesStatistics } from './access';
import { useForms } from './api';
import { FormEditModal } from './FormEditModal';
import { CalendarText } from './FormParts';
import type { FormListItem } from './types';

/** The reporting forms: what each asks, how often, when it is due and who reports it. */
export default function FormsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useMe();
  const navigate = useNavigate();
  const forms = useForms();
  const [creating, setCreating] = useState(false);

  const columns: TableProps<FormListItem>['columns'] = [
    {
      title: t('statistics.forms.form'),
      key: 'name',
      render: (_, f) => (
        <Flex vertical>
          <Link to={`/statistics/forms/${f.id}`}>{locale === 'en' ? f.nameEn : f.nameVi}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {f.code}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('statistics.forms.period'),
      key: 'period',
      width: 230,
      render: (_, f) => (
        <Flex vertical>
          <span>{PERIOD_TYPE_LABELS[f.periodType][locale]}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {PERIOD_FORM_LABELS[f.periodForm][locale]}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('statistics.forms.calendar'),
      key: 'calendar',
      width: 260,
      render: (_, f) => <CalendarText calendar={f} />,
    },
    {
      title: t('statistics.forms.indicatorCount'),
      dataIndex: 'indicatorCount',
      width: 110,
      align: 'right',
    },
    { title: t('statistics.forms.unitCount'), dataIndex: 'unitCount', width: 110, align: 'right' },
    {
      title: t('statistics.forms.state'),
      key: 'active',
      width: 130,
      render: (_, f) =>
        f.active ? (
          <Tag color="green">{t('statistics.forms.activeTag')}</Tag>
        ) : (
          <Tag>{t('statistics.forms.inactiveTag')}</Tag>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('statistics.menu.forms')}
        description={t('statistics.forms.description')}
        extra={
          managesStatistics(me) && (
            <CreateButton onClick={() => setCreating(true)}>
              {t('statistics.forms.create')}
            </CreateButton>
          )
        }
      />
      <Card>
        {forms.isError ? (
          <ErrorAlert error={forms.error} onRetry={() => void forms.refetch()} />
        ) : (
          <Table<FormListItem>
            rowKey="id"
            columns={columns}
            dataSource={forms.data?.items ?? []}
            loading={forms.isPending}
            pagination={false}
            scroll={{ x: 900 }}
            locale={{ emptyText: t('statistics.entry.noForms') }}
          />
        )}
      </Card>
      <FormEditModal
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(id) => {
          setCreating(false);
          navigate(`/statistics/forms/${id}`);
        }}
      />
    </>
  );
}
