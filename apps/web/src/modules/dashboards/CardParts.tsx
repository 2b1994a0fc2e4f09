import type { ReactNode } from 'react';
import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** What a dashboard card says when it has nothing to show. */
export function EmptyNote({ children }: { children: ReactNode }) {
  return (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={children} style={{ margin: 8 }} />
  );
}

/** "See all (n)", opening the full list; nothing when there is nothing to see. */
export function SeeAllLink({ to, n }: { to: string; n: number }) {
  const { t } = useTranslation();
  return n > 0 ? <Link to={to}>{t('dashboards.seeAll', { n })}</Link> : null;
}
