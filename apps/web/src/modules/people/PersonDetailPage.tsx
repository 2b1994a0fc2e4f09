import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  Table,
  Typography,
  type TableProps,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { todayInVietnam } from '@caunoi/shared';
import type { PersonDetail, Position } from '../../api/types';
import { IsoDatePicker } from '../../components/IsoDatePicker';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { RecordActions, RowActions } from '../../components/RecordActions';
import { SimpleList } from '../../components/SimpleList';
import { formatDate, formatDateTime } from '../../lib/format';
import { useUrlState } from '../../lib/useUrlState';
import { useDeletePerson, useDeletePosition, usePerson } from './api';
import { PersonFormModal } from './PersonFormModal';
import { PositionFormModal } from './PositionFormModal';
import { sortPositions } from './positions';

type Editing = { kind: 'person' } | { kind: 'position'; position?: Position } | null;

function PositionsOn({
  person,
  date,
  onDate,
  loading,
}: {
  person: PersonDetail;
  date: string;
  onDate: (d: string | null) => void;
  loading: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Card
      title={t('people.positionsOn')}
      extra={
        <IsoDatePicker
          value={date}
          allowClear={false}
          onChange={onDate}
          aria-label={t('people.positionsOn')}
          data-testid="person-date"
        />
      }
      loading={loading}
    >
      {person.positionsOn.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={t('people.noPositionOn', { date: formatDate(date) })}
        />
      ) : (
        <>
          <Typography.Paragraph style={{ fontSize: 16 }} data-testid="person-titles">
            <Typography.Text type="secondary">
              {t('people.onDate', { date: formatDate(date) })}:{' '}
            </Typography.Text>
            <Typography.Text strong>
              {person.positionsOn.map((p) => p.title).join('; ')}
            </Typography.Text>
          </Typography.Paragraph>
          <SimpleList
            items={person.positionsOn}
            rowKey={(p) => p.id}
            render={(p) => (
              <>
                {p.title} —{' '}
                <Link to={`/organisations/${p.organisationId}`}>{p.organisationName}</Link>
              </>
            )}
          />
        </>
      )}
    </Card>
  );
}

export default function PersonDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [{ asOf }, setUrl] = useUrlState(['asOf'] as const);
  const date = asOf ?? todayInVietnam();
  const query = usePerson(id, date);
  const [editing, setEditing] = useState<Editing>(null);
  const removePerson = useDeletePerson();
  const removePosition = useDeletePosition();

  return (
    <QueryState query={query}>
      {(person) => {
        const columns: TableProps<Position>['columns'] = [
          {
            title: t('people.organisation'),
            dataIndex: 'organisationName',
            render: (name: string, p) => (
              <Link to={`/organisations/${p.organisationId}`}>{name}</Link>
            ),
          },
          { title: t('people.positionTitle'), dataIndex: 'title' },
          {
            title: t('common.from'),
            dataIndex: 'validFrom',
            width: 120,
            render: (d: string | null) =>
              d ? (
                <Typography.Link onClick={() => setUrl({ asOf: d })} title={t('people.showOnDate')}>
                  {formatDate(d)}
                </Typography.Link>
              ) : (
                '—'
              ),
          },
          { title: t('common.to'), dataIndex: 'validTo', width: 120, render: formatDate },
          {
            title: t('people.source'),
            dataIndex: 'source',
            ellipsis: { showTitle: true },
            render: (v: string | null) => v ?? '—',
          },
          ...(person.canEdit
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 110,
                  render: (_: unknown, p: Position) => (
                    <RowActions
                      onEdit={() => setEditing({ kind: 'position', position: p })}
                      onDelete={() =>
                        removePosition
                          .mutateAsync(p.id)
                          .then(() => void message.success(t('people.positionDeleted')))
                      }
                      confirm={t('people.deletePositionConfirm')}
                    />
                  ),
                },
              ]
            : []),
        ];

        return (
          <>
            <PageHeader
              breadcrumbs={[{ title: t('nav.people'), to: '/people' }, { title: person.fullName }]}
              title={person.fullName}
              extra={
                person.canEdit && (
                  <RecordActions
                    onEdit={() => setEditing({ kind: 'person' })}
                    title={t('people.deleteTitle')}
                    content={t('people.deleteConfirm', { name: person.fullName })}
                    remove={() => removePerson.mutateAsync(person.id)}
                    deleted={t('people.deleted')}
                    backTo="/people"
                  />
                )
              }
            />
            <Flex vertical gap={16}>
              <Card title={t('people.general')}>
                <Descriptions
                  size="small"
                  column={{ xs: 1, md: 2 }}
                  items={[
                    { key: 'name', label: t('people.fullName'), children: person.fullName },
                    { key: 'email', label: t('common.email'), children: person.email ?? '—' },
                    { key: 'phone', label: t('common.phone'), children: person.phone ?? '—' },
                    {
                      key: 'updated',
                      label: t('common.updatedAt'),
                      children: formatDateTime(person.updatedAt),
                    },
                    {
                      key: 'notes',
                      label: t('common.notes'),
                      span: 'filled',
                      children: person.notes ?? '—',
                    },
                  ]}
                />
              </Card>
              <PositionsOn
                person={person}
                date={date}
                onDate={(d) => setUrl({ asOf: d })}
                loading={query.isFetching && query.isPlaceholderData}
              />
              <Card
                title={t('people.career')}
                extra={
                  person.canEdit && (
                    <Button
                      icon={<PlusOutlined />}
                      onClick={() => setEditing({ kind: 'position' })}
                    >
                      {t('people.addPosition')}
                    </Button>
                  )
                }
              >
                <Table<Position>
                  rowKey="id"
                  scroll={{ x: 860 }}
                  size="small"
                  columns={columns}
                  dataSource={sortPositions(person.positions)}
                  pagination={false}
                  locale={{ emptyText: t('people.noPositions') }}
                />
              </Card>
            </Flex>
            <PersonFormModal
              open={editing?.kind === 'person'}
              person={person}
              onClose={() => setEditing(null)}
              onSaved={() => {
                setEditing(null);
                message.success(t('common.saved'));
              }}
            />
            <PositionFormModal
              open={editing?.kind === 'position'}
              personId={person.id}
              position={editing?.kind === 'position' ? editing.position : undefined}
              onClose={() => setEditing(null)}
              onSaved={() => {
                setEditing(null);
                message.success(t('common.saved'));
              }}
            />
          </>
        );
      }}
    </QueryState>
  );
}
