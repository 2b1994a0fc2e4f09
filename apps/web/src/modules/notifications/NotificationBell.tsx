import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Divider, Empty, Flex, List, Popover, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useLatestNotifications, useMarkAllRead, useMarkRead } from './api';
import { NotificationItem } from './NotificationItem';
import type { AppNotification } from './types';

/** The header's bell: the unread count, and the latest notifications linking to their records. */
export default function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const latest = useLatestNotifications();
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const unread = latest.data?.unread ?? 0;
  const items = latest.data?.items ?? [];

  const go = (n: AppNotification) => {
    if (n.readAt === null) markRead.mutate(n.id);
    setOpen(false);
    if (n.path) navigate(n.path);
  };

  const content = (
    <Flex vertical style={{ width: 380, maxWidth: 'calc(100vw - 32px)' }}>
      <Flex justify="space-between" align="center">
        <Typography.Text strong>{t('notifications.title')}</Typography.Text>
        {unread > 0 && items[0] && (
          <Button
            type="link"
            size="small"
            loading={markAll.isPending}
            onClick={() => markAll.mutate(items[0]!.createdAt)}
          >
            {t('notifications.markAllRead')}
          </Button>
        )}
      </Flex>
      <Divider style={{ margin: '8px 0' }} />
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
      ) : (
        <List<AppNotification>
          size="small"
          dataSource={items}
          style={{ maxHeight: 420, overflowY: 'auto' }}
          renderItem={(n) => (
            <List.Item
              onClick={() => go(n)}
              style={{ cursor: n.path ? 'pointer' : 'default', paddingInline: 4 }}
            >
              <NotificationItem n={n} compact />
            </List.Item>
          )}
        />
      )}
      <Divider style={{ margin: '8px 0' }} />
      <Link to="/notifications" onClick={() => setOpen(false)} style={{ textAlign: 'center' }}>
        {t('notifications.seeAll')}
      </Link>
    </Flex>
  );

  return (
    <Popover
      content={content}
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={setOpen}
      arrow={false}
    >
      <Badge count={unread} size="small" overflowCount={99} offset={[-4, 4]}>
        <Button
          type="text"
          shape="circle"
          aria-label={t('notifications.bell', { count: unread })}
          icon={<BellOutlined style={{ color: '#fff', fontSize: 18 }} />}
        />
      </Badge>
    </Popover>
  );
}
