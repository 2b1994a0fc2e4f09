import { Card, Checkbox, Flex, Select, Tag, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  ORGANISATION_KIND_LABELS,
  ORGANISATION_KINDS,
  todayInVietnam,
  type OrganisationKind,
} from '@caunoi/shared';
import type { Organisation } from '../../api/types';
import { CreateButton, FilterBar, SearchBox, useCreateDialog } from '../../components/ListPage';
import { PagedTable } from '../../components/PagedTable';
import { PageHeader } from '../../components/PageHeader';
import { useLocale } from '../../i18n/locale';
import { formatPeriod } from '../../lib/format';
import { optionsOf } from '../../lib/labels';
import { pagingFrom } from '../../lib/table';
import { useUrlState } from '../../lib/useUrlState';
import { canWriteDirectory } from '../auth/permissions';
import { useMe } from '../auth/session';
import { UnitSelect } from '../units/UnitSelect';
import { useOrganisations } from './api';
import { OrganisationFormModal } from './OrganisationFormModal';

const KEYS = ['q', 'kind', 'unitId', 'former', 'current', 'page', 'pageSize'] as const;

export default function OrganisationsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { user } = useMe();
  const create = useCreateDialog('/organisations');
  const [url, setUrl] = useUrlState(KEYS);
  const paging = pagingFrom(url);
  const query = useOrganisations({
    q: url.q || undefined,
    kind: url.kind as OrganisationKind | undefined,
    unitId: url.unitId,
    asOf: url.current === '1' ? todayInVietnam() : undefined,
    ...paging,
  });

  const columns: TableProps<Organisation>['columns'] = [
    {
      title: t('organisations.name'),
      key: 'name',
      render: (_, o) => (
        <Flex vertical>
          <Link to={`/organisations/${o.id}`}>{o.nameVi}</Link>
          {(o.shortName || o.nameEn) && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {locale === 'en' && o.nameEn ? o.nameEn : o.shortName}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: t('organisations.kind'),
      dataIndex: 'kind',
      width: 200,
      render: (k: OrganisationKind) => <Tag>{ORGANISATION_KIND_LABELS[k][locale]}</Tag>,
    },
    {
      title: t('organisations.unit'),
      key: 'unit',
      width: 170,
      render: (_, o) =>
        o.unit ? <Link to={`/units/${encodeURIComponent(o.unit.id)}`}>{o.unit.nameVi}</Link> : '—',
    },
    {
      title: t('organisations.parent'),
      key: 'parent',
      width: 240,
      render: (_, o) =>
        o.parentId ? <Link to={`/organisations/${o.parentId}`}>{o.parentName}</Link> : '—',
    },
    {
      title: t('organisations.validity'),
      key: 'validity',
      width: 200,
      render: (_, o) => formatPeriod(o.validFrom, o.validTo, t('common.present')),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('organisations.title')}
        description={t('organisations.description')}
        extra={
          canWriteDirectory(user) && (
            <CreateButton onClick={create.start}>{t('organisations.create')}</CreateButton>
          )
        }
      />
      <Card>
        <FilterBar>
          <SearchBox
            value={url.q}
            placeholder={t('organisations.searchPlaceholder')}
            onSearch={(q) => setUrl({ q, page: null })}
            width={300}
          />
          <Select<OrganisationKind>
            allowClear
            value={url.kind as OrganisationKind | undefined}
            placeholder={t('organisations.allKinds')}
            options={optionsOf(ORGANISATION_KINDS, ORGANISATION_KIND_LABELS, locale)}
            onChange={(v) => setUrl({ kind: v, page: null })}
            style={{ width: 240 }}
            aria-label={t('organisations.kind')}
          />
          <UnitSelect
            value={url.unitId}
            includeFormer={url.former === '1'}
            placeholder={t('organisations.allUnits')}
            onChange={(v) => setUrl({ unitId: v, page: null })}
            style={{ width: 260 }}
            aria-label={t('organisations.unit')}
          />
          <Checkbox
            checked={url.former === '1'}
            onChange={(e) => setUrl({ former: e.target.checked ? '1' : null })}
          >
            {t('organisations.includeFormerUnits')}
          </Checkbox>
          <Checkbox
            checked={url.current === '1'}
            onChange={(e) => setUrl({ current: e.target.checked ? '1' : null, page: null })}
          >
            {t('organisations.onlyCurrent')}
          </Checkbox>
        </FilterBar>
        <PagedTable<Organisation>
          query={query}
          columns={columns}
          scrollX={1040}

          paging={paging}
          onPage={(page, pageSize) => setUrl({ page, pageSize })}
          emptyText={t('organisations.empty')}
        />
      </Card>
      <OrganisationFormModal open={create.open} onClose={create.close} onSaved={create.saved} />
    </>
  );
}
