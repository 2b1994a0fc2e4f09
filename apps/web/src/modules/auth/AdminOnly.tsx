import type { ReactNode } from 'react';
import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { isSystemAdmin } from './permissions';
import { useMe } from './session';

/** Administration pages: other users get a 403 page instead. */
export default function AdminOnly({ children }: { children: ReactNode }) {
  const { user } = useMe();
  const { t } = useTranslation();
  if (!isSystemAdmin(user)) {
    return <Result status="403" title="403" subTitle={t('errors.adminOnly')} />;
  }
  return children;
}
