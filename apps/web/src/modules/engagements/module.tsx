import { lazy } from 'react';
import { CalendarOutlined } from '@ant-design/icons';
import type { FeatureModule } from '../../app/modules';

const EngagementsPage = lazy(() => import('./EngagementsPage'));
const EngagementDetailPage = lazy(() => import('./EngagementDetailPage'));

export const engagementModule: FeatureModule = {
  routes: [
    { path: 'engagements', element: <EngagementsPage /> },
    { path: 'engagements/:id', element: <EngagementDetailPage /> },
  ],
  menu: [
    {
      key: 'engagements',
      path: '/engagements',
      icon: <CalendarOutlined />,
      label: 'engagements.menu',
      order: 30,
    },
  ],
};
