import { lazy } from 'react';
import { CheckSquareOutlined, TrophyOutlined } from '@ant-design/icons';
import type { FeatureModule } from '../../app/modules';

const TasksPage = lazy(() => import('./TasksPage'));
const TaskDetailPage = lazy(() => import('./TaskDetailPage'));
const LeaguePage = lazy(() => import('./LeaguePage'));

export const taskModule: FeatureModule = {
  routes: [
    { path: 'tasks', element: <TasksPage /> },
    { path: 'tasks/league', element: <LeaguePage /> },
    { path: 'tasks/:id', element: <TaskDetailPage /> },
  ],
  menu: [
    { key: 'tasks', path: '/tasks', icon: <CheckSquareOutlined />, label: 'tasks.menu', order: 40 },
    {
      key: 'tasks/league',
      path: '/tasks/league',
      icon: <TrophyOutlined />,
      label: 'tasks.league.menu',
      order: 45,
    },
  ],
};
