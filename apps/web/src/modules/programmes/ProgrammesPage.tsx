import { ClockCircleOutlined } from '@ant-design/icons';
import { Card, Flex, Segmented, Select, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PROGRAMME_STATUS_LABELS, PROGRAMME_STATUSES, type ProgrammeStatus } from '@caunoi/shared';
import { CreateButton, FilterBar, SearchBox, useCreateDialog } from '../../components/ListPage';
import { PagedTable } from '../../components/PagedTable';
import { PageHeader } from '../../components/PageHeader';
import { IsoDatePicker } from '../../components/IsoDatePicker';
import { QueryState } from '../../components/QueryState';
import { SimpleList } from '../../components/SimpleList';
import { VietnamMap } from '../../components/VietnamMap';
import { useLocale } from '../../i18n/locale';
import { formatDate } from '../../lib/format';
import { optionsOf } from '../../lib/labels';
import { pagingFrom } from '../../lib/table';
import { useUrlState } from '../../lib/useUrlState';
import { useMe } from '../auth/session';
import { UnitSelect } from '../units/UnitSelect';
import { useExpiringProgrammes, useProgrammes, useProgrammesByProvince } from './api';
import { ProgrammeStatusTag, ProgressCell, UnitName, usePeriodText } from './CoordinationTags';
import { canManageCoordination } from './permissions';
import { ProgrammeFormModal } from './ProgrammeFormModal';
import type { Programme } from './types';

const KEYS = ['q', 'unitId', 'status', 'from', 'to', 'sort', 'view', 'page', 'pageSize'] as const;
const EXPIRING_DAYS = 180;

function ExpiringCard() {
  const { t } = useTranslation();
  const query = useExpiringProgrammes(EXPIRING_DAYS);
  return (
    <Card
      size="small"
      title={
        <Flex gap={8} align="center">
          <ClockCircleOutlined style={{ color: '#d46b08' }} />
          {t('programmes.expiringTitle', { days: EXPIRING_DAYS })}
        </Flex>
      }
      style={{ marginBottom: 16 }}
    >
      <QueryState query={query} inline>
        {(data) =>
          data.items.length === 0 ? (
            <Typography.Text type="secondary">{t('programmes.expiringNone')}</Typography.Text>
          ) : (
            <SimpleList
              items={data.items}
              rowKey={(p) => p.id}
              render={(p) => <Link to={`/programmes/${p.id}`}>{p.title}</Link>}
              extra={(p) => (
                <Typography.Text type={p.daysLeft <= 30 ? 'danger' : 'warning'}>
                  {t('programmes.endsIn', { date: formatDate(p.endsOn), n: p.daysLeft })}
                </Typography.Text>
              )}
            />
          )
        }
      </QueryState>
    </Card>
  );
}

function ProgrammeMap({ onSelect }: { onSelect: (unitId: string) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const query = useProgrammesByProvince();
  return (
    <QueryState query={query} inline>
      {(data) => (
        <VietnamMap
          valueLabel={t('programmes.mapValue')}
          regions={data.units.map((u) => ({
            code: u.code,
            name: u.nameVi,
            value: u.total,
            details: PROGRAMME_STATUSES.filter((s) => u.counts[s] > 0).map(
              (s) => `${PROGRAMME_STATUS_LABELS[s][locale]}: ${u.counts[s]}`,
            ),
          }))}
          onSelect={(code) => {
            const unit = data.units.find((u) => u.code === code);
            if (unit) onSelect(unit.unitId);
          }}
        />
      )}
    </QueryState>
  );
}

export default function ProgrammesPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { user } = useMe();
  const create = useCreateDialog('/programmes');
  const [url, setUrl] = useUrlState(KEYS);
  const paging = pagingFrom(url);
  const periodText = usePeriodText();
  const mapView = url.view === 'map';
  const query = useProgrammes(
    {
      q: url.q || undefined,
      unitId: url.unitId,
      status: url.status as ProgrammeStatus | undefined,
      signedFrom: url.from,
      signedTo: url.to,
      sort: url.sort === 'title' ? 'title' : undefined,
      ...paging,
    },
    !mapView,
  );

  const columns: TableProps<Programme>['columns'] = [
    {
      title: t('programmes.title'),
      key: 'title',
      render: (_, p) => (
        <Flex vertical>
          <Link to={`/programmes/${p.id}`}>{p.title}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {[
              p.documentNumber,
              p.signedOn ? t('programmes.signedOnShort', { date: formatDate(p.signedOn) }) : null,
            ]
              .filter(Boolean)
              .join(' · ') || t('programmes.notSigned')}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('programmes.provinces'),
      key: 'provinces',
      width: 220,
      render: (_, p) => (
        <Flex vertical>
          {p.parties
            .filter((party) => party.unit)
            .map((party) => (
              <UnitName key={party.id} unit={party.unit!} />
            ))}
        </Flex>
      ),
    },
    { title: t('programmes.period'), key: 'period', width: 190, render: (_, p) => periodText(p) },
    {
      title: t('programmes.status'),
      dataIndex: 'status',
      width: 150,
      render: (s: ProgrammeStatus) => <ProgrammeStatusTag status={s} />,
    },
    {
      title: t('programmes.progress'),
      key: 'progress',
      width: 160,
      render: (_, p) => <ProgressCell p={p} />,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('programmes.pageTitle')}
        description={t('programmes.description')}
        extra={
          canManageCoordination(user) && (
            <CreateButton onClick={create.start}>{t('programmes.create')}</CreateButton>
          )
        }
      />
      <ExpiringCard />
      <Card>
        <FilterBar>
          <Segmented
            value={mapView ? 'map' : 'table'}
            options={[
              { value: 'table', label: t('programmes.viewTable') },
              { value: 'map', label: t('programmes.viewMap') },
            ]}
            onChange={(v) => setUrl({ view: v === 'map' ? 'map' : null })}
          />
          {!mapView && (
            <>
              <SearchBox
                value={url.q}
                placeholder={t('programmes.searchPlaceholder')}
                onSearch={(q) => setUrl({ q, page: null })}
              />
              <UnitSelect
                includeFormer
                value={url.unitId}
                placeholder={t('programmes.allProvinces')}
                onChange={(v) => setUrl({ unitId: v, page: null })}
                style={{ width: 240 }}
                aria-label={t('programmes.provinces')}
              />
              <Select<ProgrammeStatus>
                allowClear
                value={url.status as ProgrammeStatus | undefined}
                placeholder={t('programmes.allStatuses')}
                options={optionsOf(PROGRAMME_STATUSES, PROGRAMME_STATUS_LABELS, locale)}
                onChange={(v) => setUrl({ status: v, page: null })}
                style={{ width: 190 }}
                aria-label={t('programmes.status')}
              />
              <IsoDatePicker
                value={url.from}
                placeholder={t('programmes.signedFrom')}
                onChange={(v) => setUrl({ from: v, page: null })}
                aria-label={t('programmes.signedFrom')}
              />
              <IsoDatePicker
                value={url.to}
                placeholder={t('programmes.signedTo')}
                onChange={(v) => setUrl({ to: v, page: null })}
                aria-label={t('programmes.signedTo')}
              />
              <Select<'signed' | 'title'>
                value={url.sort === 'title' ? 'title' : 'signed'}
                options={[
                  { value: 'signed', label: t('programmes.sortSigned') },
                  { value: 'title', label: t('programmes.sortTitle') },
                ]}
                onChange={(v) => setUrl({ sort: v === 'title' ? 'title' : null, page: null })}
                style={{ width: 190 }}
                aria-label={t('programmes.sort')}
              />
            </>
          )}
        </FilterBar>
        {mapView ? (
          <>
            <Typography.Paragraph type="secondary">{t('programmes.mapHint')}</Typography.Paragraph>
            <ProgrammeMap onSelect={(unitId) => setUrl({ unitId, view: null, page: null })} />
          </>
        ) : (
          <PagedTable<Programme>
            query={query}
            columns={columns}
            scrollX={1000}
            paging={paging}
            onPage={(page, pageSize) => setUrl({ page, pageSize })}
            emptyText={t('programmes.empty')}
          />
        )}
      </Card>
      <ProgrammeFormModal open={create.open} onClose={create.close} onSaved={create.saved} />
    </>
  );
}
