import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';

/**
 * Last-resort screen when a page fails to render or its code cannot be loaded (e.g. after an
 * update). Plain markup, so that it works even when no other chunk can be fetched.
 */
export function RouteError() {
  const error = useRouteError();
  const { t } = useTranslation();
  const chunkFailed =
    error instanceof TypeError && /dynamically imported module|import/i.test(error.message);
  return (
    <div className="route-error" role="alert">
      <h1>{chunkFailed ? t('errors.newVersion') : t('errors.unexpected')}</h1>
      <p>{chunkFailed ? t('errors.newVersionHint') : t('errors.unexpectedHint')}</p>
      <button type="button" onClick={() => window.location.reload()}>
        {t('common.reload')}
      </button>
    </div>
  );
}
