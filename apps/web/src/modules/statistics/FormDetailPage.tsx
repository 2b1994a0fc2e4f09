import { useMemo, useState } from 'react';
import {
  FieldTimeOutlined,
  EditOutlined,
  TableOutlined,
  BarChartOutlined,
} from '@ant-design/icons';
import {
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Form,
  Row,
  Table,
  Tag,
  Typography,
  type TableProps,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PERIOD_FORM_LABELS, PERIOD_TYPE_LABELS, sortVi } from '@caunoi/shared';
import { FormModal } from '../../components/FormModal';
import { IsoDatePicker } from '../../components/IsoDatePicker';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { useLocale } from '../../i18n/locale';
import { formatDate } from '../../lib/format';
import { endAfterStart, useApiErrorHandler } from '../../lib/forms';
import { buildQuery } from '../../api/client';
import { BEFORE_REFORM, useUnits } from '../units/api';
import { useCatalogue, useForm, useSetPeriodSchedule } from './api';
import { FormEditModal } from './FormEditModal';
import { CalendarText } from './FormParts';
import type { CatalogueIndicator, FormDetail, PeriodView } from './types';

/** One form: its calendar, the periods opened so far with their dates, indicators and provinces. */
export default function FormDetailPage() {
  const { id = '' } = useParams();
  const query = useForm(id);
  return <QueryState query={query}>{(form) => <Detail form={form} />}</QueryState>;
}

function Detail({ form }: { form: FormDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [editing, setEditing] = useState(false);
  const [scheduling, setScheduling] = useState<PeriodView | null>(null);
  const catalogue = useCatalogue();
  const today = useUnits();
  const former = useUnits(BEFORE_REFORM);
  const name = locale === 'en' ? form.nameEn : form.nameVi;

  const indicators = useMemo(() => {
    const byCode = new Map((catalogue.data?.indicators ?? []).map((i) => [i.code, i]));
    return form.indicators.flatMap((c) => byCode.get(c) ?? []);
  }, [catalogue.data, form.indicators]);
  const groupName = useMemo(
    () =>
      new Map(
        (catalogue.data?.groups ?? []).map((g) => [g.code, locale === 'en' ? g.nameEn : g.nameVi]),
      ),
    [catalogue.data, locale],
  );

  const assigned = new Set(form.units);
  const todayUnits = sortVi(
    (today.data?.items ?? []).filter((u) => assigned.has(u.id)),
    (u) => u.nameVi,
  );
  const todayIds = new Set(todayUnits.map((u) => u.id));
  const formerUnits = sortVi(
    (former.data?.items ?? []).filter((u) => assigned.has(u.id) && !todayIds.has(u.id)),
    (u) => u.nameVi,
  );

  const periodColumns: TableProps<PeriodView>['columns'] = [
    {
      title: t('statistics.forms.period'),
      key: 'label',
      width: 240,
      render: (_, p) => (
        <Flex vertical>
          <Typography.Text strong>{locale === 'en' ? p.labelEn : p.labelVi}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatDate(p.start)} – {formatDate(p.end)}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t('statistics.entry.opensOn'), dataIndex: 'opensOn', width: 120, render: formatDate },
    {
      title: t('statistics.entry.deadline'),
      dataIndex: 'deadline',
      width: 120,
      render: formatDate,
    },
    { title: t('statistics.entry.locksOn'), dataIndex: 'locksOn', width: 130, render: formatDate },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 330,
      render: (_, p) => (
        <Flex gap={12} wrap align="center">
          <Link to={`/statistics/entry${buildQuery({ formId: form.id, periodCode: p.code })}`}>
            <TableOutlined /> {t('statistics.menu.entry')}
          </Link>
          <Link
            to={`/statistics/completeness${buildQuery({ formId: form.id, periodCode: p.code })}`}
          >
            <BarChartOutlined /> {t('statistics.forms.completenessLink')}
          </Link>
          {form.canManage && (
            <Button
              size="small"
              type="link"
              icon={<FieldTimeOutlined />}
              onClick={() => setScheduling(p)}
              aria-label={t('statistics.forms.scheduleOf', { period: p.labelVi })}
            >
              {t('statistics.forms.schedule')}
            </Button>
          )}
        </Flex>
      ),
    },
  ];

  const indicatorColumns: TableProps<CatalogueIndicator>['columns'] = [
    {
      title: t('statistics.catalogue.group'),
      key: 'group',
      width: 220,
      render: (_, i) => groupName.get(i.group) ?? i.group,
    },
    {
      title: t('statistics.catalogue.indicator'),
      key: 'name',
      render: (_, i) => (
        <Flex vertical>
          <span>{locale === 'en' ? i.nameEn : i.nameVi}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {i.code}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('statistics.catalogue.unit'),
      key: 'unit',
      width: 140,
      render: (_, i) => (locale === 'en' ? i.unitEn : i.unitVi),
    },
  ];

  return (
    <>
      <PageHeader
        title={name}
        tags={
          form.active ? (
            <Tag color="green">{t('statistics.forms.activeTag')}</Tag>
          ) : (
            <Tag>{t('statistics.forms.inactiveTag')}</Tag>
          )
        }
        description={form.code}
        breadcrumbs={[
          { title: t('statistics.menu.group') },
          { title: t('statistics.menu.forms'), to: '/statistics/forms' },
          { title: form.code },
        ]}
        extra={
          form.canManage && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {t('common.edit')}
            </Button>
          )
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('statistics.forms.general')}>
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'code', label: t('statistics.forms.code'), children: form.code },
                {
                  key: 'type',
                  label: t('statistics.forms.periodType'),
                  children: PERIOD_TYPE_LABELS[form.periodType][locale],
                },
                {
                  key: 'form',
                  label: t('statistics.forms.periodForm'),
                  children: PERIOD_FORM_LABELS[form.periodForm][locale],
                },
                {
                  key: 'first',
                  label: t('statistics.forms.firstPeriod'),
                  children: form.firstPeriod,
                },
                {
                  key: 'calendar',
                  label: t('statistics.forms.calendar'),
                  children: <CalendarText calendar={form} />,
                },
                ...(form.description
                  ? [
                      {
                        key: 'description',
                        label: t('statistics.forms.descriptionField'),
                        children: (
                          <span style={{ whiteSpace: 'pre-line' }}>{form.description}</span>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card size="small" title={t('statistics.forms.unitsOf', { n: form.units.length })}>
            <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 6 }}>
              {t('statistics.forms.unitsToday', { n: todayUnits.length })}
            </Typography.Text>
            <Flex gap={4} wrap style={{ marginBottom: 12 }}>
              {todayUnits.map((u) => (
                <Tag key={u.id}>{u.nameVi}</Tag>
              ))}
            </Flex>
            {formerUnits.length > 0 && (
              <>
                <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 6 }}>
                  {t('statistics.forms.unitsFormer', {
                    date: formatDate(BEFORE_REFORM),
                    n: formerUnits.length,
                  })}
                </Typography.Text>
                <Flex gap={4} wrap>
                  {formerUnits.map((u) => (
                    <Tag key={u.id} color="default" style={{ opacity: 0.8 }}>
                      {u.nameVi}
                    </Tag>
                  ))}
                </Flex>
              </>
            )}
          </Card>
        </Col>
        <Col span={24}>
          <Card size="small" title={t('statistics.forms.periods', { n: form.periods.length })}>
            <Table<PeriodView>
              rowKey="code"
              size="small"
              columns={periodColumns}
              dataSource={form.periods}
              pagination={form.periods.length > 8 ? { pageSize: 8, size: 'small' } : false}
              scroll={{ x: 760 }}
              locale={{ emptyText: t('statistics.entry.noPeriod') }}
            />
          </Card>
        </Col>
        <Col span={24}>
          <Card
            size="small"
            title={t('statistics.forms.indicatorsOf', { n: form.indicators.length })}
          >
            <Table<CatalogueIndicator>
              rowKey="code"
              size="small"
              columns={indicatorColumns}
              dataSource={indicators}
              loading={catalogue.isPending}
              pagination={false}
              scroll={{ y: 420 }}
            />
          </Card>
        </Col>
      </Row>
      <FormEditModal
        open={editing}
        form={form}
        onClose={() => setEditing(false)}
        onSaved={() => setEditing(false)}
      />
      <PeriodScheduleModal
        formId={form.id}
        period={scheduling}
        onClose={() => setScheduling(null)}
      />
    </>
  );
}

interface ScheduleValues {
  opensOn: string;
  deadline: string;
  locksOn: string;
}

/** Own dates for one period (a deadline extended for everyone, a later lock). */
function PeriodScheduleModal({
  formId,
  period,
  onClose,
}: {
  formId: string;
  period: PeriodView | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [form] = Form.useForm<ScheduleValues>();
  const save = useSetPeriodSchedule(formId);
  const onError = useApiErrorHandler();
  const required = { required: true, message: t('validation.required') };
  return (
    <FormModal<ScheduleValues>
      title={t('statistics.forms.scheduleTitle', {
        period: period ? (locale === 'en' ? period.labelEn : period.labelVi) : '',
      })}
      open={!!period}
      onClose={onClose}
      form={form}
      width={520}
      submitting={save.isPending}
      initialValues={
        period
          ? { opensOn: period.opensOn, deadline: period.deadline, locksOn: period.locksOn }
          : undefined
      }
      onSubmit={(values) =>
        period &&
        save.mutate(
          { periodCode: period.code, ...values },
          { onSuccess: onClose, onError: (e) => onError(e, form) },
        )
      }
    >
      <Typography.Paragraph type="secondary">
        {t('statistics.forms.scheduleHint')}
      </Typography.Paragraph>
      <Form.Item name="opensOn" label={t('statistics.entry.opensOn')} rules={[required]}>
        <IsoDatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        name="deadline"
        label={t('statistics.entry.deadline')}
        dependencies={['opensOn']}
        rules={[required, endAfterStart('opensOn', t('statistics.forms.calendarOrder'))]}
      >
        <IsoDatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        name="locksOn"
        label={t('statistics.entry.locksOn')}
        dependencies={['deadline']}
        rules={[required, endAfterStart('deadline', t('statistics.forms.calendarOrder'))]}
      >
        <IsoDatePicker style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}
