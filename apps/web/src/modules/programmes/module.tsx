import { lazy } from 'react';
import { FileProtectOutlined } from '@ant-design/icons';
import type { FeatureModule } from '../../app/modules';

const ProgrammesPage = lazy(() => import('./ProgrammesPage'));
const ProgrammeDetailPage = lazy(() => import('./ProgrammeDetailPage'));

export const programmeModule: FeatureModule = {
  routes: [
    { path: 'programmes', element: <ProgrammesPage /> },
    { path: 'programmes/:id', element: <ProgrammeDetailPage /> },
  ],
  menu: [
    {
      key: 'programmes',
      path: '/programmes',
      icon: <FileProtectOutlined />,
      label: 'programmes.menu',
      order: 20,
    },
  ],
};
