import { lazy } from 'react';
import { ApartmentOutlined, CalculatorOutlined, TrophyOutlined } from '@ant-design/icons';
import type { FeatureModule } from '../../app/modules';
import { readsPii } from './access';

const PiiRoutes = lazy(() => import('./PiiRoutes'));

/** The Provincial Innovation Index: its own "Chỉ số ĐMST" menu group, pages under /pii. */
export const piiModule: FeatureModule = {
  routes: [{ path: 'pii/*', element: <PiiRoutes /> }],
  menuGroup: { key: 'pii', label: 'pii.menu.group' },
  menu: [
    {
      key: 'pii/runs',
      path: '/pii/runs',
      icon: <CalculatorOutlined />,
      label: 'pii.menu.runs',
      order: 10,
      visible: readsPii,
    },
    {
      key: 'pii/editions',
      path: '/pii/editions',
      icon: <ApartmentOutlined />,
      label: 'pii.menu.editions',
      order: 20,
      visible: readsPii,
    },
    {
      key: 'pii/published',
      path: '/pii/published',
      icon: <TrophyOutlined />,
      label: 'pii.menu.published',
      order: 30,
      visible: readsPii,
    },
  ],
};
