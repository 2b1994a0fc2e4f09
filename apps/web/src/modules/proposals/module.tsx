import { lazy } from 'react';
import { BulbOutlined } from '@ant-design/icons';
import type { FeatureModule } from '../../app/modules';

const ProposalsPage = lazy(() => import('./ProposalsPage'));
const ProposalDetailPage = lazy(() => import('./ProposalDetailPage'));

export const proposalModule: FeatureModule = {
  routes: [
    { path: 'proposals', element: <ProposalsPage /> },
    { path: 'proposals/:id', element: <ProposalDetailPage /> },
  ],
  menu: [
    {
      key: 'proposals',
      path: '/proposals',
      icon: <BulbOutlined />,
      label: 'proposals.menu',
      order: 50,
    },
  ],
};
