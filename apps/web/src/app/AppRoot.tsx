import type { ThemeConfig } from 'antd';
// Imported directly, not through antd's index, to keep the initial bundle to what it needs.
import ConfigProvider from 'antd/es/config-provider';
import { RouterProvider } from 'react-router';
import { useAntdLocale } from '../i18n/locale';
import { router } from './router';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#0b4f8a',
    colorLink: '#0b5cad',
    colorInfo: '#0b5cad',
    borderRadius: 6,
    fontSize: 14,
  },
  components: {
    Layout: { headerBg: '#0b3f6e', headerHeight: 56, headerPadding: '0 20px', siderBg: '#ffffff' },
    Table: { headerBg: '#f0f3f7' },
    Menu: {
      itemSelectedBg: '#e6eef7',
      itemSelectedColor: '#0b4f8a',
      itemHoverBg: '#f0f4f9',
      groupTitleColor: '#8a94a6',
    },
  },
};

/**
 * The initial bundle holds only what every screen needs (theme, language, router); data fetching
 * and Ant Design's feedback components come with the pages, see `Workspace`.
 */
export function AppRoot() {
  const locale = useAntdLocale();
  return (
    <ConfigProvider locale={locale} theme={theme}>
      <RouterProvider router={router} />
    </ConfigProvider>
  );
}
