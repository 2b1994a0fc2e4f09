import { Card, Flex, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Person } from '../../api/types';
import { IsoDatePicker } from '../../components/IsoDatePicker';
import { CreateButton, FilterBar, SearchBox, useCreateDialog } from '../../components/ListPage';
import { PagedTable } from '../../components/PagedTable';
import { PageHeader } from '../../components/PageHeader';
import { formatPeriod } from '../../lib/format';
import { pagingFrom } from '../../lib/table';
import { useUrlState } from '../../lib/useUrlState';
import { canWriteDirectory } from '../auth/permissions';
import { useMe } from '../auth/session';
import { OrganisationSelect } from '../organisations/OrganisationSelect';
import { usePeople } from './api';
import { PersonFormModal } from './PersonFormModal';
import { sortPositions } from './positions';

const KEYS = ['q', 'organisationId', 'asOf', 'page', 'pageSize'] as const;

export default function PeoplePage() {
  const { t } = useTranslation();
  const { user } = useMe();
  const create = useCreateDialog('/people');
  const [url, setUrl] = useUrlState(KEYS);
  const paging = pagingFrom(url);
  const query = usePeople({
    q: url.q || undefined,
    organisationId: url.organisationId,
    asOf: url.asOf,
    ...paging,
  });

  const columns: TableProps<Person>['columns'] = [
    {
      title: t('people.fullName'),
      dataIndex: 'fullName',
      width: 220,
      render: (name: string, p) => (
        <Link to={`/people/${p.id}`}>
          <Typography.Text strong style={{ color: 'inherit' }}>
            {name}
          </Typography.Text>
        </Link>
      ),
    },
    {
      title: t('people.latestPositions'),
      key: 'positions',
      render: (_, p) => {
        const list = sortPositions(p.positions);
        if (list.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
        return (
          <Flex vertical gap={2}>
            {list.slice(0, 2).map((pos) => (
              <span key={pos.id}>
                {pos.title} —{' '}
                <Link to={`/organisations/${pos.organisationId}`}>{pos.organisationName}</Link>{' '}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  ({formatPeriod(pos.validFrom, pos.validTo, t('common.present'))})
                </Typography.Text>
              </span>
            ))}
            {list.length > 2 && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('people.morePositions', { n: list.length - 2 })}
              </Typography.Text>
            )}
          </Flex>
        );
      },
    },
    {
      title: t('common.email'),
      dataIndex: 'email',
      width: 220,
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('common.phone'),
      dataIndex: 'phone',
      width: 150,
      render: (v: string | null) => v ?? '—',
    },
  ];

  return (
    <>
      <PageHeader
        title={t('people.title')}
        description={t('people.description')}
        extra={
          canWriteDirectory(user) && (
            <CreateButton onClick={create.start}>{t('people.create')}</CreateButton>
          )
        }
      />
      <Card>
        <FilterBar>
          <SearchBox
            value={url.q}
            placeholder={t('people.searchPlaceholder')}
            onSearch={(q) => setUrl({ q, page: null })}
          />
          <OrganisationSelect
            value={url.organisationId}
            placeholder={t('people.allOrganisations')}
            onChange={(v) => setUrl({ organisationId: v, page: null })}
            style={{ width: 320 }}
            aria-label={t('people.organisation')}
          />
          <Flex align="center" gap={8}>
            <Typography.Text>{t('people.holdingOn')}</Typography.Text>
            <IsoDatePicker
              value={url.asOf}
              onChange={(v) => setUrl({ asOf: v, page: null })}
              placeholder={t('people.anyDate')}
              aria-label={t('people.holdingOn')}
            />
          </Flex>
        </FilterBar>
        <PagedTable<Person>
          query={query}
          columns={columns}
          scrollX={920}

          paging={paging}
          onPage={(page, pageSize) => setUrl({ page, pageSize })}
          emptyText={t('people.empty')}
        />
      </Card>
      <PersonFormModal open={create.open} onClose={create.close} onSaved={create.saved} />
    </>
  );
}
