import { useState } from 'react';
import { App, Card, Descriptions, Empty, Flex, Table, Tag, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ORGANISATION_KIND_LABELS } from '@caunoi/shared';
import type { OrganisationDetail, OrganisationPosition } from '../../api/types';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { RecordActions } from '../../components/RecordActions';
import { SimpleList } from '../../components/SimpleList';
import { useLocale } from '../../i18n/locale';
import { formatDate, formatDateTime, formatPeriod } from '../../lib/format';
import { useDeleteOrganisation, useOrganisation } from './api';
import { OrganisationFormModal } from './OrganisationFormModal';

const byStartDesc = (a: OrganisationPosition, b: OrganisationPosition) =>
  (b.validFrom ?? '').localeCompare(a.validFrom ?? '');

function Detail({ org }: { org: OrganisationDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const remove = useDeleteOrganisation();

  const positionColumns: TableProps<OrganisationPosition>['columns'] = [
    {
      title: t('people.fullName'),
      dataIndex: 'personName',
      render: (name: string, p) => <Link to={`/people/${p.personId}`}>{name}</Link>,
    },
    { title: t('people.positionTitle'), dataIndex: 'title' },
    { title: t('common.from'), dataIndex: 'validFrom', width: 120, render: formatDate },
    { title: t('common.to'), dataIndex: 'validTo', width: 120, render: formatDate },
    {
      title: t('people.source'),
      dataIndex: 'source',
      ellipsis: { showTitle: true },
      render: (v: string | null) => v ?? '—',
    },
  ];

  return (
    <>
      <PageHeader
        breadcrumbs={[
          { title: t('nav.organisations'), to: '/organisations' },
          { title: org.shortName ?? org.nameVi },
        ]}
        title={org.nameVi}
        tags={<Tag color="blue">{ORGANISATION_KIND_LABELS[org.kind][locale]}</Tag>}
        extra={
          org.canEdit && (
            <RecordActions
              onEdit={() => setEditing(true)}
              title={t('organisations.deleteTitle')}
              content={t('organisations.deleteConfirm', { name: org.nameVi })}
              remove={() => remove.mutateAsync(org.id)}
              deleting={remove.isPending}
              deleted={t('organisations.deleted')}
              backTo="/organisations"
            />
          )
        }
      />
      <Card title={t('organisations.general')}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            {
              key: 'kind',
              label: t('organisations.kind'),
              children: ORGANISATION_KIND_LABELS[org.kind][locale],
            },
            { key: 'code', label: t('organisations.code'), children: org.code ?? '—' },
            { key: 'nameEn', label: t('organisations.nameEn'), children: org.nameEn ?? '—' },
            { key: 'short', label: t('organisations.shortName'), children: org.shortName ?? '—' },
            {
              key: 'parent',
              label: t('organisations.parent'),
              children: org.parentId ? (
                <Link to={`/organisations/${org.parentId}`}>{org.parentName}</Link>
              ) : (
                '—'
              ),
            },
            {
              key: 'unit',
              label: t('organisations.unit'),
              children: org.unit ? (
                <Link to={`/units/${encodeURIComponent(org.unit.id)}`}>
                  {org.unit.nameVi} ({org.unit.code})
                </Link>
              ) : (
                '—'
              ),
            },
            {
              key: 'validity',
              label: t('organisations.validity'),
              children: formatPeriod(org.validFrom, org.validTo, t('common.present')),
            },
            { key: 'address', label: t('organisations.address'), children: org.address ?? '—' },
            {
              key: 'website',
              label: t('organisations.website'),
              children: org.website ? (
                <a href={org.website} target="_blank" rel="noopener noreferrer">
                  {org.website}
                </a>
              ) : (
                '—'
              ),
            },
            { key: 'email', label: t('common.email'), children: org.email ?? '—' },
            { key: 'phone', label: t('common.phone'), children: org.phone ?? '—' },
            {
              key: 'updated',
              label: t('common.updatedAt'),
              children: formatDateTime(org.updatedAt),
            },
            { key: 'notes', label: t('common.notes'), span: 'filled', children: org.notes ?? '—' },
          ]}
        />
      </Card>
      <Flex gap={16} vertical style={{ marginTop: 16 }}>
        <Card title={t('organisations.children', { n: org.children.length })}>
          {org.children.length === 0 ? (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={t('organisations.noChildren')}
            />
          ) : (
            <SimpleList
              items={org.children}
              rowKey={(c) => c.id}
              render={(c) => <Link to={`/organisations/${c.id}`}>{c.nameVi}</Link>}
              extra={(c) => <Tag>{ORGANISATION_KIND_LABELS[c.kind][locale]}</Tag>}
            />
          )}
        </Card>
        <Card title={t('organisations.people')}>
          <Table<OrganisationPosition>
            rowKey="id"
            scroll={{ x: 820 }}
            size="small"
            columns={positionColumns}
            dataSource={[...org.positions].sort(byStartDesc)}
            pagination={org.positions.length > 20 ? { pageSize: 20 } : false}
            locale={{ emptyText: t('organisations.noPeople') }}
          />
        </Card>
      </Flex>
      <OrganisationFormModal
        open={editing}
        organisation={org}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          message.success(t('common.saved'));
        }}
      />
    </>
  );
}

export default function OrganisationDetailPage() {
  const { id = '' } = useParams();
  const query = useOrganisation(id);
  return <QueryState query={query}>{(org) => <Detail org={org} />}</QueryState>;
}
