import { Card, Flex, Tag, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CreateButton, FilterBar, useCreateDialog } from '../../components/ListPage';
import { PagedTable } from '../../components/PagedTable';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../lib/format';
import { pagingFrom } from '../../lib/table';
import { useUrlState } from '../../lib/useUrlState';
import { useMe } from '../auth/session';
import { UnitName } from '../programmes/CoordinationTags';
import { canWriteProposals } from '../proposals/permissions';
import { UnitSelect } from '../units/UnitSelect';
import { useRoadmaps } from './api';
import { RoadmapFormModal } from './RoadmapFormModal';
import type { Roadmap } from './types';

const KEYS = ['unitId', 'page', 'pageSize'] as const;

export default function RoadmapsPage() {
  const { t } = useTranslation();
  const { user } = useMe();
  const create = useCreateDialog('/roadmaps');
  const [url, setUrl] = useUrlState(KEYS);
  const paging = pagingFrom(url);
  const query = useRoadmaps({ unitId: url.unitId, ...paging });

  const columns: TableProps<Roadmap>['columns'] = [
    {
      title: t('roadmaps.titleField'),
      key: 'title',
      render: (_, r) => <Link to={`/roadmaps/${r.id}`}>{r.title}</Link>,
    },
    {
      title: t('roadmaps.unit'),
      key: 'unit',
      width: 200,
      render: (_, r) => <UnitName unit={r.unit} />,
    },
    {
      title: t('roadmaps.period'),
      key: 'period',
      width: 130,
      render: (_, r) => `${r.startYear}–${r.endYear}`,
    },
    {
      title: t('roadmaps.plannedOfItems'),
      key: 'items',
      width: 170,
      render: (_, r) =>
        r.plannedAt ? (
          t('roadmaps.plannedCount', { planned: r.plannedCount, n: r.itemCount })
        ) : (
          <Flex gap={8} align="center">
            <span>{t('roadmaps.itemCount', { n: r.itemCount })}</span>
            <Tag>{t('roadmaps.notPlanned')}</Tag>
          </Flex>
        ),
    },
    {
      title: t('roadmaps.plannedAt'),
      dataIndex: 'plannedAt',
      width: 180,
      render: (v: string | null) =>
        v ? formatDateTime(v) : <Typography.Text type="secondary">—</Typography.Text>,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('roadmaps.title')}
        description={t('roadmaps.description')}
        extra={
          canWriteProposals(user) && (
            <CreateButton onClick={create.start}>{t('roadmaps.create')}</CreateButton>
          )
        }
      />
      <Card>
        <FilterBar>
          <UnitSelect
            value={url.unitId}
            includeFormer
            placeholder={t('roadmaps.allUnits')}
            onChange={(v) => setUrl({ unitId: v, page: null })}
            style={{ width: 260 }}
            aria-label={t('roadmaps.unit')}
          />
        </FilterBar>
        <PagedTable<Roadmap>
          query={query}
          columns={columns}
          scrollX={900}
          paging={paging}
          onPage={(page, pageSize) => setUrl({ page, pageSize })}
          emptyText={t('roadmaps.empty')}
        />
      </Card>
      <RoadmapFormModal open={create.open} onClose={create.close} onSaved={create.saved} />
    </>
  );
}
