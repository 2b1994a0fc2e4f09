import { CheckOutlined } from '@ant-design/icons';
import { Button, Card, Flex, List, Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert } from '../../components/QueryState';
import { serverPagination, pagingFrom } from '../../lib/table';
import { useUrlState } from '../../lib/useUrlState';
import { useMarkAllRead, useMarkRead, useNotifications } from './api';
import { NotificationItem } from './NotificationItem';
import type { AppNotification } from './types';

const KEYS = ['unread', 'page', 'pageSize'] as const;

export default function NotificationsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [url, setUrl] = useUrlState(KEYS);
  const paging = pagingFrom(url);
  const query = useNotifications({ unreadOnly: url.unread === '1', ...paging });
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const newest = query.data?.items[0];
  // The list's pager takes the table's settings but places itself.
  const { position: _position, ...pagination } = serverPagination(
    paging,
    query.data?.total,
    (page, pageSize) => setUrl({ page, pageSize }),
    t,
  );

  return (
    <>
      <PageHeader
        title={t('notifications.title')}
        description={t('notifications.description')}
        extra={
          !!query.data?.unread &&
          newest && (
            <Button
              icon={<CheckOutlined />}
              loading={markAll.isPending}
              onClick={() => markAll.mutate(newest.createdAt)}
            >
              {t('notifications.markAllRead')}
            </Button>
          )
        }
      />
      <Card>
        <Flex style={{ marginBottom: 12 }}>
          <Segmented
            value={url.unread === '1' ? 'unread' : 'all'}
            options={[
              { value: 'all', label: t('notifications.all') },
              {
                value: 'unread',
                label: t('notifications.unreadCount', { n: query.data?.unread ?? 0 }),
              },
            ]}
            onChange={(v) => setUrl({ unread: v === 'unread' ? '1' : null, page: null })}
          />
        </Flex>
        {query.isError ? (
          <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <List<AppNotification>
            loading={query.isFetching}
            dataSource={query.data?.items ?? []}
            locale={{ emptyText: t('notifications.empty') }}
            pagination={pagination}
            renderItem={(n) => (
              <List.Item
                actions={[
                  ...(n.path
                    ? [
                        <Button
                          key="open"
                          type="link"
                          onClick={() => {
                            if (n.readAt === null) markRead.mutate(n.id);
                            navigate(n.path!);
                          }}
                        >
                          {t('notifications.open')}
                        </Button>,
                      ]
                    : []),
                  ...(n.readAt === null
                    ? [
                        <Button key="read" type="link" onClick={() => markRead.mutate(n.id)}>
                          {t('notifications.markRead')}
                        </Button>,
                      ]
                    : []),
                ]}
              >
                <NotificationItem n={n} />
              </List.Item>
            )}
          />
        )}
      </Card>
    </>
  );
}
