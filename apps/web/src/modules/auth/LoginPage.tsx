import { useState, type FormEvent } from 'react';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { Logo } from '../../components/Logo';
import { signIn, useSession } from './session';
import styles from './auth.module.css';

/** Only paths inside the application are followed after sign-in. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export default function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const session = useSession();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [touched, setTouched] = useState(false);
  const next = safeNext(params.get('next'));

  if (session.status === 'authenticated' && !submitting) return <Navigate to={next} replace />;

  const missingUsername = touched && username.trim() === '';
  const missingPassword = touched && password === '';

  // A plain form rather than Ant Design's Form: this page is the first one loaded, and two
  // required fields do not need a validation framework.
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setTouched(true);
    if (username.trim() === '' || password === '') return;
    setSubmitting(true);
    setError(null);
    try {
      const me = await signIn(username.trim(), password);
      navigate(
        me.user.mustChangePassword ? `/change-password?next=${encodeURIComponent(next)}` : next,
        { replace: true },
      );
    } catch (e) {
      setError(e instanceof Error ? e.message : t('errors.unexpected'));
      setSubmitting(false);
    }
  };

  return (
    <div className={styles.page}>
      <div className={styles.topBar}>
        <LanguageSwitch onError={(e) => setError(e.message)} />
      </div>
      <main className={styles.split}>
        <section className={styles.brandPanel}>
          <Logo size={56} />
          <div>
            <h1 className={styles.productName}>{t('app.name')}</h1>
            <p className={styles.subtitle}>{t('app.tagline')}</p>
          </div>
          <ul className={styles.features}>
            <li>{t('login.feature1')}</li>
            <li>{t('login.feature2')}</li>
            <li>{t('login.feature3')}</li>
          </ul>
          <div className={styles.ministry}>{t('app.ministryFull')}</div>
        </section>
        <section className={styles.formPanel}>
          <h2 className={styles.formTitle}>{t('login.title')}</h2>
          <p className={styles.muted}>{t('login.intro')}</p>
          {session.status === 'anonymous' && session.reason === 'expired' && !error && (
            <Alert
              type="info"
              showIcon
              title={t('login.sessionExpired')}
              style={{ marginBottom: 16 }}
            />
          )}
          {error && (
            <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />
          )}
          <form onSubmit={(e) => void onSubmit(e)} noValidate className={styles.form}>
            <label className={styles.field}>
              <span className={styles.label}>{t('login.username')}</span>
              <Input
                size="large"
                name="username"
                prefix={<UserOutlined />}
                value={username}
                onChange={(e) => setUsername(e.target.value)}
                status={missingUsername ? 'error' : undefined}
                disabled={submitting}
                autoComplete="username"
                autoFocus
                autoCapitalize="none"
                spellCheck={false}
                aria-invalid={missingUsername}
              />
              {missingUsername && (
                <span className={styles.fieldError}>{t('login.usernameRequired')}</span>
              )}
            </label>
            <label className={styles.field}>
              <span className={styles.label}>{t('login.password')}</span>
              <Input.Password
                size="large"
                name="password"
                prefix={<LockOutlined />}
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                status={missingPassword ? 'error' : undefined}
                disabled={submitting}
                autoComplete="current-password"
                aria-invalid={missingPassword}
              />
              {missingPassword && (
                <span className={styles.fieldError}>{t('login.passwordRequired')}</span>
              )}
            </label>
            <Button type="primary" htmlType="submit" size="large" block loading={submitting}>
              {t('login.submit')}
            </Button>
          </form>
          <p className={`${styles.muted} ${styles.help}`}>{t('login.help')}</p>
        </section>
      </main>
    </div>
  );
}
