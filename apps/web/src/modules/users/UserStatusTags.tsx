import { Flex, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { User } from '../../api/types';

export function UserStatusTags({ user }: { user: User }) {
  const { t } = useTranslation();
  return (
    <Flex gap={4} wrap>
      {user.isActive ? (
        <Tag color="green">{t('users.active')}</Tag>
      ) : (
        <Tag color="default">{t('users.inactive')}</Tag>
      )}
      {user.locked && <Tag color="red">{t('users.locked')}</Tag>}
      {user.mustChangePassword && <Tag color="orange">{t('users.mustChange')}</Tag>}
    </Flex>
  );
}
