import { Card, Flex, Select, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ROLE_LABELS, ROLES, type Role } from '@caunoi/shared';
import type { User } from '../../api/types';
import { CreateButton, FilterBar, SearchBox, useCreateDialog } from '../../components/ListPage';
import { PagedTable } from '../../components/PagedTable';
import { PageHeader } from '../../components/PageHeader';
import { useLocale } from '../../i18n/locale';
import { formatDateTime } from '../../lib/format';
import { optionsOf } from '../../lib/labels';
import { pagingFrom } from '../../lib/table';
import { useUrlState } from '../../lib/useUrlState';
import { UnitSelect } from '../units/UnitSelect';
import { useUsers } from './api';
import { AssignmentTags } from './AssignmentTags';
import { RescopePanel } from './RescopePanel';
import { UserCreateModal } from './UserCreateModal';
import { UserStatusTags } from './UserStatusTags';

const KEYS = ['q', 'role', 'unitId', 'active', 'page', 'pageSize'] as const;

export default function UsersPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const create = useCreateDialog('/users');
  const [url, setUrl] = useUrlState(KEYS);
  const paging = pagingFrom(url);
  const query = useUsers({
    q: url.q || undefined,
    role: url.role as Role | undefined,
    unitId: url.unitId,
    active: url.active === 'true' || url.active === 'false' ? url.active : undefined,
    ...paging,
  });

  const columns: TableProps<User>['columns'] = [
    {
      title: t('users.account'),
      key: 'user',
      width: 280,
      render: (_, u) => (
        <Flex vertical>
          <Link to={`/users/${u.id}`}>{u.displayName}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {u.username}
            {u.organisationName ? ` · ${u.organisationName}` : ''}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('users.assignments'),
      key: 'assignments',
      render: (_, u) => <AssignmentTags assignments={u.assignments} />,
    },
    {
      title: t('users.status'),
      key: 'status',
      width: 190,
      render: (_, u) => <UserStatusTags user={u} />,
    },
    {
      title: t('users.lastLogin'),
      dataIndex: 'lastLoginAt',
      width: 170,
      render: (v: string | null) => (v ? formatDateTime(v) : t('users.never')),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('users.title')}
        description={t('users.description')}
        extra={<CreateButton onClick={create.start}>{t('users.create')}</CreateButton>}
      />
      <RescopePanel />
      <Card>
        <FilterBar>
          <SearchBox
            value={url.q}
            placeholder={t('users.searchPlaceholder')}
            onSearch={(q) => setUrl({ q, page: null })}
          />
          <Select<Role>
            allowClear
            value={url.role as Role | undefined}
            placeholder={t('users.allRoles')}
            options={optionsOf(ROLES, ROLE_LABELS, locale)}
            onChange={(v) => setUrl({ role: v, page: null })}
            style={{ width: 260 }}
            aria-label={t('users.role')}
          />
          <UnitSelect
            includeFormer
            value={url.unitId}
            placeholder={t('users.allUnits')}
            onChange={(v) => setUrl({ unitId: v, page: null })}
            style={{ width: 240 }}
            aria-label={t('scope.province')}
          />
          <Select<'true' | 'false'>
            allowClear
            value={url.active as 'true' | 'false' | undefined}
            placeholder={t('users.allStatuses')}
            options={[
              { value: 'true', label: t('users.active') },
              { value: 'false', label: t('users.inactive') },
            ]}
            onChange={(v) => setUrl({ active: v, page: null })}
            style={{ width: 180 }}
            aria-label={t('users.status')}
          />
        </FilterBar>
        <PagedTable<User>
          query={query}
          columns={columns}
          scrollX={960}

          paging={paging}
          onPage={(page, pageSize) => setUrl({ page, pageSize })}
          emptyText={t('users.empty')}
        />
      </Card>
      <UserCreateModal open={create.open} onClose={create.close} onCreated={create.saved} />
    </>
  );
}
