import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './app/global.css';
import { setClientHooks } from './api/client';
import { AppRoot } from './app/AppRoot';
import { initLocale } from './i18n/locale';
import { loadSession, sessionLost } from './modules/auth/session';

setClientHooks({
  onUnauthenticated: sessionLost,
  onPasswordChangeRequired: () => void loadSession(),
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppRoot />
  </StrictMode>,
);

void initLocale()
  .then(loadSession)
  .catch(() => sessionLost());
