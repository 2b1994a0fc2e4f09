import { useState } from 'react';
import {
  ApartmentOutlined,
  ApiOutlined,
  AuditOutlined,
  EnvironmentOutlined,
  LogoutOutlined,
  TeamOutlined,
  UserOutlined,
  IdcardOutlined,
  SettingOutlined,
} from '@ant-design/icons';
import { App, Avatar, Dropdown, Flex, Layout, Menu, Typography, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { Lazy } from '../components/Lazy';
import { Logo } from '../components/Logo';
import { useLocale } from '../i18n/locale';
import { assignmentLabel, isSystemAdmin } from '../modules/auth/permissions';
import { signOut, useMe } from '../modules/auth/session';
import { FEATURE_MODULES, type ModuleMenuItem } from './modules';
import { Workspace } from './Workspace';
import styles from './Shell.module.css';

const { Header, Sider, Content, Footer } = Layout;

function ShellLayout() {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useMe();
  const { user } = me;
  const { message } = App.useApp();
  const location = useLocation();
  const navigate = useNavigate();
  const [collapsed, setCollapsed] = useState(false);
  const admin = isSystemAdmin(user);
  const section = location.pathname.split('/')[1] || 'units';
  const roles = user.assignments.map((a) => assignmentLabel(a, locale, t('scope.national')));

  const shown = (items: ModuleMenuItem[]) =>
    items.filter((item) => item.visible?.(me) ?? true).sort((a, b) => a.order - b.order);
  const coordination = shown(FEATURE_MODULES.filter((m) => !m.menuGroup).flatMap((m) => m.menu));
  // Modules with a navigation group of their own (statistics), after coordination.
  const ownGroups = FEATURE_MODULES.flatMap((m) =>
    m.menuGroup ? [{ ...m.menuGroup, items: shown(m.menu) }] : [],
  ).filter((g) => g.items.length > 0);
  // The most specific module entry wins: /tasks/league is not /tasks.
  const selected =
    [...coordination, ...ownGroups.flatMap((g) => g.items)]
      .filter((i) => location.pathname === i.path || location.pathname.startsWith(`${i.path}/`))
      .sort((a, b) => b.path.length - a.path.length)[0]?.key ?? section;
  const entry = (item: ModuleMenuItem) => ({
    key: item.key,
    icon: item.icon,
    label: <Link to={item.path}>{t(item.label as never)}</Link>,
  });

  const groups: MenuProps['items'] = [
    ...(coordination.length > 0
      ? [
          {
            key: 'coordination',
            type: 'group' as const,
            label: t('nav.coordination'),
            children: coordination.map(entry),
          },
        ]
      : []),
    ...ownGroups.map((g) => ({
      key: g.key,
      type: 'group' as const,
      label: t(g.label as never),
      children: g.items.map(entry),
    })),
    {
      key: 'directory',
      type: 'group',
      label: t('nav.directory'),
      children: [
        {
          key: 'units',
          icon: <EnvironmentOutlined />,
          label: <Link to="/units">{t('nav.units')}</Link>,
        },
        {
          key: 'organisations',
          icon: <ApartmentOutlined />,
          label: <Link to="/organisations">{t('nav.organisations')}</Link>,
        },
        {
          key: 'people',
          icon: <IdcardOutlined />,
          label: <Link to="/people">{t('nav.people')}</Link>,
        },
      ],
    },
    ...(admin
      ? [
          {
            key: 'admin',
            type: 'group' as const,
            label: t('nav.admin'),
            children: [
              {
                key: 'users',
                icon: <TeamOutlined />,
                label: <Link to="/users">{t('nav.users')}</Link>,
              },
              {
                key: 'audit',
                icon: <AuditOutlined />,
                label: <Link to="/audit">{t('nav.audit')}</Link>,
              },
              {
                key: 'api-docs',
                icon: <ApiOutlined />,
                label: (
                  <a href="/api/docs" target="_blank" rel="noopener noreferrer">
                    {t('nav.apiDocs')}
                  </a>
                ),
              },
            ],
          },
        ]
      : []),
    {
      key: 'personal',
      type: 'group',
      label: t('nav.personal'),
      children: [
        {
          key: 'account',
          icon: <SettingOutlined />,
          label: <Link to="/account">{t('nav.account')}</Link>,
        },
      ],
    },
  ];

  // Collapsed, the menu shows icons only: group titles give way to dividers.
  const items: MenuProps['items'] = collapsed
    ? groups.flatMap((g, i) => [
        ...(i > 0 ? [{ type: 'divider' as const, key: `divider-${i}` }] : []),
        ...(g && 'children' in g && g.children ? g.children : []),
      ])
    : groups;

  const logout = async () => {
    try {
      await signOut();
    } catch (e) {
      message.error((e as Error).message);
    }
    navigate('/login', { replace: true });
  };

  const userMenu: MenuProps = {
    items: [
      {
        key: 'who',
        disabled: true,
        label: (
          <div className={styles.userCard}>
            <Typography.Text strong>{user.displayName}</Typography.Text>
            <Typography.Text type="secondary">{user.username}</Typography.Text>
            {roles.map((r) => (
              <Typography.Text key={r} type="secondary" className={styles.small}>
                {r}
              </Typography.Text>
            ))}
          </div>
        ),
      },
      { type: 'divider' },
      { key: 'account', icon: <UserOutlined />, label: t('nav.account') },
      { key: 'logout', icon: <LogoutOutlined />, label: t('auth.logout'), danger: true },
    ],
    onClick: ({ key }) => {
      if (key === 'account') navigate('/account');
      if (key === 'logout') void logout();
    },
  };

  return (
    <Layout className={styles.root}>
      <Header className={styles.header}>
        <Link to="/" className={styles.brand}>
          <Logo size={30} />
          <span className={styles.brandName}>{t('app.name')}</span>
          <span className={styles.brandTagline}>{t('app.ministry')}</span>
        </Link>
        <Flex align="center" gap={16}>
          {FEATURE_MODULES.map((m, i) => m.headerExtra && <span key={i}>{m.headerExtra()}</span>)}
          <LanguageSwitch size="small" onError={(e) => message.error(e.message)} />
          <Dropdown menu={userMenu} trigger={['click']} placement="bottomRight">
            <button type="button" className={styles.userButton} aria-label={t('nav.userMenu')}>
              <Avatar size={30} className={styles.avatar} icon={<UserOutlined />} />
              <span className={styles.userText}>
                <span className={styles.userName}>{user.displayName}</span>
                <span className={styles.userRole}>
                  {roles[0] ?? t('scope.noRole')}
                  {roles.length > 1 ? ` +${roles.length - 1}` : ''}
                </span>
              </span>
            </button>
          </Dropdown>
        </Flex>
      </Header>
      <Layout>
        <Sider
          width={232}
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          breakpoint="lg"
          theme="light"
          className={styles.sider}
        >
          <nav aria-label={t('nav.main')}>
            <Menu mode="inline" selectedKeys={[selected]} items={items} className={styles.menu} />
          </nav>
        </Sider>
        <Layout>
          <Content className={styles.content}>
            <Lazy>
              <Outlet />
            </Lazy>
          </Content>
          <Footer className={styles.footer}>{t('app.footer')}</Footer>
        </Layout>
      </Layout>
    </Layout>
  );
}

export default function Shell() {
  return (
    <Workspace>
      <ShellLayout />
    </Workspace>
  );
}
