import { Navigate, useParams } from 'react-router';
import { buildQuery } from '../../api/client';
import { Loading } from '../../components/Lazy';
import { ErrorResult } from '../../components/QueryState';
import { useReportById } from './api';

/** A report by its id (the link of a notification): opens it on the entry page. */
export default function ReportByIdPage() {
  const { id = '' } = useParams();
  const report = useReportById(id);
  if (report.isPending) return <Loading />;
  if (report.isError) {
    return <ErrorResult error={report.error} onRetry={() => void report.refetch()} />;
  }
  const r = report.data;
  const keys = { formId: r.form.id, periodCode: r.period.code, unitId: r.unit.id };
  return <Navigate replace to={`/statistics/entry${buildQuery(keys)}`} />;
}
