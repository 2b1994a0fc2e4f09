import { lazy } from 'react';
import {
  BarChartOutlined,
  BookOutlined,
  FileTextOutlined,
  FormOutlined,
  PieChartOutlined,
} from '@ant-design/icons';
import type { FeatureModule } from '../../app/modules';

const StatisticsRoutes = lazy(() => import('./StatisticsRoutes'));

/** Anyone holding a role reads statistics, each within their scope. */
const withRole = (me: { user: { assignments: unknown[] } }) => me.user.assignments.length > 0;

export const statisticsModule: FeatureModule = {
  routes: [{ path: 'statistics/*', element: <StatisticsRoutes /> }],
  menuGroup: { key: 'statistics', label: 'statistics.menu.group' },
  menu: [
    {
      key: 'statistics/entry',
      path: '/statistics/entry',
      icon: <FormOutlined />,
      label: 'statistics.menu.entry',
      order: 10,
      visible: withRole,
    },
    {
      key: 'statistics/completeness',
      path: '/statistics/completeness',
      icon: <PieChartOutlined />,
      label: 'statistics.menu.completeness',
      order: 20,
      visible: withRole,
    },
    {
      key: 'statistics/forms',
      path: '/statistics/forms',
      icon: <FileTextOutlined />,
      label: 'statistics.menu.forms',
      order: 30,
      visible: withRole,
    },
    {
      key: 'statistics/catalogue',
      path: '/statistics/catalogue',
      icon: <BookOutlined />,
      label: 'statistics.menu.catalogue',
      order: 40,
      visible: withRole,
    },
    {
      key: 'statistics/analytics',
      path: '/statistics/analytics',
      icon: <BarChartOutlined />,
      label: 'statistics.menu.analytics',
      order: 25,
      visible: withRole,
    },
  ],
};
