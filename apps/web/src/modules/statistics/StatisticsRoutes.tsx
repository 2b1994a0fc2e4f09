import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import NotFoundPage from '../../components/NotFoundPage';

const EntryPage = lazy(() => import('./EntryPage'));
const ReportByIdPage = lazy(() => import('./ReportByIdPage'));
const CompletenessPage = lazy(() => import('./CompletenessPage'));
const FormsPage = lazy(() => import('./FormsPage'));
const FormDetailPage = lazy(() => import('./FormDetailPage'));
const CataloguePage = lazy(() => import('./CataloguePage'));
const AnalyticsPage = lazy(() => import('./analytics/AnalyticsPage'));

/**
 * The statistics pages under /statistics, reached through one lazy import so that the sign-in
 * page's bundle carries a single reference to them; each page is its own chunk.
 */
export default function StatisticsRoutes() {
  return (
    <Routes>
      <Route index element={<EntryPage />} />
      <Route path="entry" element={<EntryPage />} />
      <Route path="reports/:id" element={<ReportByIdPage />} />
      <Route path="completeness" element={<CompletenessPage />} />
      <Route path="forms" element={<FormsPage />} />
      <Route path="forms/:id" element={<FormDetailPage />} />
      <Route path="catalogue" element={<CataloguePage />} />
      <Route path="analytics" element={<AnalyticsPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
