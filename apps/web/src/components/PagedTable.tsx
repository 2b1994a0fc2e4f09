import type { UseQueryResult } from '@tanstack/react-query';
import { Table, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { serverPagination } from '../lib/table';
import { ErrorAlert } from './QueryState';

interface Page<T> {
  total: number;
  items: T[];
}

/** A server-paged list: its error (with a retry), its rows and its pager. */
export function PagedTable<T extends { id: string | number }>({
  query,
  paging,
  onPage,
  emptyText,
  scrollX,
  ...table
}: {
  query: UseQueryResult<Page<T>>;
  paging: { page: number; pageSize: number };
  onPage: (page: number, pageSize: number) => void;
  emptyText: string;
  scrollX: number;
} & Pick<TableProps<T>, 'columns' | 'expandable'>) {
  const { t } = useTranslation();
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <Table<T>
      rowKey="id"
      scroll={{ x: scrollX }}
      size="middle"
      dataSource={query.data?.items}
      loading={query.isFetching}
      pagination={serverPagination(paging, query.data?.total, onPage, t)}
      locale={{ emptyText }}
      {...table}
    />
  );
}
