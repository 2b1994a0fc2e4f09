import type { TablePaginationConfig } from 'antd';
import type { TFunction } from 'i18next';
import { LIMITS } from '@caunoi/shared';
import { formatNumber } from './format';
import { pageParam } from './useUrlState';

/** Paging read from the address bar (`page`, `pageSize`). */
export function pagingFrom(values: { page?: string; pageSize?: string }) {
  return {
    page: pageParam(values.page),
    pageSize: pageParam(values.pageSize, LIMITS.pageSizeDefault),
  };
}

/** Ant Design pagination for a server-paged list. */
export function serverPagination(
  paging: { page: number; pageSize: number },
  total: number | undefined,
  onChange: (page: number, pageSize: number) => void,
  t: TFunction,
): TablePaginationConfig {
  return {
    current: paging.page,
    pageSize: paging.pageSize,
    total: total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: [20, 50, 100, 200],
    showTotal: (n) => t('common.total', { n: formatNumber(n) }),
    onChange,
  };
}
