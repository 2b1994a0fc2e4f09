import { lazy, Suspense } from 'react';
import { BellOutlined, MailOutlined } from '@ant-design/icons';
import type { FeatureModule } from '../../app/modules';
import { isSystemAdmin } from '../auth/permissions';

const NotificationBell = lazy(() => import('./NotificationBell'));
const NotificationsPage = lazy(() => import('./NotificationsPage'));
const OutboxPage = lazy(() => import('./OutboxPage'));
const AdminOnly = lazy(() => import('../auth/AdminOnly'));

export const notificationModule: FeatureModule = {
  routes: [
    { path: 'notifications', element: <NotificationsPage /> },
    {
      path: 'system/outbox',
      element: (
        <AdminOnly>
          <OutboxPage />
        </AdminOnly>
      ),
    },
  ],
  menu: [
    {
      key: 'system',
      path: '/system/outbox',
      icon: <MailOutlined />,
      label: 'notifications.outbox.menu',
      order: 90,
      visible: (me) => isSystemAdmin(me.user),
    },
  ],
  headerExtra: () => (
    <Suspense fallback={<BellOutlined style={{ color: '#fff', fontSize: 18 }} />}>
      <NotificationBell />
    </Suspense>
  ),
};
