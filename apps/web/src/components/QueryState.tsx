import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { Alert, Button, Result, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';

/** A full-size error: 404 and 403 get their own pictures, others a retry button. */
export function ErrorResult({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const status = isApiError(error) ? error.status : 0;
  const message = error instanceof Error ? error.message : t('errors.unexpected');
  if (status === 404) {
    return <Result status="404" title={t('errors.notFoundTitle')} subTitle={message} />;
  }
  if (status === 403) return <Result status="403" title="403" subTitle={message} />;
  return (
    <Result
      status="error"
      title={t('errors.loadFailed')}
      subTitle={message}
      extra={
        onRetry && (
          <Button type="primary" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )
      }
    />
  );
}

/** An inline error for a part of a page (a panel, a table). */
export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="error"
      showIcon
      title={t('errors.loadFailed')}
      description={error instanceof Error ? error.message : String(error)}
      action={
        onRetry && (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )
      }
    />
  );
}

/** Renders `children(data)` once the query has data; a skeleton before, an error on failure. */
export function QueryState<T>({
  query,
  children,
  inline = false,
}: {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
  inline?: boolean;
}) {
  if (query.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (query.isError) {
    const retry = () => void query.refetch();
    return inline ? (
      <ErrorAlert error={query.error} onRetry={retry} />
    ) : (
      <ErrorResult error={query.error} onRetry={retry} />
    );
  }
  return <>{children(query.data)}</>;
}
