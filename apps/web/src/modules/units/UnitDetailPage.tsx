import { Card, Descriptions, Empty, Table, Tag, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { LINEAGE_RELATION_LABELS, UNIT_TYPE_LABELS } from '@caunoi/shared';
import type { LineageLink, UnitNameVersion } from '../../api/types';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert, QueryState } from '../../components/QueryState';
import { useLocale } from '../../i18n/locale';
import { formatDate, formatPeriod } from '../../lib/format';
import { useUnit, useUnitLineage } from './api';
import { capitalise, RegionText } from './unitText';

function usePeriod() {
  const { t } = useTranslation();
  // A start at the data's first day is not the unit's founding: shown as an open start.
  return (p: { validFrom: string; validTo: string | null; startsBeforeData: boolean }) =>
    formatPeriod(p.startsBeforeData ? null : p.validFrom, p.validTo, t('common.present'));
}

function LineageTable({ links, empty }: { links: LineageLink[]; empty: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const period = usePeriod();
  const columns: TableProps<LineageLink>['columns'] = [
    {
      title: t('units.unit'),
      key: 'unit',
      render: (_, l) => (
        <Link to={`/units/${encodeURIComponent(l.unit.id)}`}>
          {l.unit.fullNameVi} ({l.unit.code})
        </Link>
      ),
    },
    {
      title: t('units.validity'),
      key: 'validity',
      width: 200,
      render: (_, l) => period(l.unit),
    },
    {
      title: t('units.effectiveDate'),
      dataIndex: 'effectiveDate',
      width: 130,
      render: (d: string) => formatDate(d),
    },
    {
      title: t('units.relation'),
      dataIndex: 'relation',
      width: 170,
      render: (r: LineageLink['relation']) => (
        <Tag color={r === 'unchanged' ? 'default' : r === 'merged' ? 'blue' : 'geekblue'}>
          {LINEAGE_RELATION_LABELS[r][locale]}
        </Tag>
      ),
    },
    {
      title: t('units.legalBasis'),
      dataIndex: 'legalBasis',
      ellipsis: { showTitle: true },
      render: (v: string | null) => v ?? '—',
    },
  ];
  return (
    <Table<LineageLink>
      rowKey={(l) => l.unit.id}
      scroll={{ x: 860 }}
      size="small"
      columns={columns}
      dataSource={links}
      pagination={false}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} /> }}
    />
  );
}

function Lineage({ id }: { id: string }) {
  const { t } = useTranslation();
  const query = useUnitLineage(id);
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <>
      <Card title={t('units.predecessors')} loading={query.isPending} style={{ marginTop: 16 }}>
        <LineageTable links={query.data?.predecessors ?? []} empty={t('units.noPredecessors')} />
      </Card>
      <Card title={t('units.successorsTitle')} loading={query.isPending} style={{ marginTop: 16 }}>
        <LineageTable links={query.data?.successors ?? []} empty={t('units.noSuccessors')} />
      </Card>
    </>
  );
}

export default function UnitDetailPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const locale = useLocale();
  const period = usePeriod();
  const query = useUnit(id, params.get('asOf') ?? undefined);

  const nameColumns: TableProps<UnitNameVersion>['columns'] = [
    {
      title: t('units.period'),
      key: 'period',
      width: 210,
      render: (_, n) => period(n),
    },
    { title: t('units.name'), dataIndex: 'nameVi' },
    { title: t('units.fullName'), dataIndex: 'fullNameVi' },
    { title: t('units.nameEn'), dataIndex: 'nameEn' },
    {
      title: t('units.type'),
      dataIndex: 'type',
      render: (type: UnitNameVersion['type']) => capitalise(UNIT_TYPE_LABELS[type][locale]),
    },
    {
      title: t('units.legalBasis'),
      dataIndex: 'legalBasis',
      ellipsis: { showTitle: true },
      render: (v: string | null) => v ?? '—',
    },
  ];

  return (
    <QueryState query={query}>
      {(unit) => (
        <>
          <PageHeader
            breadcrumbs={[{ title: t('nav.units'), to: '/units' }, { title: unit.nameVi }]}
            title={unit.fullNameVi}
            tags={
              unit.validTo ? (
                <Tag color="orange">{t('units.endedOn', { date: formatDate(unit.validTo) })}</Tag>
              ) : (
                <Tag color="green">{t('units.current')}</Tag>
              )
            }
            description={t('units.shownAsOf', { date: formatDate(unit.asOf) })}
          />
          <Card title={t('units.general')}>
            <Descriptions
              column={{ xs: 1, md: 2 }}
              size="small"
              items={[
                { key: 'code', label: t('units.code'), children: unit.code },
                {
                  key: 'id',
                  label: t('units.identifier'),
                  children: <Typography.Text code>{unit.id}</Typography.Text>,
                },
                { key: 'name', label: t('units.fullName'), children: unit.fullNameVi },
                { key: 'en', label: t('units.nameEn'), children: unit.nameEn },
                {
                  key: 'type',
                  label: t('units.type'),
                  children: capitalise(UNIT_TYPE_LABELS[unit.type][locale]),
                },
                { key: 'region', label: t('units.region'), children: <RegionText unit={unit} /> },
                {
                  key: 'validity',
                  label: t('units.validity'),
                  children: period(unit),
                },
                { key: 'seat', label: t('units.seat'), children: unit.seat ?? '—' },
              ]}
            />
          </Card>
          <Card title={t('units.nameHistory')} style={{ marginTop: 16 }}>
            <Table<UnitNameVersion>
              rowKey="validFrom"
              scroll={{ x: 860 }}
              size="small"
              columns={nameColumns}
              dataSource={unit.names}
              pagination={false}
            />
          </Card>
          <Lineage id={unit.id} />
        </>
      )}
    </QueryState>
  );
}
