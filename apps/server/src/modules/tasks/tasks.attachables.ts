import type { Queryable } from '../../db/database.js';
import type { AttachableEntities } from '../attachments/attachments.registry.js';
import { cooperatorsOf, findReport, findTask } from './tasks.repo.js';
import { targetsOf } from './tasks.service.js';

async function taskTargets(q: Queryable, taskId: string | undefined) {
  const task = taskId ? await findTask(q, taskId) : undefined;
  return task ? targetsOf(q, task, await cooperatorsOf(q, [task.id])) : null;
}

const reportTargets = async (q: Queryable, id: string) =>
  taskTargets(q, (await findReport(q, id))?.taskId);

/**
 * Files of a task: its evidence and output document, and the evidence of each progress report.
 * Whoever reads the task reads them; the lead unit adds and removes them.
 */
export const tasksAttachables: AttachableEntities = {
  task: {
    label: 'nhiệm vụ',
    target: async (q, id) => (await taskTargets(q, id))?.read ?? null,
    writeTarget: async (q, id) => (await taskTargets(q, id))?.lead ?? null,
    readAction: 'coordination.read',
    writeAction: 'tasks.report',
    purposes: ['evidence', 'output'],
  },
  task_report: {
    label: 'báo cáo tiến độ',
    target: async (q, id) => (await reportTargets(q, id))?.read ?? null,
    writeTarget: async (q, id) => (await reportTargets(q, id))?.lead ?? null,
    readAction: 'coordination.read',
    writeAction: 'tasks.report',
    purposes: ['evidence'],
  },
};
