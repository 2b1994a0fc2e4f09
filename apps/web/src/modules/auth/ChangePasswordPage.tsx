import { App, Alert, Button, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { Logo } from '../../components/Logo';
import { Workspace } from '../../app/Workspace';
import { ChangePasswordForm } from './ChangePasswordForm';
import { loadSession, signOut, useMe } from './session';
import styles from './auth.module.css';

/** Shown when the account must change its password before using the application. */
function ChangePassword() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { user } = useMe();
  const next = params.get('next');
  const target = next && next.startsWith('/') && !next.startsWith('//') ? next : '/';

  return (
    <div className={styles.page}>
      <div className={styles.topBar}>
        <LanguageSwitch onError={(e) => message.error(e.message)} />
      </div>
      <Card className={styles.card}>
        <Flex align="center" gap={12} style={{ marginBottom: 16 }}>
          <Logo size={40} />
          <div>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('account.changePasswordTitle')}
            </Typography.Title>
            <Typography.Text type="secondary">
              {user.displayName} ({user.username})
            </Typography.Text>
          </div>
        </Flex>
        {user.mustChangePassword && (
          <Alert
            type="warning"
            showIcon
            title={t('account.mustChangeNotice')}
            style={{ marginBottom: 16 }}
          />
        )}
        <ChangePasswordForm
          onChanged={async () => {
            message.success(t('account.passwordChanged'));
            await loadSession();
            navigate(target, { replace: true });
          }}
        />
        <Button
          type="link"
          style={{ paddingInline: 0, marginTop: 12 }}
          onClick={() => void signOut().finally(() => navigate('/login', { replace: true }))}
        >
          {t('auth.logout')}
        </Button>
      </Card>
    </div>
  );
}

export default function ChangePasswordPage() {
  return (
    <Workspace>
      <ChangePassword />
    </Workspace>
  );
}
