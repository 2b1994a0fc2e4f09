import { lazy, Suspense, useState, type ReactNode } from 'react';
import { Card, Col, Flex, Row, Segmented, Skeleton, Statistic, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { buildQuery } from '../../api/client';
import { useTaskColumns } from '../tasks/columns';
import type { LeagueGroup, LeagueRow, TaskSummary } from '../tasks/types';
import { cardProps } from './cards';
import { EmptyNote, SeeAllLink } from './CardParts';
import type { Dashboard, TaskCounts } from './types';

const LeadChart = lazy(() => import('./LeadChart'));

/**
 * The tasks list filtered to the dashboard's tasks (and a facet): the province's, or the Ministry
 * unit's (the list filters by one lead organisation at a time).
 */
function tasksLink(d: Dashboard, facet: Record<string, string> = {}): string {
  const { focus, organisations } = d.tasks;
  const whose =
    focus === 'province' && d.unit
      ? { leadUnitId: d.unit.id }
      : focus === 'organisation' && organisations.length === 1
        ? { leadOrganisationId: organisations[0]!.id }
        : {};
  return `/tasks${buildQuery({ ...whose, ...facet })}`;
}

/** One card per facet, each opening the tasks list filtered by it (the numbers match). */
const FACETS: Array<{
  key: Exclude<keyof TaskCounts, 'open' | 'done'>;
  filter: Record<string, string>;
  color?: string;
}> = [
  { key: 'total', filter: {} },
  { key: 'withinDeadline', filter: { timeliness: 'within_deadline' }, color: '#0958d9' },
  { key: 'dueSoon', filter: { dueSoon: '1' }, color: '#d46b08' },
  { key: 'overdue', filter: { timeliness: 'overdue' }, color: '#cf1322' },
  { key: 'onTime', filter: { timeliness: 'on_time' }, color: '#389e0d' },
  { key: 'late', filter: { timeliness: 'late' }, color: '#d4380d' },
  { key: 'pendingExtensions', filter: { pending: '1' }, color: '#531dab' },
  { key: 'openExplanations', filter: { explanation: '1' }, color: '#c41d7f' },
];

export function TaskCards({ d }: { d: Dashboard }) {
  const { t } = useTranslation();
  const { counts, focus, organisations } = d.tasks;
  const whose =
    focus === 'province' && d.unit
      ? d.unit.nameVi
      : organisations.map((o) => o.nameVi).join(', ') || null;
  return (
    <section aria-labelledby="dashboard-tasks" style={{ marginBottom: 16 }}>
      <Flex justify="space-between" align="baseline" gap={12} wrap style={{ marginBottom: 8 }}>
        <Typography.Title level={5} id="dashboard-tasks" style={{ margin: 0 }}>
          {whose ? t('dashboards.tasks.whose', { name: whose }) : t('dashboards.tasks.all')}
        </Typography.Title>
        <Link to={tasksLink(d)}>{t('dashboards.tasks.openList')}</Link>
      </Flex>
      <Row gutter={[12, 12]}>
        {FACETS.map(({ key, filter, color }) => (
          <Col key={key} xs={12} md={6}>
            <Link to={tasksLink(d, filter)} data-testid={`facet-${key}`}>
              <Card size="small" hoverable style={{ height: '100%' }}>
                <Statistic
                  title={t(`dashboards.facets.${key}`, { n: d.dueSoonDays })}
                  value={counts[key]}
                  styles={{ content: { color: counts[key] > 0 ? color : undefined } }}
                />
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </section>
  );
}

function TaskTable({
  tasks,
  columns,
  empty,
}: {
  tasks: TaskSummary[];
  columns: TableProps<TaskSummary>['columns'];
  empty: string;
}) {
  if (tasks.length === 0) return <EmptyNote>{empty}</EmptyNote>;
  return (
    <Table<TaskSummary>
      size="small"
      rowKey="id"
      dataSource={tasks}
      columns={columns}
      pagination={false}
      tableLayout="fixed"
      scroll={{ x: 620 }}
    />
  );
}

function TaskCard({
  title,
  total,
  link,
  children,
}: {
  title: string;
  total: number;
  link: string;
  children: ReactNode;
}) {
  return (
    <Card {...cardProps} title={title} extra={<SeeAllLink to={link} n={total} />}>
      {children}
    </Card>
  );
}

/** The overdue tasks, the most days late first. */
export function OverdueCard({ d }: { d: Dashboard }) {
  const { t } = useTranslation();
  const col = useTaskColumns();
  return (
    <TaskCard
      title={t('dashboards.overdue.title')}
      total={d.tasks.counts.overdue}
      link={tasksLink(d, { timeliness: 'overdue' })}
    >
      <TaskTable
        tasks={d.tasks.overdue}
        empty={t('dashboards.overdue.empty')}
        columns={[
          col.task({ ellipsis: true }),
          col.lead(210),
          col.deadline(120),
          {
            title: t('dashboards.overdue.late'),
            key: 'late',
            width: 100,
            align: 'right',
            render: (_, x) => (
              <Typography.Text type="danger" strong>
                {t('tasks.daysLate', { n: x.daysLate })}
              </Typography.Text>
            ),
          },
        ]}
      />
    </TaskCard>
  );
}

/** The tasks not completed yet, the soonest due first (the overdue ones lead). */
export function OpenTasksCard({ d }: { d: Dashboard }) {
  const { t } = useTranslation();
  const col = useTaskColumns();
  return (
    <TaskCard
      title={t('dashboards.open.title')}
      total={d.tasks.counts.open}
      link={tasksLink(d, { completion: 'open' })}
    >
      <TaskTable
        tasks={d.tasks.open}
        empty={t('dashboards.open.empty')}
        columns={[col.task({ ellipsis: true }), col.deadline(120), col.status(200)]}
      />
    </TaskCard>
  );
}

/** Tasks by lead unit, as the league table counts them, as stacked bars. */
export function LeadCard({
  rows,
}: {
  rows: { organisations: LeagueRow[]; provinces: LeagueRow[] };
}) {
  const { t } = useTranslation();
  const [group, setGroup] = useState<LeagueGroup>('province');
  const shown = group === 'province' ? rows.provinces : rows.organisations;
  return (
    <Card
      {...cardProps}
      title={t('dashboards.leads.title')}
      extra={
        <Link to={`/tasks/league${buildQuery({ groupBy: group })}`}>
          {t('dashboards.leads.league')}
        </Link>
      }
    >
      <Segmented<LeagueGroup>
        block
        size="small"
        value={group}
        onChange={setGroup}
        options={[
          { value: 'province', label: t('dashboards.leads.provinces') },
          { value: 'organisation', label: t('dashboards.leads.organisations') },
        ]}
        style={{ marginBottom: 8 }}
      />
      {shown.length === 0 ? (
        <EmptyNote>{t('dashboards.leads.empty')}</EmptyNote>
      ) : (
        <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: 240 }} />}>
          <LeadChart rows={shown} group={group} />
        </Suspense>
      )}
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
        {t('dashboards.leads.hint')}
      </Typography.Paragraph>
    </Card>
  );
}
