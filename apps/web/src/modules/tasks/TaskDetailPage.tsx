import { useState, type ReactNode } from 'react';
import {
  CheckCircleOutlined,
  DeleteOutlined,
  EditOutlined,
  FieldTimeOutlined,
  FileTextOutlined,
  QuestionCircleOutlined,
  RollbackOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Progress,
  Table,
  Tag,
  Timeline,
  Typography,
  type TableProps,
  type TimelineProps,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { RECURRENCE_LABELS, TASK_PRIORITY_LABELS, TASK_SOURCE_LABELS } from '@caunoi/shared';
import { Attachments } from '../../components/Attachments';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { useLocale } from '../../i18n/locale';
import { formatDate, formatDateTime } from '../../lib/format';
import { useApiErrorHandler } from '../../lib/forms';
import { useDeleteTask, useReopen, useTask } from './api';
import { DeadlineText, FacetTags, OrganisationWithUnit } from './FacetTags';
import { TaskActionModal, type TaskAction } from './TaskActionModals';
import type { Obligation, TaskDetail } from './types';

const Paragraph = ({ children }: { children: ReactNode }) => (
  <Typography.Paragraph style={{ whiteSpace: 'pre-line', marginBottom: 4 }}>
    {children}
  </Typography.Paragraph>
);

const by = (who: { displayName: string } | null) => (who ? ` · ${who.displayName}` : '');

/** Reports, extensions, explanations and completion, newest first. */
function History({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const events: Array<{ at: string; item: NonNullable<TimelineProps['items']>[number] }> = [];
  const label = (text: string) => <Typography.Text strong>{text}</Typography.Text>;
  events.push({
    at: task.assignedOn,
    item: {
      key: 'assigned',
      color: 'gray',
      title: formatDate(task.assignedOn),
      content: label(t('tasks.history.assigned', { by: task.assignedBy.nameVi })),
    },
  });
  for (const r of task.reports) {
    events.push({
      at: `${r.reportedOn}T${r.createdAt.slice(11)}`,
      item: {
        key: r.id,
        color: 'blue',
        title: formatDate(r.reportedOn),
        content: (
          <>
            {label(
              r.cycle
                ? t('tasks.history.cycleReport', { cycle: r.cycle })
                : t('tasks.history.report'),
            )}
            <Typography.Text type="secondary">{by(r.reportedBy)}</Typography.Text>
            {r.percent !== null && (
              <Progress
                percent={r.percent}
                size="small"
                style={{ display: 'block', maxWidth: 240 }}
              />
            )}
            <Paragraph>{r.narrative}</Paragraph>
            {r.difficulties && (
              <Paragraph>
                <Typography.Text type="secondary">
                  {t('tasks.report.difficulties')}:{' '}
                </Typography.Text>
                {r.difficulties}
              </Paragraph>
            )}
            {r.requests && (
              <Paragraph>
                <Typography.Text type="secondary">{t('tasks.report.requests')}: </Typography.Text>
                {r.requests}
              </Paragraph>
            )}
            <Attachments
              entityType="task_report"
              entityId={r.id}
              purposes={['evidence']}
              canEdit={task.can.attach}
            />
          </>
        ),
      },
    });
  }
  for (const x of task.extensions) {
    events.push({
      at: x.requestedAt,
      item: {
        key: `${x.id}-asked`,
        color: 'purple',
        title: formatDateTime(x.requestedAt),
        content: (
          <>
            {label(
              t('tasks.history.extensionAsked', {
                from: formatDate(x.previousDeadline),
                to: formatDate(x.requestedDeadline),
              }),
            )}
            <Typography.Text type="secondary">{by(x.requestedBy)}</Typography.Text>
            <Paragraph>{x.reason}</Paragraph>
          </>
        ),
      },
    });
    if (x.decidedAt) {
      events.push({
        at: x.decidedAt,
        item: {
          key: `${x.id}-decided`,
          color: x.status === 'approved' ? 'green' : 'red',
          title: formatDateTime(x.decidedAt),
          content: (
            <>
              {label(
                x.status === 'approved'
                  ? t('tasks.history.extensionApproved', { to: formatDate(x.requestedDeadline) })
                  : t('tasks.history.extensionRefused'),
              )}
              <Typography.Text type="secondary">{by(x.decidedBy)}</Typography.Text>
              {x.decisionNote && <Paragraph>{x.decisionNote}</Paragraph>}
            </>
          ),
        },
      });
    }
  }
  for (const x of task.explanations) {
    events.push({
      at: x.requestedAt,
      item: {
        key: `${x.id}-asked`,
        color: 'red',
        title: formatDateTime(x.requestedAt),
        content: (
          <>
            {label(t('tasks.history.explanationAsked'))}
            <Typography.Text type="secondary">
              {by(x.requestedBy)}
              {x.answerDueOn &&
                ` · ${t('tasks.history.answerBy', { date: formatDate(x.answerDueOn) })}`}
            </Typography.Text>
            <Paragraph>{x.requestText}</Paragraph>
          </>
        ),
      },
    });
    if (x.answeredAt) {
      events.push({
        at: x.answeredAt,
        item: {
          key: `${x.id}-answered`,
          color: 'blue',
          title: formatDateTime(x.answeredAt),
          content: (
            <>
              {label(t('tasks.history.explanationAnswered'))}
              <Typography.Text type="secondary">{by(x.answeredBy)}</Typography.Text>
              <Paragraph>{x.answerText}</Paragraph>
            </>
          ),
        },
      });
    }
  }
  if (task.completedOn) {
    events.push({
      at: `${task.completedOn}T23:59:59`,
      item: {
        key: 'completed',
        color: 'green',
        title: formatDate(task.completedOn),
        content: (
          <>
            {label(t('tasks.history.completed'))}
            {task.completionOutput && <Paragraph>{task.completionOutput}</Paragraph>}
          </>
        ),
      },
    });
  }
  events.sort((a, b) => b.at.localeCompare(a.at));
  return <Timeline titleSpan="170px" items={events.map((e) => e.item)} />;
}

function Obligations({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const columns: TableProps<Obligation>['columns'] = [
    { title: t('tasks.obligations.cycle'), dataIndex: 'cycle', width: 110 },
    {
      title: t('tasks.obligations.period'),
      key: 'period',
      render: (_, o) => `${formatDate(o.startsOn)} – ${formatDate(o.dueOn)}`,
    },
    { title: t('tasks.obligations.due'), dataIndex: 'dueOn', width: 120, render: formatDate },
    {
      title: t('tasks.obligations.reported'),
      dataIndex: 'closedOn',
      width: 130,
      render: formatDate,
    },
    {
      title: t('tasks.columns.status'),
      key: 'status',
      width: 280,
      render: (_, o) => <FacetTags facets={o} />,
    },
  ];
  return (
    <Table<Obligation>
      rowKey={(o) => o.cycle ?? o.dueOn}
      size="small"
      columns={columns}
      dataSource={[...task.obligations].reverse()}
      pagination={false}
      scroll={{ x: 720 }}
      locale={{ emptyText: t('tasks.obligations.none') }}
    />
  );
}

function Detail({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const { modal, message } = App.useApp();
  const onError = useApiErrorHandler();
  const [action, setAction] = useState<TaskAction | null>(null);
  const remove = useDeleteTask();
  const reopen = useReopen(task.id);
  const can = task.can;
  const pending = task.extensions.find((e) => e.status === 'pending');
  const unanswered = task.explanations.find((x) => x.answerText === null);
  const extended = task.originalDeadline !== null && task.originalDeadline !== task.deadline;

  const confirm = (title: string, content: string, run: () => Promise<unknown>, danger = false) =>
    modal.confirm({
      title,
      content,
      okText: t('tasks.actions.confirm'),
      okButtonProps: { danger },
      cancelText: t('common.cancel'),
      onOk: () => run().catch((e: unknown) => onError(e)),
    });

  const actions = [
    can.report && (
      <Button
        key="report"
        type="primary"
        icon={<FileTextOutlined />}
        onClick={() => setAction({ kind: 'report' })}
      >
        {t('tasks.actions.report')}
      </Button>
    ),
    can.complete && (
      <Button
        key="complete"
        icon={<CheckCircleOutlined />}
        onClick={() => setAction({ kind: 'complete' })}
      >
        {t('tasks.actions.complete')}
      </Button>
    ),
    can.requestExtension && (
      <Button
        key="extension"
        icon={<FieldTimeOutlined />}
        onClick={() => setAction({ kind: 'extension' })}
      >
        {t('tasks.actions.requestExtension')}
      </Button>
    ),
    can.requestExplanation && (
      <Button
        key="explanation"
        danger
        icon={<QuestionCircleOutlined />}
        onClick={() => setAction({ kind: 'explanation' })}
      >
        {t('tasks.actions.requestExplanation')}
      </Button>
    ),
    can.reopen && (
      <Button
        key="reopen"
        icon={<RollbackOutlined />}
        loading={reopen.isPending}
        onClick={() =>
          confirm(t('tasks.actions.reopen'), t('tasks.actions.reopenConfirm'), () =>
            reopen.mutateAsync(undefined).then(() => message.success(t('tasks.actions.reopened'))),
          )
        }
      >
        {t('tasks.actions.reopen')}
      </Button>
    ),
    can.edit && (
      <Button key="edit" icon={<EditOutlined />} onClick={() => setAction({ kind: 'edit' })}>
        {t('common.edit')}
      </Button>
    ),
    can.delete && (
      <Button
        key="delete"
        danger
        icon={<DeleteOutlined />}
        loading={remove.isPending}
        onClick={() =>
          confirm(
            t('tasks.actions.deleteTitle'),
            t('tasks.actions.deleteConfirm', { title: task.title }),
            () =>
              remove.mutateAsync(task.id).then(() => {
                message.success(t('tasks.actions.deleted'));
                navigate('/tasks', { replace: true });
              }),
            true,
          )
        }
      >
        {t('common.delete')}
      </Button>
    ),
  ].filter(Boolean);

  return (
    <>
      <PageHeader
        breadcrumbs={[
          { title: t('tasks.title'), to: '/tasks' },
          { title: task.number ? t('tasks.numbered', { n: task.number }) : t('tasks.one') },
        ]}
        title={task.title}
        tags={<FacetTags facets={task} />}
        extra={actions}
      />
      <Flex vertical gap={16}>
        {pending && (
          <Alert
            type="warning"
            showIcon
            title={t('tasks.extension.pending', {
              from: formatDate(pending.previousDeadline),
              to: formatDate(pending.requestedDeadline),
            })}
            description={pending.reason}
            action={
              can.decideExtension && (
                <Button
                  size="small"
                  type="primary"
                  onClick={() => setAction({ kind: 'decide', extension: pending })}
                >
                  {t('tasks.actions.decideExtension')}
                </Button>
              )
            }
          />
        )}
        {unanswered && (
          <Alert
            type="error"
            showIcon
            title={
              unanswered.answerDueOn
                ? t('tasks.explanation.openBy', { date: formatDate(unanswered.answerDueOn) })
                : t('tasks.explanation.open')
            }
            description={unanswered.requestText}
            action={
              can.answerExplanation && (
                <Button
                  size="small"
                  type="primary"
                  onClick={() => setAction({ kind: 'answer', explanation: unanswered })}
                >
                  {t('tasks.actions.answerExplanation')}
                </Button>
              )
            }
          />
        )}
        <Card title={t('tasks.general')}>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              {
                key: 'source',
                label: t('tasks.fields.source'),
                span: 'filled',
                children: (
                  <Flex vertical>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {TASK_SOURCE_LABELS[task.source.kind][locale]}
                    </Typography.Text>
                    {task.source.path ? (
                      <Link to={task.source.path}>{task.source.label}</Link>
                    ) : (
                      task.source.label
                    )}
                  </Flex>
                ),
              },
              { key: 'number', label: t('tasks.fields.number'), children: task.number ?? '—' },
              {
                key: 'priority',
                label: t('tasks.fields.priority'),
                children: (
                  <Tag color={task.priority === 'high' ? 'red' : undefined}>
                    {TASK_PRIORITY_LABELS[task.priority][locale]}
                  </Tag>
                ),
              },
              {
                key: 'assignedBy',
                label: t('tasks.fields.assignedBy'),
                children: task.assignedBy.nameVi,
              },
              {
                key: 'assignedOn',
                label: t('tasks.fields.assignedOn'),
                children: formatDate(task.assignedOn),
              },
              {
                key: 'lead',
                label: t('tasks.fields.lead'),
                children: (
                  <Link to={`/organisations/${task.leadOrganisation.id}`}>
                    <OrganisationWithUnit org={task.leadOrganisation} />
                  </Link>
                ),
              },
              {
                key: 'cooperators',
                label: t('tasks.fields.cooperators'),
                children:
                  task.cooperators.length === 0 ? (
                    '—'
                  ) : (
                    <Flex vertical gap={4}>
                      {task.cooperators.map((c) => (
                        <Link key={c.id} to={`/organisations/${c.id}`}>
                          <OrganisationWithUnit org={c} />
                        </Link>
                      ))}
                    </Flex>
                  ),
              },
              task.recurrence
                ? {
                    key: 'recurrence',
                    label: t('tasks.fields.recurrence'),
                    children: `${RECURRENCE_LABELS[task.recurrence][locale]} · ${
                      task.recurrenceEndsOn
                        ? t('tasks.until', { date: formatDate(task.recurrenceEndsOn) })
                        : t('tasks.fields.noEnd')
                    }`,
                  }
                : {
                    key: 'deadline',
                    label: t('tasks.fields.deadline'),
                    children: (
                      <Flex vertical>
                        <DeadlineText task={task} />
                        {extended && (
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {t('tasks.extendedFrom', { date: formatDate(task.originalDeadline) })}
                          </Typography.Text>
                        )}
                      </Flex>
                    ),
                  },
              {
                key: 'progress',
                label: t('tasks.columns.progress'),
                children:
                  task.latestPercent === null ? (
                    '—'
                  ) : (
                    <Progress percent={task.latestPercent} size="small" style={{ maxWidth: 240 }} />
                  ),
              },
              {
                key: 'product',
                label: t('tasks.fields.expectedProduct'),
                span: 'filled',
                children: task.expectedProduct ?? '—',
              },
              ...(task.completion === 'done'
                ? [
                    {
                      key: 'doneOn',
                      label: t('tasks.complete.completedOn'),
                      children: formatDate(task.doneOn),
                    },
                    {
                      key: 'output',
                      label: t('tasks.complete.output'),
                      children: task.completionOutput ?? '—',
                    },
                  ]
                : []),
              {
                key: 'description',
                label: t('tasks.fields.description'),
                span: 'filled',
                children: task.description ? (
                  <span style={{ whiteSpace: 'pre-line' }}>{task.description}</span>
                ) : (
                  '—'
                ),
              },
            ]}
          />
        </Card>
        {task.recurrence && (
          <Card title={t('tasks.obligations.title')}>
            <Obligations task={task} />
          </Card>
        )}
        <Card title={t('tasks.history.title')}>
          <History task={task} />
        </Card>
        <Card title={t('tasks.files')}>
          <Attachments
            entityType="task"
            entityId={task.id}
            purposes={task.completion === 'done' ? ['output', 'evidence'] : ['evidence', 'output']}
            canEdit={can.attach}
          />
        </Card>
      </Flex>
      {action && <TaskActionModal task={task} action={action} onClose={() => setAction(null)} />}
    </>
  );
}

export default function TaskDetailPage() {
  const { id = '' } = useParams();
  const query = useTask(id);
  return <QueryState query={query}>{(task) => <Detail task={task} />}</QueryState>;
}
