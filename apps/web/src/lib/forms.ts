import { useCallback } from 'react';
import { App, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';

const toNamePath = (path: string) =>
  path.split('.').map((seg) => (/^\d+$/.test(seg) ? Number(seg) : seg));

/**
 * Reports a failed request: field errors from the server's `details` go onto the form's fields,
 * the server's (Vietnamese) message is shown otherwise.
 */
export function useApiErrorHandler() {
  const { message } = App.useApp();
  const { t } = useTranslation();
  return useCallback(
    (error: unknown, form?: FormInstance, rename: (path: string) => string = (p) => p) => {
      if (isApiError(error) && form) {
        const known = new Set(Object.keys(form.getFieldsValue(true) as object));
        const fields = error.fieldIssues
          .map((i) => ({ ...i, path: rename(i.path) }))
          .filter((i) => known.has(i.path.split('.')[0] ?? ''))
          .map((i) => ({ name: toNamePath(i.path), errors: [i.message] }));
        if (fields.length > 0) {
          form.setFields(fields);
          // A validation error's message lists raw field paths; the fields now say it better.
          message.error(
            error.code === 'VALIDATION_ERROR' ? t('errors.checkFields') : error.message,
          );
          return;
        }
      }
      message.error(error instanceof Error ? error.message : t('errors.unexpected'));
    },
    [message, t],
  );
}

/** Turns blank strings into null, as the API expects for optional text. */
export function blankToNull<T extends object>(values: T): T {
  return Object.fromEntries(
    Object.entries(values).map(([k, v]) => [
      k,
      typeof v === 'string' && v.trim() === '' ? null : v,
    ]),
  ) as T;
}

/** Validation rule: this (end) date is not before the date in `fromField`. */
export function endAfterStart(fromField: string, message: string) {
  return ({ getFieldValue }: { getFieldValue: (name: string) => unknown }) => ({
    validator: (_: unknown, value: string | null | undefined) => {
      const from = getFieldValue(fromField) as string | null | undefined;
      return !value || !from || from <= value
        ? Promise.resolve()
        : Promise.reject(new Error(message));
    },
  });
}

/** Validation rule: this field repeats the value of `field` (password confirmation). */
export function sameAs(field: string, message: string) {
  return ({ getFieldValue }: { getFieldValue: (name: string) => unknown }) => ({
    validator: (_: unknown, value: unknown) =>
      !value || value === getFieldValue(field)
        ? Promise.resolve()
        : Promise.reject(new Error(message)),
  });
}
