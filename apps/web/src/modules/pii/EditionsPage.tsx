import { useState } from 'react';
import { DeleteOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Col,
  Flex,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Table,
  Typography,
  type TableProps,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PII_UNIT_BASES, type PiiEditionSummary, type PiiUnitBasis } from '@caunoi/shared';
import { isApiError } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { CreateButton } from '../../components/ListPage';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert } from '../../components/QueryState';
import { formatDateTime } from '../../lib/format';
import { useApiErrorHandler } from '../../lib/forms';
import { useMe } from '../auth/session';
import { managesPii } from './access';
import { useCreateEdition, useDeleteEdition, useEditions } from './api';
import { IllustrativeTag, UnitBasisTag } from './EditionParts';

/** The framework editions, one a year: what each ranks, on which data year, how many runs. */
export default function EditionsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const manages = managesPii(me);
  const navigate = useNavigate();
  const { modal, message } = App.useApp();
  const editions = useEditions();
  const remove = useDeleteEdition();
  const onError = useApiErrorHandler();
  const [creating, setCreating] = useState(false);

  const confirmDelete = (e: PiiEditionSummary) =>
    e.runCount > 0
      ? modal.warning({
          title: t('pii.editions.deleteTitle', { year: e.year }),
          content: t('pii.editions.hasRuns', { n: e.runCount }),
          okText: t('pii.editions.understood'),
        })
      : modal.confirm({
          title: t('pii.editions.deleteTitle', { year: e.year }),
          content: t('pii.editions.deleteContent'),
          okText: t('common.delete'),
          okButtonProps: { danger: true },
          cancelText: t('common.cancel'),
          onOk: () =>
            remove.mutateAsync(e.id).then(
              () => void message.success(t('pii.editions.deleted', { year: e.year })),
              (error: unknown) =>
                // Computed meanwhile: the list read before did not count it yet.
                isApiError(error) && error.code === 'PII_EDITION_HAS_RUNS'
                  ? void message.error(t('pii.editions.hasRunsNow'))
                  : onError(error),
            ),
        });

  const columns: TableProps<PiiEditionSummary>['columns'] = [
    {
      title: t('pii.editions.edition'),
      key: 'edition',
      render: (_, e) => (
        <Flex vertical gap={2}>
          <Flex gap={8} align="center" wrap>
            <Link to={`/pii/editions/${e.id}`}>
              {t('pii.editions.yearTitle', { year: e.year })}
            </Link>
            {e.illustrative && <IllustrativeTag />}
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {e.title}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('pii.editions.unitBasis'),
      key: 'basis',
      width: 200,
      render: (_, e) => <UnitBasisTag basis={e.unitBasis} />,
    },
    { title: t('pii.editions.dataYear'), dataIndex: 'dataYear', width: 120, align: 'right' },
    {
      title: t('pii.editions.indicatorCount'),
      dataIndex: 'indicatorCount',
      width: 110,
      align: 'right',
    },
    { title: t('pii.editions.runCount'), dataIndex: 'runCount', width: 110, align: 'right' },
    {
      title: t('common.updatedAt'),
      dataIndex: 'updatedAt',
      width: 170,
      render: formatDateTime,
    },
    ...(manages
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 90,
            render: (_: unknown, e: PiiEditionSummary) => (
              <Button
                size="small"
                danger
                type="text"
                icon={<DeleteOutlined />}
                aria-label={t('pii.editions.deleteTitle', { year: e.year })}
                onClick={() => confirmDelete(e)}
              />
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={t('pii.menu.editions')}
        description={t('pii.editions.description')}
        breadcrumbs={[{ title: t('pii.menu.group') }, { title: t('pii.menu.editions') }]}
        extra={
          manages && (
            <CreateButton onClick={() => setCreating(true)}>
              {t('pii.editions.create')}
            </CreateButton>
          )
        }
      />
      <Card>
        {editions.isError ? (
          <ErrorAlert error={editions.error} onRetry={() => void editions.refetch()} />
        ) : (
          <Table<PiiEditionSummary>
            rowKey="id"
            columns={columns}
            dataSource={editions.data?.items ?? []}
            loading={editions.isPending}
            pagination={false}
            scroll={{ x: 900 }}
            locale={{ emptyText: t('pii.editions.none') }}
          />
        )}
      </Card>
      <CreateEditionModal
        open={creating}
        editions={editions.data?.items ?? []}
        onClose={() => setCreating(false)}
        onCreated={(id) => {
          setCreating(false);
          navigate(`/pii/editions/${id}`);
        }}
      />
    </>
  );
}

interface CreateValues {
  year: number;
  title: string;
  unitBasis: PiiUnitBasis;
  dataYear: number;
  notes?: string;
  copyFrom?: string | null;
}

/** A new year's edition: empty (the 7 pillars, the two sub-indexes and the index) or a copy. */
function CreateEditionModal({
  open,
  editions,
  onClose,
  onCreated,
}: {
  open: boolean;
  editions: PiiEditionSummary[];
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CreateValues>();
  const create = useCreateEdition();
  const onError = useApiErrorHandler();
  const required = { required: true, message: t('validation.required') };
  const newest = editions[0];
  const year = newest ? newest.year + 1 : new Date().getFullYear();
  const taken = new Set(editions.map((e) => e.year));

  return (
    <FormModal<CreateValues>
      title={t('pii.editions.create')}
      open={open}
      onClose={onClose}
      form={form}
      width={620}
      submitting={create.isPending}
      initialValues={{
        year,
        title: t('pii.editions.defaultTitle', { year }),
        unitBasis: 'provinces-34',
        dataYear: year - 1,
        copyFrom: newest?.id ?? null,
      }}
      onSubmit={(v) =>
        create.mutate(
          {
            year: v.year,
            title: v.title.trim(),
            unitBasis: v.unitBasis,
            dataYear: v.dataYear,
            notes: v.notes?.trim() ? v.notes.trim() : null,
            ...(v.copyFrom ? { copyFrom: v.copyFrom } : {}),
          },
          { onSuccess: (e) => onCreated(e.id), onError: (e) => onError(e, form) },
        )
      }
    >
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item
            name="year"
            label={t('pii.editions.year')}
            rules={[
              required,
              {
                validator: (_, v: number | null) =>
                  v && taken.has(v)
                    ? Promise.reject(new Error(t('pii.editions.yearTaken', { year: v })))
                    : Promise.resolve(),
              },
            ]}
          >
            <InputNumber min={2020} max={2100} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item name="title" label={t('pii.editions.title')} rules={[required]}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} md={14}>
          <Form.Item name="unitBasis" label={t('pii.editions.unitBasis')} rules={[required]}>
            <Select
              options={PII_UNIT_BASES.map((b) => ({
                value: b,
                label: t(`pii.editions.basis.${b}`),
              }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item
            name="dataYear"
            label={t('pii.editions.dataYear')}
            extra={t('pii.editions.dataYearHint')}
            rules={[required]}
          >
            <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item
            name="copyFrom"
            label={t('pii.editions.copyFrom')}
            extra={t('pii.editions.copyFromHint')}
          >
            <Select
              allowClear
              placeholder={t('pii.editions.copyNone')}
              options={editions.map((e) => ({
                value: e.id,
                label: `${t('pii.editions.yearTitle', { year: e.year })} — ${e.title}`,
              }))}
            />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="notes" label={t('common.notes')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={4000} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
