import {
  Card,
  Flex,
  Input,
  Progress,
  Segmented,
  Select,
  Tag,
  Typography,
  type TableProps,
} from 'antd';
import { useTranslation } from 'react-i18next';
import {
  COMPLETION_FACETS,
  COMPLETION_LABELS,
  TASK_PRIORITIES,
  TASK_PRIORITY_LABELS,
  TASK_SOURCE_KINDS,
  TASK_SOURCE_LABELS,
  type CompletionFacet,
  type TaskPriority,
  type TaskSourceKind,
  type TimelinessFacet,
} from '@caunoi/shared';
import { IsoDatePicker } from '../../components/IsoDatePicker';
import { PagedTable } from '../../components/PagedTable';
import { PageHeader } from '../../components/PageHeader';
import { useLocale } from '../../i18n/locale';
import { optionsOf } from '../../lib/labels';
import { pagingFrom } from '../../lib/table';
import { useUrlState } from '../../lib/useUrlState';
import { OrganisationSelect } from '../organisations/OrganisationSelect';
import { UnitSelect } from '../units/UnitSelect';
import { useTasks } from './api';
import { useTaskColumns } from './columns';
import { FacetTags } from './FacetTags';
import type { TaskFilters, TaskSummary } from './types';

const KEYS = [
  'q',
  'completion',
  'timeliness',
  'dueSoon',
  'pending',
  'explanation',
  'leadUnitId',
  'leadOrganisationId',
  'sourceKind',
  'priority',
  'from',
  'to',
  'sort',
  'page',
  'pageSize',
] as const;

/** The timeliness facets that go with a completion facet. */
const TIMELINESS_FOR: Record<CompletionFacet | 'all', TimelinessFacet[]> = {
  all: ['within_deadline', 'overdue', 'on_time', 'late'],
  open: ['within_deadline', 'overdue'],
  done: ['on_time', 'late'],
};

export default function TasksPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [url, setUrl] = useUrlState(KEYS);
  const paging = pagingFrom(url);
  const completion = url.completion as CompletionFacet | undefined;
  const flag = (v: string | undefined) => (v === '1' ? true : undefined);
  const filters: TaskFilters = {
    q: url.q || undefined,
    completion,
    timeliness: url.timeliness as TimelinessFacet | undefined,
    dueSoon: flag(url.dueSoon),
    hasPendingExtension: flag(url.pending),
    hasOpenExplanation: flag(url.explanation),
    leadUnitId: url.leadUnitId,
    leadOrganisationId: url.leadOrganisationId,
    sourceKind: url.sourceKind as TaskSourceKind | undefined,
    priority: url.priority as TaskPriority | undefined,
    deadlineFrom: url.from,
    deadlineTo: url.to,
    sort: (url.sort as TaskFilters['sort']) ?? 'deadline',
    ...paging,
  };
  const query = useTasks(filters);

  const toggle = (key: 'dueSoon' | 'pending' | 'explanation', label: string) => (
    <Tag.CheckableTag
      checked={url[key] === '1'}
      onChange={(on) => setUrl({ [key]: on ? '1' : null, page: null })}
    >
      {label}
    </Tag.CheckableTag>
  );

  const col = useTaskColumns();
  const columns: TableProps<TaskSummary>['columns'] = [
    col.task({ width: 420 }),
    col.lead(230),
    col.deadline(130),
    {
      title: t('tasks.columns.status'),
      key: 'status',
      width: 250,
      render: (_, task) => (
        <Flex vertical gap={4}>
          <FacetTags facets={task} />
          {(task.pendingExtension || task.openExplanations > 0) && (
            <Flex gap={4} wrap>
              {task.pendingExtension && <Tag color="purple">{t('tasks.pendingExtension')}</Tag>}
              {task.openExplanations > 0 && <Tag color="magenta">{t('tasks.openExplanation')}</Tag>}
            </Flex>
          )}
        </Flex>
      ),
    },
    {
      title: t('tasks.columns.progress'),
      key: 'progress',
      width: 120,
      render: (_, task) =>
        task.completion === 'done' ? (
          <Progress percent={100} size="small" />
        ) : task.latestPercent === null ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          <Progress percent={task.latestPercent} size="small" status="active" />
        ),
    },
  ];

  return (
    <>
      <PageHeader title={t('tasks.title')} description={t('tasks.description')} />
      <Card>
        <Flex vertical gap={12} style={{ marginBottom: 16 }}>
          <Flex gap={12} wrap align="center">
            <Input.Search
              allowClear
              defaultValue={url.q}
              placeholder={t('tasks.searchPlaceholder')}
              onSearch={(v) => setUrl({ q: v, page: null })}
              style={{ width: 280 }}
              aria-label={t('common.search')}
            />
            <UnitSelect
              value={url.leadUnitId}
              placeholder={t('tasks.filters.allProvinces')}
              onChange={(v) => setUrl({ leadUnitId: v, page: null })}
              style={{ width: 220 }}
              aria-label={t('tasks.filters.province')}
            />
            <OrganisationSelect
              value={url.leadOrganisationId}
              placeholder={t('tasks.filters.allLeads')}
              onChange={(v) => setUrl({ leadOrganisationId: v, page: null })}
              style={{ width: 300 }}
              aria-label={t('tasks.fields.lead')}
            />
            <Select<TaskSourceKind>
              allowClear
              value={url.sourceKind as TaskSourceKind | undefined}
              placeholder={t('tasks.filters.allSources')}
              options={optionsOf(TASK_SOURCE_KINDS, TASK_SOURCE_LABELS, locale)}
              onChange={(v) => setUrl({ sourceKind: v, page: null })}
              style={{ width: 230 }}
              aria-label={t('tasks.filters.source')}
            />
          </Flex>
          <Flex gap={16} wrap align="center">
            <Segmented<CompletionFacet | 'all'>
              value={completion ?? 'all'}
              options={[
                { value: 'all', label: t('tasks.filters.all') },
                ...COMPLETION_FACETS.map((c) => ({
                  value: c,
                  label: COMPLETION_LABELS[c][locale],
                })),
              ]}
              onChange={(v) =>
                setUrl({ completion: v === 'all' ? null : v, timeliness: null, page: null })
              }
            />
            <Segmented<TimelinessFacet | 'all'>
              value={(url.timeliness as TimelinessFacet | undefined) ?? 'all'}
              options={[
                { value: 'all', label: t('tasks.filters.anyTime') },
                ...TIMELINESS_FOR[completion ?? 'all'].map((v) => ({
                  value: v,
                  label: t(`tasks.timeliness.${v}`),
                })),
              ]}
              onChange={(v) => setUrl({ timeliness: v === 'all' ? null : v, page: null })}
            />
            <Flex gap={4} wrap>
              {toggle('dueSoon', t('tasks.dueSoon'))}
              {toggle('pending', t('tasks.pendingExtension'))}
              {toggle('explanation', t('tasks.openExplanation'))}
            </Flex>
          </Flex>
          <Flex gap={8} wrap align="center">
            <Typography.Text type="secondary">{t('tasks.filters.dueBetween')}</Typography.Text>
            <IsoDatePicker
              value={url.from}
              onChange={(v) => setUrl({ from: v, page: null })}
              placeholder={t('common.fromDate')}
              aria-label={t('common.fromDate')}
            />
            <IsoDatePicker
              value={url.to}
              onChange={(v) => setUrl({ to: v, page: null })}
              placeholder={t('common.toDate')}
              aria-label={t('common.toDate')}
            />
            <Select<TaskPriority>
              allowClear
              value={url.priority as TaskPriority | undefined}
              placeholder={t('tasks.filters.allPriorities')}
              options={optionsOf(TASK_PRIORITIES, TASK_PRIORITY_LABELS, locale)}
              onChange={(v) => setUrl({ priority: v, page: null })}
              style={{ width: 170 }}
              aria-label={t('tasks.fields.priority')}
            />
            <Select<NonNullable<TaskFilters['sort']>>
              value={filters.sort}
              onChange={(v) => setUrl({ sort: v === 'deadline' ? null : v, page: null })}
              style={{ width: 230, marginLeft: 'auto' }}
              aria-label={t('tasks.filters.sort')}
              options={(['deadline', '-deadline', '-assignedOn', 'assignedOn'] as const).map(
                (v) => ({
                  value: v,
                  label: t(`tasks.sort.${v}`),
                }),
              )}
            />
          </Flex>
        </Flex>
        <PagedTable<TaskSummary>
          query={query}
          columns={columns}
          scrollX={1000}
          paging={paging}
          onPage={(page, pageSize) => setUrl({ page, pageSize })}
          emptyText={t('tasks.empty')}
        />
      </Card>
    </>
  );
}
