import { Suspense, type ReactNode } from 'react';
import Spin from 'antd/es/spin';

/** A spinner while a page's code is being loaded. */
export function Loading({ fullPage = false }: { fullPage?: boolean }) {
  return (
    <div className="boot-spinner" style={fullPage ? { minHeight: '100vh' } : undefined}>
      <Spin size="large" />
    </div>
  );
}

export function Lazy({ children, fullPage = false }: { children: ReactNode; fullPage?: boolean }) {
  return <Suspense fallback={<Loading fullPage={fullPage} />}>{children}</Suspense>;
}
