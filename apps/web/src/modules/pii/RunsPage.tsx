import { useState } from 'react';
import {
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  InputNumber,
  Modal,
  Select,
  Table,
  Tooltip,
  Typography,
  type TableProps,
} from 'antd';
import { CalculatorOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { PiiEditionSummary, PiiRunSummary, PiiRunVerification } from '@caunoi/shared';
import { FormModal } from '../../components/FormModal';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert } from '../../components/QueryState';
import { formatDateTime, formatNumber } from '../../lib/format';
import { useApiErrorHandler } from '../../lib/forms';
import { useUrlState } from '../../lib/useUrlState';
import { useMe } from '../auth/session';
import { managesPii } from './access';
import { useCreateRun, useEditions, usePiiRuns, useVerifyRun } from './api';
import { IllustrativeTag } from './EditionParts';
import { editionLabel } from './model';

/** The computed runs of every edition, newest first; the Ministry computes a new one here. */
export default function RunsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const manages = managesPii(me);
  const navigate = useNavigate();
  const [filters, setFilters] = useUrlState(['edition'] as const);
  const editions = useEditions();
  const runs = usePiiRuns(filters.edition);
  const [computing, setComputing] = useState(false);
  const verify = useVerifyRun();
  const [verified, setVerified] = useState<PiiRunVerification | null>(null);
  const onError = useApiErrorHandler();

  const columns: TableProps<PiiRunSummary>['columns'] = [
    {
      title: t('pii.runs.edition'),
      key: 'edition',
      render: (_, r) => (
        <Flex vertical>
          <Link to={`/pii/runs/${r.id}`}>{editionLabel(r.editionYear, r.editionTitle)}</Link>
          {r.illustrative && (
            <span>
              <IllustrativeTag />
            </span>
          )}
        </Flex>
      ),
    },
    { title: t('pii.runs.dataYear'), dataIndex: 'dataYear', width: 110, align: 'right' },
    {
      title: t('pii.runs.units'),
      key: 'units',
      width: 150,
      align: 'right',
      render: (_, r) =>
        t('pii.runs.unitsValue', { units: r.unitCount, indicators: r.indicatorCount }),
    },
    {
      title: t('pii.runs.uncertainty'),
      dataIndex: 'uncertaintyRuns',
      width: 130,
      align: 'right',
      render: (n: number) => (n > 0 ? formatNumber(n) : '—'),
    },
    {
      title: t('pii.runs.created'),
      key: 'created',
      width: 200,
      render: (_, r) => (
        <Flex vertical>
          <span>{formatDateTime(r.createdAt)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.createdBy}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('pii.runs.inputHash'),
      dataIndex: 'inputHash',
      width: 150,
      render: (hash: string) => (
        <Tooltip title={hash}>
          <Typography.Text code copyable={{ text: hash }}>
            {hash.slice(0, 12)}
          </Typography.Text>
        </Tooltip>
      ),
    },
    ...(manages
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 170,
            render: (_: unknown, r: PiiRunSummary) => (
              <Button
                size="small"
                icon={<SafetyCertificateOutlined />}
                loading={verify.isPending && verify.variables === r.id}
                onClick={() =>
                  verify.mutate(r.id, { onSuccess: setVerified, onError: (e) => onError(e) })
                }
              >
                {t('pii.runs.verify')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={t('pii.runs.title')}
        description={t('pii.runs.description')}
        extra={
          manages && (
            <Button
              type="primary"
              icon={<CalculatorOutlined />}
              disabled={!editions.data?.items.length}
              onClick={() => setComputing(true)}
            >
              {t('pii.runs.compute')}
            </Button>
          )
        }
      />
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Select
            allowClear
            style={{ minWidth: 320 }}
            placeholder={t('pii.runs.allEditions')}
            value={filters.edition}
            loading={editions.isPending}
            onChange={(edition?: string) => setFilters({ edition })}
            options={(editions.data?.items ?? []).map((e) => ({
              value: e.id,
              label: editionLabel(e.year, e.title),
            }))}
            aria-label={t('pii.runs.edition')}
          />
        </Flex>
        {runs.isError ? (
          <ErrorAlert error={runs.error} onRetry={() => void runs.refetch()} />
        ) : (
          <Table<PiiRunSummary>
            rowKey="id"
            columns={columns}
            dataSource={runs.data?.items ?? []}
            loading={runs.isPending}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: 1000 }}
            locale={{ emptyText: t('pii.runs.empty') }}
            data-testid="pii-runs"
          />
        )}
      </Card>
      {computing && editions.data && (
        <ComputeModal
          editions={editions.data.items}
          initialEdition={filters.edition}
          onClose={() => setComputing(false)}
          onDone={(id) => {
            setComputing(false);
            navigate(`/pii/runs/${id}`);
          }}
        />
      )}
      <VerificationModal result={verified} onClose={() => setVerified(null)} />
    </>
  );
}

interface ComputeValues {
  editionId: string;
  dataYear: number;
  uncertaintyRuns: number;
}

/** Choose the edition (the newest by default) and the data year (the edition's), then compute. */
function ComputeModal({
  editions,
  initialEdition,
  onClose,
  onDone,
}: {
  editions: PiiEditionSummary[];
  initialEdition?: string;
  onClose: () => void;
  onDone: (runId: string) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ComputeValues>();
  const create = useCreateRun();
  const onError = useApiErrorHandler();
  const first = editions.find((e) => e.id === initialEdition) ?? editions[0]!;

  return (
    <FormModal<ComputeValues>
      open
      title={t('pii.runs.computeTitle')}
      okText={t('pii.runs.computeOk')}
      onClose={onClose}
      form={form}
      width={520}
      submitting={create.isPending}
      initialValues={{ editionId: first.id, dataYear: first.dataYear, uncertaintyRuns: 1000 }}
      onSubmit={(values) =>
        create.mutate(values, {
          onSuccess: (run) => {
            message.success(t('pii.runs.computed', { n: run.unitCount }));
            onDone(run.id);
          },
          onError: (e) => onError(e, form),
        })
      }
    >
      <Form.Item name="editionId" label={t('pii.runs.edition')} rules={[{ required: true }]}>
        <Select
          options={editions.map((e) => ({ value: e.id, label: editionLabel(e.year, e.title) }))}
          onChange={(id: string) => {
            const edition = editions.find((e) => e.id === id);
            if (edition) form.setFieldValue('dataYear', edition.dataYear);
          }}
        />
      </Form.Item>
      <Form.Item
        name="dataYear"
        label={t('pii.runs.dataYear')}
        extra={t('pii.runs.dataYearHelp')}
        rules={[{ required: true }]}
      >
        <InputNumber min={2000} max={2100} precision={0} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item
        name="uncertaintyRuns"
        label={t('pii.runs.uncertaintyRuns')}
        extra={t('pii.runs.uncertaintyHelp')}
        rules={[{ required: true }]}
      >
        <InputNumber min={0} max={5000} step={100} precision={0} style={{ width: 160 }} />
      </Form.Item>
    </FormModal>
  );
}

function VerificationModal({
  result,
  onClose,
}: {
  result: PiiRunVerification | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const ok = result?.inputsIntact && result.reproduced;
  return (
    <Modal
      open={!!result}
      title={t('pii.runs.verifyTitle')}
      onCancel={onClose}
      footer={<Button onClick={onClose}>{t('pii.close')}</Button>}
    >
      {result && (
        <Flex vertical gap={12} data-testid="pii-verification">
          <Typography.Text strong type={ok ? 'success' : 'danger'}>
            {ok ? t('pii.runs.verifyOk') : t('pii.runs.verifyFailed')}
          </Typography.Text>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('pii.runs.inputsIntact')}>
              {result.inputsIntact ? t('pii.yes') : t('pii.no')}
            </Descriptions.Item>
            <Descriptions.Item label={t('pii.runs.reproduced')}>
              {result.reproduced ? t('pii.yes') : t('pii.no')}
            </Descriptions.Item>
            <Descriptions.Item label={t('pii.runs.checkedValues')}>
              {formatNumber(result.checkedValues)}
            </Descriptions.Item>
            <Descriptions.Item label={t('pii.runs.maxDifference')}>
              {result.maxDifference === 0 ? '0' : result.maxDifference.toExponential(2)}
            </Descriptions.Item>
          </Descriptions>
        </Flex>
      )}
    </Modal>
  );
}
