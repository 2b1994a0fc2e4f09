import { lazy, type ReactNode } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { RequireAuth, RequireSession } from '../modules/auth/guards';
import { Lazy } from '../components/Lazy';
import { RouteError } from '../components/RouteError';
import { loadDeferredMessages } from '../i18n';
import { FEATURE_MODULES } from './modules';

const LoginPage = lazy(() => import('../modules/auth/LoginPage'));
const ChangePasswordPage = lazy(() => import('../modules/auth/ChangePasswordPage'));
// The signed-in screens come with the messages of the modules loaded after sign-in.
const Shell = lazy(() =>
  Promise.all([import('./Shell'), loadDeferredMessages()]).then(([shell]) => shell),
);
const UnitsPage = lazy(() => import('../modules/units/UnitsPage'));
const UnitDetailPage = lazy(() => import('../modules/units/UnitDetailPage'));
const OrganisationsPage = lazy(() => import('../modules/organisations/OrganisationsPage'));
const OrganisationDetailPage = lazy(
  () => import('../modules/organisations/OrganisationDetailPage'),
);
const PeoplePage = lazy(() => import('../modules/people/PeoplePage'));
const PersonDetailPage = lazy(() => import('../modules/people/PersonDetailPage'));
const UsersPage = lazy(() => import('../modules/users/UsersPage'));
const UserDetailPage = lazy(() => import('../modules/users/UserDetailPage'));
const AuditPage = lazy(() => import('../modules/audit/AuditPage'));
const AccountPage = lazy(() => import('../modules/profile/AccountPage'));
const NotFoundPage = lazy(() => import('../components/NotFoundPage'));
const AdminOnly = lazy(() => import('../modules/auth/AdminOnly'));

const admin = (page: ReactNode) => <AdminOnly>{page}</AdminOnly>;

export const router = createBrowserRouter([
  {
    errorElement: <RouteError />,
    children: [
      {
        path: '/login',
        element: (
          <Lazy fullPage>
            <LoginPage />
          </Lazy>
        ),
      },
      {
        path: '/change-password',
        element: (
          <RequireSession>
            <Lazy fullPage>
              <ChangePasswordPage />
            </Lazy>
          </RequireSession>
        ),
      },
      {
        path: '/',
        element: (
          <RequireAuth>
            <Lazy fullPage>
              <Shell />
            </Lazy>
          </RequireAuth>
        ),
        children: [
          { index: true, element: <Navigate to="/dashboard" replace /> },
          { path: 'units', element: <UnitsPage /> },
          { path: 'units/:id', element: <UnitDetailPage /> },
          { path: 'organisations', element: <OrganisationsPage /> },
          { path: 'organisations/:id', element: <OrganisationDetailPage /> },
          { path: 'people', element: <PeoplePage /> },
          { path: 'people/:id', element: <PersonDetailPage /> },
          { path: 'users', element: admin(<UsersPage />) },
          { path: 'users/:id', element: admin(<UserDetailPage />) },
          { path: 'audit', element: admin(<AuditPage />) },
          { path: 'account', element: <AccountPage /> },
          ...FEATURE_MODULES.flatMap((m) => m.routes),
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
