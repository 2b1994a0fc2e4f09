import { Card, DatePicker, Flex, Select, Tag, Typography, type TableProps } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AuditEntry, Channel } from '../../api/types';
import { DATE_FORMAT } from '../../components/IsoDatePicker';
import { FilterBar, SearchBox } from '../../components/ListPage';
import { PagedTable } from '../../components/PagedTable';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../lib/format';
import { translateOr } from '../../lib/i18nText';
import { pagingFrom } from '../../lib/table';
import { useUrlState } from '../../lib/useUrlState';
import { useAudit } from './api';
import { DiffView } from './DiffView';

const ENTITY_TYPES = [
  'user',
  'role_assignment',
  'api_token',
  'organisation',
  'person',
  'position',
  'unit',
];
const ACTIONS = [
  'create',
  'update',
  'delete',
  'login',
  'logout',
  'login_failed',
  'login_locked',
  'password_changed',
  'password_reset',
  'unlock',
  'rescope',
  'revoke',
  'preferences',
];
const CHANNELS: Channel[] = ['web', 'api', 'cli', 'system'];
const CHANNEL_COLORS: Record<Channel, string> = {
  web: 'blue',
  api: 'purple',
  cli: 'cyan',
  system: 'default',
};
const KEYS = [
  'entityType',
  'entityId',
  'actor',
  'action',
  'channel',
  'from',
  'to',
  'page',
  'pageSize',
] as const;

/** Where an audited record can be looked at, when it has a page. */
function entityLink(type: string, id: string): string | null {
  switch (type) {
    case 'user':
      return `/users/${id}`;
    case 'organisation':
      return `/organisations/${id}`;
    case 'person':
      return `/people/${id}`;
    case 'unit':
      return `/units/${encodeURIComponent(id)}`;
    default:
      return null;
  }
}

export default function AuditPage() {
  const { t } = useTranslation();
  const [url, setUrl] = useUrlState(KEYS);
  const paging = pagingFrom(url);
  const query = useAudit({
    entityType: url.entityType,
    entityId: url.entityId,
    actor: url.actor,
    action: url.action,
    channel: url.channel as Channel | undefined,
    from: url.from,
    to: url.to,
    ...paging,
  });
  const entityLabel = (type: string) => translateOr(t, `audit.entities.${type}`, type);
  const actionLabel = (action: string) => translateOr(t, `audit.actions.${action}`, action);

  const columns: TableProps<AuditEntry>['columns'] = [
    {
      title: t('audit.time'),
      dataIndex: 'occurredAt',
      width: 170,
      render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(v)}</span>,
    },
    {
      title: t('audit.actor'),
      dataIndex: 'actorUsername',
      width: 160,
      render: (v: string, e) =>
        e.actorUserId ? (
          <Link to={`/users/${e.actorUserId}`}>{v}</Link>
        ) : (
          <Typography.Text>{v}</Typography.Text>
        ),
    },
    {
      title: t('audit.channel'),
      dataIndex: 'channel',
      width: 100,
      render: (c: Channel) => <Tag color={CHANNEL_COLORS[c]}>{t(`audit.channels.${c}`)}</Tag>,
    },
    {
      title: t('audit.entity'),
      key: 'entity',
      render: (_, e) => {
        const to = entityLink(e.entityType, e.entityId);
        const name = e.entityLabel;
        return (
          <Flex vertical>
            <span>
              {entityLabel(e.entityType)}
              {name && <Typography.Text strong>: {name}</Typography.Text>}
            </span>
            <Typography.Text
              type="secondary"
              style={{ fontSize: 12 }}
              copyable={{ text: e.entityId }}
            >
              {to ? <Link to={to}>{e.entityId}</Link> : e.entityId}
            </Typography.Text>
          </Flex>
        );
      },
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      width: 200,
      render: (a: string) => <Tag>{actionLabel(a)}</Tag>,
    },
    { title: t('audit.ip'), dataIndex: 'ip', width: 130, render: (v: string | null) => v ?? '—' },
  ];

  return (
    <>
      <PageHeader title={t('audit.title')} description={t('audit.description')} />
      <Card>
        <FilterBar>
          <Select<string>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            value={url.entityType}
            options={ENTITY_TYPES.map((v) => ({ value: v, label: entityLabel(v) }))}
            onChange={(v) => setUrl({ entityType: v, page: null })}
            placeholder={t('audit.entityType')}
            style={{ width: 220 }}
            aria-label={t('audit.entityType')}
          />
          <SearchBox
            value={url.entityId}
            placeholder={t('audit.entityId')}
            onSearch={(v) => setUrl({ entityId: v.trim(), page: null })}
            width={220}
            aria-label={t('audit.entityId')}
          />
          <SearchBox
            value={url.actor}
            placeholder={t('audit.actorPlaceholder')}
            onSearch={(v) => setUrl({ actor: v.trim(), page: null })}
            width={200}
            aria-label={t('audit.actor')}
          />
          <Select<string>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            value={url.action}
            options={ACTIONS.map((v) => ({ value: v, label: actionLabel(v) }))}
            onChange={(v) => setUrl({ action: v, page: null })}
            placeholder={t('audit.action')}
            style={{ width: 200 }}
            aria-label={t('audit.action')}
          />
          <Select<Channel>
            allowClear
            value={url.channel as Channel | undefined}
            placeholder={t('audit.channel')}
            options={CHANNELS.map((c) => ({ value: c, label: t(`audit.channels.${c}`) }))}
            onChange={(v) => setUrl({ channel: v, page: null })}
            style={{ width: 140 }}
            aria-label={t('audit.channel')}
          />
          <DatePicker.RangePicker
            format={DATE_FORMAT}
            value={[url.from ? dayjs(url.from) : null, url.to ? dayjs(url.to) : null]}
            allowEmpty={[true, true]}
            onChange={(range) =>
              setUrl({
                from: range?.[0]?.format('YYYY-MM-DD') ?? null,
                to: range?.[1]?.format('YYYY-MM-DD') ?? null,
                page: null,
              })
            }
            placeholder={[t('common.fromDate'), t('common.toDate')]}
            aria-label={t('audit.period')}
          />
        </FilterBar>
        <PagedTable<AuditEntry>
          query={query}
          columns={columns}
          scrollX={1040}
          expandable={{
            expandedRowRender: (e) => <DiffView before={e.before} after={e.after} />,
            rowExpandable: (e) => e.before != null || e.after != null,
          }}
          paging={paging}
          onPage={(page, pageSize) => setUrl({ page, pageSize })}
          emptyText={t('audit.empty')}
        />
      </Card>
    </>
  );
}
