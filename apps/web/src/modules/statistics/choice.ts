import { useEffect } from 'react';
import type { FormDetail, FormListItem } from './types';

/**
 * The form and period last worked on, kept for the browser tab: the entry and completeness
 * pages open on them rather than on the first form, as a user moving between them expects.
 */
const KEY = 'caunoi.statistics.choice';

interface Choice {
  formId?: string;
  periodCode?: string;
}

function read(): Choice {
  try {
    return JSON.parse(sessionStorage.getItem(KEY) ?? '{}') as Choice;
  } catch {
    return {};
  }
}

/** The form to open when none is asked for: the last one used, else the first in use. */
export function defaultFormId(forms: readonly FormListItem[]): string | undefined {
  const last = read().formId;
  if (last && forms.some((f) => f.id === last)) return last;
  return (forms.find((f) => f.active) ?? forms[0])?.id;
}

/** The period to open on a form: the last one used on it, else its newest opened period. */
export function defaultPeriodCode(form: FormDetail): string | undefined {
  const last = read();
  if (last.formId === form.id && form.periods.some((p) => p.code === last.periodCode)) {
    return last.periodCode;
  }
  return form.periods[0]?.code;
}

/** Remembers the form and period shown. */
export function useRememberChoice(formId: string | undefined, periodCode: string | undefined) {
  useEffect(() => {
    if (!formId || !periodCode) return;
    try {
      sessionStorage.setItem(KEY, JSON.stringify({ formId, periodCode }));
    } catch {
      // Storage may be unavailable (private mode): the pages then open on the first form.
    }
  }, [formId, periodCode]);
}

type ChoiceQuery = { formId?: string | undefined; periodCode?: string | undefined };

/**
 * Fills in the address when it names no form or no period: the last form used, else the first in
 * use, then its period (see `defaultFormId`, `defaultPeriodCode`).
 */
export function useDefaultChoice(
  q: ChoiceQuery,
  setQ: (patch: { formId?: string; periodCode?: string }) => void,
  forms: readonly FormListItem[] | undefined,
  form: FormDetail | undefined,
) {
  useEffect(() => {
    if (!q.formId && forms) {
      const formId = defaultFormId(forms);
      if (formId) setQ({ formId });
    }
  }, [q.formId, forms, setQ]);
  useEffect(() => {
    if (form && form.id === q.formId && !q.periodCode) {
      const periodCode = defaultPeriodCode(form);
      if (periodCode) setQ({ periodCode });
    }
  }, [form, q.formId, q.periodCode, setQ]);
}
