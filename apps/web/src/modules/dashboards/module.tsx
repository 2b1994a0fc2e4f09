import { lazy } from 'react';
import { DashboardOutlined } from '@ant-design/icons';
import type { FeatureModule } from '../../app/modules';

const DashboardPage = lazy(() => import('./DashboardPage'));

export const dashboardModule: FeatureModule = {
  routes: [{ path: 'dashboard', element: <DashboardPage /> }],
  menu: [
    {
      key: 'dashboard',
      path: '/dashboard',
      icon: <DashboardOutlined />,
      label: 'dashboards.menu',
      order: 10,
    },
  ],
};
