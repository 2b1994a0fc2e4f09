import { useMemo } from 'react';
import {
  Alert,
  Button,
  Card,
  Flex,
  Input,
  Table,
  Tooltip,
  Typography,
  type TableProps,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { compareVi, foldVi, todayInVietnam, UNIT_TYPE_LABELS } from '@caunoi/shared';
import type { Unit } from '../../api/types';
import { IsoDatePicker } from '../../components/IsoDatePicker';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert } from '../../components/QueryState';
import { useLocale } from '../../i18n/locale';
import { formatDate, formatNumber } from '../../lib/format';
import { useUrlState } from '../../lib/useUrlState';
import { BEFORE_REFORM, useUnits } from './api';
import { UnitRefTags } from './UnitRefTags';
import { capitalise, RegionText } from './unitText';

const REFORM_DATE = '2025-07-01';

function matches(unit: Unit, folded: string): boolean {
  const names = [
    unit.code,
    unit.nameVi,
    unit.fullNameVi,
    unit.nameEn,
    ...unit.predecessors.map((p) => p.nameVi),
  ];
  return names.some((n) => foldVi(n).includes(folded));
}

const rowProps = { 'data-testid': 'unit-row', style: { cursor: 'pointer' } };

export default function UnitsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const [{ asOf, q }, setUrl] = useUrlState(['asOf', 'q'] as const);
  const today = todayInVietnam();
  const date = asOf ?? today;
  const query = useUnits(date === today ? undefined : date);
  const data = query.data;

  const items = useMemo(() => {
    const folded = foldVi(q?.trim() ?? '');
    return (data?.items ?? []).filter((u) => !folded || matches(u, folded));
  }, [data, q]);
  const showPredecessors = items.some((u) => u.predecessors.length > 0);
  const detailSuffix = asOf ? `?asOf=${asOf}` : '';

  const columns: TableProps<Unit>['columns'] = [
    {
      title: t('units.code'),
      dataIndex: 'code',
      width: 72,
      sorter: (a, b) => a.code.localeCompare(b.code),
    },
    {
      title: t('units.name'),
      key: 'name',
      width: 240,
      sorter: (a, b) => compareVi(a.nameVi, b.nameVi),
      render: (_, u) => (
        <Flex vertical>
          <Link to={`/units/${encodeURIComponent(u.id)}${detailSuffix}`}>
            <Typography.Text strong style={{ color: 'inherit' }}>
              {u.nameVi}
            </Typography.Text>
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {locale === 'vi' ? u.fullNameVi : u.nameEn}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('units.type'),
      dataIndex: 'type',
      width: 230,
      render: (type: Unit['type']) => capitalise(UNIT_TYPE_LABELS[type][locale]),
    },
    {
      title: t('units.region'),
      key: 'region',
      width: 260,
      render: (_, u) => <RegionText unit={u} />,
    },
    {
      title: showPredecessors ? t('units.formedFrom') : t('units.mergedInto'),
      key: 'lineage',
      render: (_, u) =>
        u.predecessors.length > 0 ? (
          <UnitRefTags refs={u.predecessors} direction="from" />
        ) : (
          <UnitRefTags refs={u.successors} direction="to" />
        ),
    },
  ];

  const hasUnverified = items.some((u) => !u.regionVerified);

  return (
    <>
      <PageHeader title={t('units.title')} description={t('units.description')} />
      <Card>
        <Flex gap={12} wrap align="center" justify="space-between" style={{ marginBottom: 16 }}>
          <Flex gap={8} wrap align="center">
            <Typography.Text>{t('units.asOf')}</Typography.Text>
            <IsoDatePicker
              value={date}
              allowClear={false}
              onChange={(v) => setUrl({ asOf: v === today ? null : v })}
              data-testid="units-date"
              aria-label={t('units.asOf')}
              style={{ width: 150 }}
            />
            <Button onClick={() => setUrl({ asOf: null })} disabled={date === today}>
              {t('units.today')}
            </Button>
            <Button
              onClick={() => setUrl({ asOf: BEFORE_REFORM })}
              disabled={date === BEFORE_REFORM}
            >
              {t('units.beforeReform', { date: formatDate(BEFORE_REFORM) })}
            </Button>
          </Flex>
          <Flex gap={12} wrap align="center">
            <Input.Search
              allowClear
              defaultValue={q}
              placeholder={t('units.searchPlaceholder')}
              onChange={(e) => setUrl({ q: e.target.value })}
              style={{ width: 340 }}
              aria-label={t('common.search')}
            />
            <Typography.Text strong data-testid="units-count" aria-live="polite">
              {data
                ? items.length === data.count
                  ? t('units.count', { n: formatNumber(data.count) })
                  : t('units.countFiltered', {
                      shown: formatNumber(items.length),
                      n: formatNumber(data.count),
                    })
                : '…'}
            </Typography.Text>
          </Flex>
        </Flex>
        {date < REFORM_DATE && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('units.historicalNotice', {
              date: formatDate(date),
              reform: formatDate(REFORM_DATE),
            })}
          />
        )}
        {query.isError ? (
          <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <Table<Unit>
            rowKey="id"
            scroll={{ x: 980 }}
            size="middle"
            columns={columns}
            dataSource={items}
            loading={query.isFetching}
            pagination={false}
            onRow={(u) => ({
              ...rowProps,
              onClick: (e) => {
                if (!(e.target as HTMLElement).closest('a')) {
                  navigate(`/units/${encodeURIComponent(u.id)}${detailSuffix}`);
                }
              },
            })}
            locale={{ emptyText: t('units.empty') }}
            footer={
              hasUnverified
                ? () => (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      <Tooltip title={t('units.regionUnverifiedHint')}>
                        <span>{t('units.regionUnverifiedNote')}</span>
                      </Tooltip>
                    </Typography.Text>
                  )
                : undefined
            }
          />
        )}
      </Card>
    </>
  );
}
