import { useSyncExternalStore } from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import type { Locale as AntdLocale } from 'antd/es/locale';
import viVN from 'antd/es/locale/vi_VN';
import type { Locale } from '@caunoi/shared';
import i18n, { loadEnglish } from './index';

const STORAGE_KEY = 'caunoi.locale';

function storedLocale(): Locale {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

let current: Locale = 'vi';
const antdLocales: Partial<Record<Locale, AntdLocale>> = { vi: viVN };
const listeners = new Set<() => void>();

/** Switches i18next, dayjs and Ant Design to `locale` (loading English on first use). */
export async function applyLocale(locale: Locale): Promise<void> {
  if (locale === 'en' && !antdLocales.en) {
    const [, enUS] = await Promise.all([loadEnglish(), import('antd/es/locale/en_US')]);
    antdLocales.en = enUS.default;
  }
  await i18n.changeLanguage(locale);
  dayjs.locale(locale);
  document.documentElement.lang = locale;
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Storage may be unavailable (private mode); the choice then lasts for this page only.
  }
  current = locale;
  listeners.forEach((l) => l());
}

/** Restores the language chosen on this browser before sign-in. */
export function initLocale(): Promise<void> {
  dayjs.locale('vi');
  return applyLocale(storedLocale());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getLocale(): Locale {
  return current;
}

export function useLocale(): Locale {
  return useSyncExternalStore(subscribe, getLocale);
}

export function useAntdLocale(): AntdLocale {
  const locale = useLocale();
  return antdLocales[locale] ?? viVN;
}
