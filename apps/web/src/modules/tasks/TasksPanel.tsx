import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Table, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/QueryState';
import { useTasks } from './api';
import { BatchTaskModal } from './BatchTaskModal';
import { useTaskColumns } from './columns';
import type { TaskSummary } from './types';

/** Where tasks come from (see TASK_SOURCE_KINDS in @caunoi/shared). */
export type TaskSource =
  | { sourceKind: 'conclusion_notice'; sourceId: string }
  | { sourceKind: 'directive'; sourceId: string }
  | { sourceKind: 'programme_content'; sourceId: string }
  | { sourceKind: 'proposal'; sourceId: string };

/**
 * The tasks that come from one source (a notice, a directive, a programme content, a proposal),
 * with their status; the assigning side may add several at once.
 */
export function TasksPanel({
  source,
  canCreate = false,
}: {
  source: TaskSource;
  canCreate?: boolean;
}) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const query = useTasks({ ...source, sort: 'assignedOn', pageSize: 500 });
  const col = useTaskColumns();
  const columns: TableProps<TaskSummary>['columns'] = [
    { title: t('tasks.fields.number'), dataIndex: 'number', width: 64 },
    {
      title: t('tasks.columns.task'),
      key: 'title',
      render: (_, task) => <Link to={`/tasks/${task.id}`}>{task.title}</Link>,
    },
    col.lead(220),
    col.deadline(130),
    col.status(230),
  ];
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <Flex vertical gap={12}>
      {canCreate && (
        <Flex justify="flex-end">
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('tasks.batch.open')}
          </Button>
        </Flex>
      )}
      <Table<TaskSummary>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={query.data?.items}
        loading={query.isPending}
        pagination={false}
        scroll={{ x: 760 }}
        locale={{
          emptyText: (
            <Typography.Text type="secondary">{t('tasks.emptyForSource')}</Typography.Text>
          ),
        }}
      />
      {canCreate && (
        <BatchTaskModal source={source} open={adding} onClose={() => setAdding(false)} />
      )}
    </Flex>
  );
}
