import { Card, Flex, Select, Tag, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ENGAGEMENT_KIND_LABELS, ENGAGEMENT_KINDS, type EngagementKind } from '@caunoi/shared';
import { IsoDatePicker } from '../../components/IsoDatePicker';
import { CreateButton, FilterBar, SearchBox, useCreateDialog } from '../../components/ListPage';
import { PagedTable } from '../../components/PagedTable';
import { PageHeader } from '../../components/PageHeader';
import { useLocale } from '../../i18n/locale';
import { optionsOf } from '../../lib/labels';
import { pagingFrom } from '../../lib/table';
import { useUrlState } from '../../lib/useUrlState';
import { useMe } from '../auth/session';
import { UnitList } from '../programmes/CoordinationTags';
import { canWriteEngagements } from '../programmes/permissions';
import { UnitSelect } from '../units/UnitSelect';
import { useEngagements } from './api';
import { EngagementFormModal } from './EngagementFormModal';
import { formatDays, KIND_COLORS } from './labels';
import type { Engagement } from './types';

const KEYS = ['q', 'kind', 'unitId', 'from', 'to', 'page', 'pageSize'] as const;

export default function EngagementsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { user } = useMe();
  const create = useCreateDialog('/engagements');
  const [url, setUrl] = useUrlState(KEYS);
  const paging = pagingFrom(url);
  const query = useEngagements({
    q: url.q || undefined,
    kind: url.kind as EngagementKind | undefined,
    unitId: url.unitId,
    from: url.from,
    to: url.to,
    ...paging,
  });

  const columns: TableProps<Engagement>['columns'] = [
    { title: t('engagements.date'), key: 'date', width: 200, render: (_, e) => formatDays(e) },
    {
      title: t('engagements.kind'),
      dataIndex: 'kind',
      width: 150,
      render: (k: EngagementKind) => (
        <Tag color={KIND_COLORS[k]}>{ENGAGEMENT_KIND_LABELS[k][locale]}</Tag>
      ),
    },
    {
      title: t('engagements.title'),
      key: 'title',
      render: (_, e) => (
        <Flex vertical>
          <Link to={`/engagements/${e.id}`}>{e.title}</Link>
          {e.place && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {e.place}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: t('engagements.provinces'),
      key: 'units',
      width: 240,
      render: (_, e) => <UnitList units={e.units} none={t('engagements.national')} />,
    },
    {
      title: t('engagements.participants'),
      dataIndex: 'participantCount',
      width: 110,
      align: 'right',
    },
  ];

  return (
    <>
      <PageHeader
        title={t('engagements.pageTitle')}
        description={t('engagements.description')}
        extra={
          canWriteEngagements(user) && (
            <CreateButton onClick={create.start}>{t('engagements.create')}</CreateButton>
          )
        }
      />
      <Card>
        <FilterBar>
          <SearchBox
            value={url.q}
            placeholder={t('engagements.searchPlaceholder')}
            onSearch={(q) => setUrl({ q, page: null })}
          />
          <Select<EngagementKind>
            allowClear
            value={url.kind as EngagementKind | undefined}
            placeholder={t('engagements.allKinds')}
            options={optionsOf(ENGAGEMENT_KINDS, ENGAGEMENT_KIND_LABELS, locale)}
            onChange={(v) => setUrl({ kind: v, page: null })}
            style={{ width: 180 }}
            aria-label={t('engagements.kind')}
          />
          <UnitSelect
            includeFormer
            value={url.unitId}
            placeholder={t('engagements.allProvinces')}
            onChange={(v) => setUrl({ unitId: v, page: null })}
            style={{ width: 240 }}
            aria-label={t('engagements.provinces')}
          />
          <IsoDatePicker
            value={url.from}
            placeholder={t('common.fromDate')}
            onChange={(v) => setUrl({ from: v, page: null })}
            aria-label={t('common.fromDate')}
          />
          <IsoDatePicker
            value={url.to}
            placeholder={t('common.toDate')}
            onChange={(v) => setUrl({ to: v, page: null })}
            aria-label={t('common.toDate')}
          />
        </FilterBar>
        <PagedTable<Engagement>
          query={query}
          columns={columns}
          scrollX={1000}
          paging={paging}
          onPage={(page, pageSize) => setUrl({ page, pageSize })}
          emptyText={t('engagements.empty')}
        />
      </Card>
      <EngagementFormModal open={create.open} onClose={create.close} onSaved={create.saved} />
    </>
  );
}
