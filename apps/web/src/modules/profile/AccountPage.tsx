import { App, Card, Col, Descriptions, Radio, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Locale } from '@caunoi/shared';
import { PageHeader } from '../../components/PageHeader';
import { useLocale } from '../../i18n/locale';
import { formatDateTime } from '../../lib/format';
import { ChangePasswordForm } from '../auth/ChangePasswordForm';
import { changeLocale, useMe } from '../auth/session';
import { AssignmentTags } from '../users/AssignmentTags';
import { ApiTokensCard } from './ApiTokensCard';

export default function AccountPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const locale = useLocale();
  const { user } = useMe();
  return (
    <>
      <PageHeader title={t('account.title')} description={t('account.description')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={t('account.profile')} style={{ height: '100%' }}>
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'username', label: t('users.username'), children: user.username },
                { key: 'displayName', label: t('users.displayName'), children: user.displayName },
                { key: 'email', label: t('common.email'), children: user.email ?? '—' },
                {
                  key: 'org',
                  label: t('users.organisation'),
                  children: user.organisationName ?? '—',
                },
                {
                  key: 'roles',
                  label: t('users.assignments'),
                  children: <AssignmentTags assignments={user.assignments} />,
                },
                {
                  key: 'last',
                  label: t('users.lastLogin'),
                  children: user.lastLoginAt ? formatDateTime(user.lastLoginAt) : t('users.never'),
                },
                {
                  key: 'language',
                  label: t('account.language'),
                  children: (
                    <Radio.Group
                      value={locale}
                      onChange={(e) => {
                        changeLocale(e.target.value as Locale)
                          .then(() => message.success(i18n.t('account.languageSaved')))
                          .catch((err: Error) => message.error(err.message));
                      }}
                      options={[
                        { value: 'vi', label: 'Tiếng Việt' },
                        { value: 'en', label: 'English' },
                      ]}
                    />
                  ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('account.changePassword')} style={{ height: '100%' }}>
            <ChangePasswordForm
              onChanged={() => void message.success(t('account.passwordChanged'))}
            />
          </Card>
        </Col>
        <Col span={24}>
          <ApiTokensCard />
        </Col>
      </Row>
    </>
  );
}
