import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setNetworkErrorMessage } from '../api/client';
import core from './vi.json';
import dashboardsVi from '../modules/dashboards/i18n/vi.json';
import programmesVi from '../modules/programmes/i18n/vi.json';
import engagementsVi from '../modules/engagements/i18n/vi.json';
import tasksVi from '../modules/tasks/i18n/vi.json';
import proposalsVi from '../modules/proposals/i18n/vi.json';
import roadmapsVi from '../modules/roadmaps/i18n/vi.json';
import notificationsVi from '../modules/notifications/i18n/vi.json';
// Only the type: these messages are loaded with the signed-in screens, see `loadDeferredMessages`.
import type statisticsVi from '../modules/statistics/i18n/vi.json';
import type piiVi from '../modules/pii/i18n/vi.json';
import type piiEditionsVi from '../modules/pii/i18n/vi.editions.json';

/** The Vietnamese messages: the core file plus each feature module's own file. */
const vi = {
  ...core,
  ...dashboardsVi,
  ...programmesVi,
  ...engagementsVi,
  ...tasksVi,
  ...proposalsVi,
  ...roadmapsVi,
  ...notificationsVi,
};

export type Messages = typeof vi & typeof statisticsVi & typeof piiVi & typeof piiEditionsVi;

type Tree = { [key: string]: unknown };
const isTree = (v: unknown): v is Tree => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Two message files merged key by key (the index's pages keep their messages in two files). */
function deepMerge<A extends object, B extends object>(a: A, b: B): A & B {
  const out: Tree = { ...(a as Tree) };
  for (const [key, value] of Object.entries(b)) {
    const prior = out[key];
    out[key] = isTree(prior) && isTree(value) ? deepMerge(prior, value) : value;
  }
  return out as A & B;
}

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

void i18n.use(initReactI18next).init({
  lng: 'vi',
  fallbackLng: 'vi',
  resources: { vi: { translation: vi } },
  interpolation: { escapeValue: false },
  initAsync: false,
});

/** Loads the English messages (kept out of the initial bundle). */
export async function loadEnglish(): Promise<void> {
  if (i18n.hasResourceBundle('en', 'translation')) return;
  const [
    core,
    dashboards,
    programmes,
    engagements,
    tasks,
    proposals,
    roadmaps,
    notifications,
    statistics,
    pii,
    piiEditions,
  ] = await Promise.all([
    import('./en.json'),
    import('../modules/dashboards/i18n/en.json'),
    import('../modules/programmes/i18n/en.json'),
    import('../modules/engagements/i18n/en.json'),
    import('../modules/tasks/i18n/en.json'),
    import('../modules/proposals/i18n/en.json'),
    import('../modules/roadmaps/i18n/en.json'),
    import('../modules/notifications/i18n/en.json'),
    import('../modules/statistics/i18n/en.json'),
    import('../modules/pii/i18n/en.json'),
    import('../modules/pii/i18n/en.editions.json'),
  ]);
  // Typed: a key missing from an English file fails the type check.
  const messages: Messages = {
    ...core.default,
    ...dashboards.default,
    ...programmes.default,
    ...engagements.default,
    ...tasks.default,
    ...proposals.default,
    ...roadmaps.default,
    ...notifications.default,
    ...statistics.default,
    ...deepMerge(pii.default, piiEditions.default),
  };
  i18n.addResourceBundle('en', 'translation', messages);
}

let deferred: Promise<void> | undefined;

/**
 * The Vietnamese messages of the modules kept out of the sign-in page's bundle (statistics, the
 * innovation index), loaded once with the signed-in screens; their English comes with `loadEnglish`.
 */
export function loadDeferredMessages(): Promise<void> {
  deferred ??= Promise.all([
    import('../modules/statistics/i18n/vi.json'),
    import('../modules/pii/i18n/vi.json'),
    import('../modules/pii/i18n/vi.editions.json'),
  ])
    .then(([statistics, pii, piiEditions]) => {
      i18n.addResourceBundle('vi', 'translation', statistics.default, true, true);
      i18n.addResourceBundle(
        'vi',
        'translation',
        deepMerge(pii.default, piiEditions.default),
        true,
        true,
      );
    })
    .catch((error: unknown) => {
      deferred = undefined;
      throw error;
    });
  return deferred;
}

export default i18n;

const syncNetworkMessage = () => setNetworkErrorMessage(i18n.t('errors.network'));
i18n.on('languageChanged', syncNetworkMessage);
syncNetworkMessage();
