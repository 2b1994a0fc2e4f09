import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import NotFoundPage from '../../components/NotFoundPage';

const RunsPage = lazy(() => import('./RunsPage'));
const RunPage = lazy(() => import('./RunPage'));
const ProfilePage = lazy(() => import('./ProfilePage'));
const ComparePage = lazy(() => import('./ComparePage'));
const EditionsPage = lazy(() => import('./EditionsPage'));
const EditionPage = lazy(() => import('./EditionPage'));
const PublishedPage = lazy(() => import('./PublishedPage'));
const AuditPage = lazy(() => import('./AuditPage'));

/**
 * The index's pages under /pii, reached through one lazy import so that the sign-in page's bundle
 * carries a single reference to them; each page is its own chunk.
 */
export default function PiiRoutes() {
  return (
    <Routes>
      <Route index element={<RunsPage />} />
      <Route path="runs" element={<RunsPage />} />
      <Route path="runs/:id" element={<RunPage />} />
      <Route path="runs/:id/units/:unitId" element={<ProfilePage />} />
      <Route path="runs/:id/compare" element={<ComparePage />} />
      <Route path="runs/:id/audit" element={<AuditPage />} />
      <Route path="editions" element={<EditionsPage />} />
      <Route path="editions/:id" element={<EditionPage />} />
      <Route path="published" element={<PublishedPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
