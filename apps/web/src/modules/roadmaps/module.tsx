import { lazy } from 'react';
import { ScheduleOutlined } from '@ant-design/icons';
import type { FeatureModule } from '../../app/modules';

const RoadmapsPage = lazy(() => import('./RoadmapsPage'));
const RoadmapPage = lazy(() => import('./RoadmapPage'));

export const roadmapModule: FeatureModule = {
  routes: [
    { path: 'roadmaps', element: <RoadmapsPage /> },
    { path: 'roadmaps/:id', element: <RoadmapPage /> },
  ],
  menu: [
    {
      key: 'roadmaps',
      path: '/roadmaps',
      icon: <ScheduleOutlined />,
      label: 'roadmaps.menu',
      order: 60,
    },
  ],
};
