import { useEffect, type ReactNode } from 'react';
import { Breadcrumb, Flex, Typography } from 'antd';
import { Link } from 'react-router';

interface Crumb {
  title: ReactNode;
  to?: string;
}

/** Title row of a page: breadcrumbs, title, a short description and actions on the right. */
export function PageHeader({
  title,
  tags,
  description,
  breadcrumbs,
  extra,
}: {
  title: ReactNode;
  /** Status tags shown beside the title. */
  tags?: ReactNode;
  description?: ReactNode;
  breadcrumbs?: Crumb[];
  extra?: ReactNode;
}) {
  useEffect(() => {
    if (typeof title !== 'string') return;
    document.title = `${title} · Cầu Nối`;
    return () => {
      document.title = 'Cầu Nối';
    };
  }, [title]);
  return (
    <div style={{ marginBottom: 16 }}>
      {breadcrumbs && (
        <Breadcrumb
          style={{ marginBottom: 8 }}
          items={breadcrumbs.map((c) => ({
            title: c.to ? <Link to={c.to}>{c.title}</Link> : c.title,
          }))}
        />
      )}
      <Flex justify="space-between" align="flex-start" gap={16} wrap>
        <div style={{ minWidth: 0 }}>
          <Flex align="center" gap={12} wrap>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {title}
            </Typography.Title>
            {tags}
          </Flex>
          {description && (
            <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
              {description}
            </Typography.Text>
          )}
        </div>
        {extra && (
          <Flex gap={8} wrap>
            {extra}
          </Flex>
        )}
      </Flex>
    </div>
  );
}
