import { Flex, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DeadlineText, FacetTags, OrganisationWithUnit } from './FacetTags';
import type { TaskSummary } from './types';

type Column = NonNullable<TableProps<TaskSummary>['columns']>[number];

/**
 * The columns every table of tasks shares (the tasks list, a source's tasks, the dashboards),
 * each at the width its table gives it.
 */
export function useTaskColumns() {
  const { t } = useTranslation();
  return {
    /** Number and title linking to the task, with its source below (`ellipsis` in narrow cards). */
    task: (options: { width?: number; ellipsis?: boolean } = {}): Column => ({
      title: t('tasks.columns.task'),
      key: 'task',
      width: options.width,
      render: (_, task) => (
        <Flex vertical gap={2}>
          <Link to={`/tasks/${task.id}`}>
            {task.number ? `${task.number}. ` : ''}
            {task.title}
          </Link>
          <Typography.Text
            type="secondary"
            style={{ fontSize: 12 }}
            ellipsis={options.ellipsis ?? false}
          >
            {task.source.label}
          </Typography.Text>
        </Flex>
      ),
    }),
    lead: (width: number): Column => ({
      title: t('tasks.fields.lead'),
      key: 'lead',
      width,
      render: (_, task) => <OrganisationWithUnit org={task.leadOrganisation} />,
    }),
    deadline: (width: number): Column => ({
      title: t('tasks.columns.deadline'),
      key: 'deadline',
      width,
      render: (_, task) => <DeadlineText task={task} />,
    }),
    status: (width: number): Column => ({
      title: t('tasks.columns.status'),
      key: 'status',
      width,
      render: (_, task) => <FacetTags facets={task} />,
    }),
  };
}
