import { useEffect, type ReactNode } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { App } from 'antd';
import { queryClient } from './queryClient';

/**
 * Context for the signed-in screens: the data cache and Ant Design's message, notification and
 * modal hooks. The cache is dropped when the screens unmount (sign-out, expired session).
 */
export function Workspace({ children }: { children: ReactNode }) {
  useEffect(() => () => queryClient.clear(), []);
  return (
    <QueryClientProvider client={queryClient}>
      <App>{children}</App>
    </QueryClientProvider>
  );
}
