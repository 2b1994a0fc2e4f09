import {
  evaluateRule,
  parseCellValue,
  parseRule,
  type ParsedRule,
  type ValueType,
} from '@caunoi/shared';
import type {
  Blocker,
  CellInput,
  CellRef,
  Labelled,
  ReportCell,
  ReportIndicator,
  ReportView,
  RuleResult,
} from '../types';

/**
 * The entry grid's model, free of React: its rows, the marks on its cells, how typed and pasted
 * text becomes a pending batch, and how a refused batch maps back onto cells.
 */

export const cellKeyOf = (c: CellRef) => `${c.indicatorCode}\u0001${c.optionCode}`;

export type GridRow =
  | { kind: 'group'; key: string; code: string; name: string }
  /** A disaggregated indicator's own line: its name and its total, computed, read-only. */
  | { kind: 'total'; key: string; indicator: ReportIndicator }
  /** A typed cell: the indicator itself, or one option of its disaggregation. */
  | {
      kind: 'cell';
      key: string;
      indicator: ReportIndicator;
      cell: ReportCell;
      /** Position among the typed cells, for keyboard moves. */
      position: number;
      /** An option line, shown under its indicator's total. */
      nested: boolean;
    };

/** Rows grouped by indicator group, in the form's order, each group once. */
export function gridRows(
  indicators: readonly ReportIndicator[],
  groups: readonly Labelled[],
  locale: 'vi' | 'en',
): GridRow[] {
  const byGroup = new Map<string, ReportIndicator[]>();
  for (const i of indicators) {
    const list = byGroup.get(i.group);
    if (list) list.push(i);
    else byGroup.set(i.group, [i]);
  }
  const names = new Map(groups.map((g) => [g.code, locale === 'en' ? g.nameEn : g.nameVi]));
  const rows: GridRow[] = [];
  let position = 0;
  for (const [code, list] of byGroup) {
    rows.push({ kind: 'group', key: `group:${code}`, code, name: names.get(code) ?? code });
    for (const indicator of list) {
      const disaggregated = indicator.cells.some((c) => c.optionCode !== '');
      if (disaggregated) {
        rows.push({
          kind: 'total',
          key: cellKeyOf({ indicatorCode: indicator.code, optionCode: '' }),
          indicator,
        });
      }
      for (const cell of indicator.cells) {
        rows.push({
          kind: 'cell',
          key: cellKeyOf({ indicatorCode: indicator.code, optionCode: cell.optionCode }),
          indicator,
          cell,
          position: position++,
          nested: disaggregated,
        });
      }
    }
  }
  return rows;
}

export type MarkKind = 'error' | 'warning' | 'evidence' | 'outlier' | 'invalid';

export interface Mark {
  kind: MarkKind;
  message: string;
  ruleCode?: string;
  /** A warning explained by a comment on one of its cells. */
  explained?: boolean;
}

const SEVERITY: Record<MarkKind, number> = {
  invalid: 0,
  error: 1,
  evidence: 2,
  warning: 3,
  outlier: 4,
};

/** The strongest mark of a cell decides its colour. */
export function strongest(marks: readonly Mark[]): Mark | undefined {
  return [...marks].sort((a, b) => SEVERITY[a.kind] - SEVERITY[b.kind])[0];
}

export interface MarkTexts {
  rule: (r: RuleResult) => string;
  outlier: (against: 'history' | 'peers', z: number | null, references: number) => string;
}

/**
 * The marks of each cell: failed rules (on the cells they read; a total's rule also on its
 * options, through which it is corrected), missing evidence, and outlier flags.
 */
export function cellMarks(
  view: ReportView,
  live: LiveState,
  texts: MarkTexts,
): Map<string, Mark[]> {
  const marks = new Map<string, Mark[]>();
  const add = (key: string, mark: Mark) => {
    const list = marks.get(key);
    if (!list) marks.set(key, [mark]);
    else if (!list.some((m) => m.kind === mark.kind && m.message === mark.message)) list.push(mark);
  };
  for (const rule of live.rules) {
    if (rule.status !== 'failed') continue;
    const mark: Mark = {
      kind: rule.severity,
      message: texts.rule(rule),
      ruleCode: rule.code,
      ...(rule.severity === 'warning' ? { explained: !live.unexplained.has(rule.code) } : {}),
    };
    for (const key of expandedCells(view, rule.cells)) add(key, mark);
  }
  for (const b of view.blockers) {
    if (b.code !== 'EVIDENCE_MISSING') continue;
    for (const cell of b.cells ?? [])
      add(cellKeyOf(cell), { kind: 'evidence', message: b.message });
  }
  for (const o of view.outliers) {
    add(cellKeyOf(o), {
      kind: 'outlier',
      message: texts.outlier(o.against, o.z ?? o.modifiedZ, o.references),
    });
  }
  return marks;
}

/** A rule's cells as grid keys: a disaggregated indicator's total brings its options along. */
function expandedCells(view: ReportView, cells: readonly CellRef[]): string[] {
  const out: string[] = [];
  for (const cell of cells) {
    out.push(cellKeyOf(cell));
    if (cell.optionCode !== '') continue;
    const indicator = view.indicators.find((i) => i.code === cell.indicatorCode);
    for (const c of indicator?.cells ?? []) {
      if (c.optionCode !== '')
        out.push(cellKeyOf({ indicatorCode: cell.indicatorCode, optionCode: c.optionCode }));
    }
  }
  return out;
}

/* ───────────── Checking as the user types ───────────── */

/** The report's rules and computed figures on the values as they stand, pending edits included. */
export interface LiveState {
  rules: RuleResult[];
  /** Codes of failed warnings with no comment on any of their cells. */
  unexplained: Set<string>;
  /** By indicator: a disaggregated indicator's total, or a ratio computed from its components. */
  derived: Map<string, number | null>;
}

const typedNumber = (
  pending: PendingCell | undefined,
  stored: { num: number | null } | null,
  type: ValueType,
): number | undefined => {
  if (pending?.value !== undefined) {
    const parsed = parseCellValue(pending.value, type);
    if (!parsed.ok || parsed.value === null || typeof parsed.value === 'string') return undefined;
    return typeof parsed.value === 'boolean' ? (parsed.value ? 1 : 0) : parsed.value;
  }
  return stored?.num ?? undefined;
};

/**
 * Re-evaluates the report's rules as the server does on saving: typed numbers, totals of
 * disaggregated indicators (sum of the options present), ratios from numerator and denominator
 * when both are present and the denominator is not zero.
 */
export function liveState(
  view: ReportView,
  pending: Pending,
  parsed: ReadonlyMap<string, ParsedRule>,
): LiveState {
  const numbers = new Map<string, number>();
  const comments = new Map<string, string | null>();
  for (const indicator of view.indicators) {
    let total = 0;
    let any = false;
    for (const cell of indicator.cells) {
      const key = cellKeyOf({ indicatorCode: indicator.code, optionCode: cell.optionCode });
      const p = pending.get(key);
      const n = typedNumber(p, cell.value, indicator.valueType);
      if (n !== undefined) {
        numbers.set(key, n);
        if (cell.optionCode !== '') {
          total += n;
          any = true;
        }
      }
      const comment = p?.comment !== undefined ? p.comment : (cell.value?.comment ?? null);
      comments.set(key, comment && comment.trim() !== '' ? comment : null);
    }
    if (any) numbers.set(cellKeyOf({ indicatorCode: indicator.code, optionCode: '' }), total);
  }
  const derived = new Map<string, number | null>();
  for (const indicator of view.indicators) {
    const own = cellKeyOf({ indicatorCode: indicator.code, optionCode: '' });
    if (indicator.cells.some((c) => c.optionCode !== '')) {
      derived.set(indicator.code, numbers.get(own) ?? null);
      continue;
    }
    if (indicator.unitAggregation !== 'ratio' || !indicator.ratio) continue;
    const n = numbers.get(cellKeyOf({ indicatorCode: indicator.ratio.numerator, optionCode: '' }));
    const d = numbers.get(
      cellKeyOf({ indicatorCode: indicator.ratio.denominator, optionCode: '' }),
    );
    if (n === undefined || d === undefined || d === 0) {
      derived.set(indicator.code, null);
      continue;
    }
    const computed = (n / d) * indicator.ratio.factor;
    const typed = numbers.get(own);
    derived.set(
      indicator.code,
      typed !== undefined && Math.abs(typed - computed) < 1e-9 ? null : computed,
    );
    numbers.set(own, computed);
  }
  const lookup = (ref: string) => {
    const dot = ref.indexOf('.');
    const key =
      dot < 0
        ? cellKeyOf({ indicatorCode: ref, optionCode: '' })
        : cellKeyOf({ indicatorCode: ref.slice(0, dot), optionCode: ref.slice(dot + 1) });
    return numbers.get(key) ?? null;
  };
  const unexplained = new Set<string>();
  const rules = view.rules.map((rule): RuleResult => {
    const p = parsed.get(rule.code);
    if (!p) return rule;
    const outcome = evaluateRule(p, lookup, 'skip');
    const result: RuleResult = {
      ...rule,
      status: outcome.status,
      left: outcome.status === 'failed' ? outcome.left : null,
      right: outcome.status === 'failed' ? outcome.right : null,
    };
    if (
      outcome.status === 'failed' &&
      rule.severity === 'warning' &&
      !expandedCells(view, rule.cells).some((k) => comments.get(k))
    ) {
      unexplained.add(rule.code);
    }
    return result;
  });
  return { rules, unexplained, derived };
}

/** Each rule's expression parsed once; a rule that does not parse is left to the server. */
export function parsedRules(rules: readonly RuleResult[]): Map<string, ParsedRule> {
  const out = new Map<string, ParsedRule>();
  for (const r of rules) {
    try {
      out.set(r.code, parseRule(r.expression));
    } catch {
      // The server evaluated it; its own outcome stands.
    }
  }
  return out;
}

/** The cells a blocker points at, in grid order. */
export function blockerCells(b: Blocker): CellRef[] {
  return b.cells ?? [];
}

/* ───────────── Values as shown and as typed ───────────── */

const numberFormats = new Map<number, Intl.NumberFormat>();
function numberFormat(digits: number): Intl.NumberFormat {
  let f = numberFormats.get(digits);
  if (!f) {
    f = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: digits });
    numberFormats.set(digits, f);
  }
  return f;
}

/** A number in Vietnamese notation: 1.234,5. */
export function formatStatNumber(n: number, digits = 6): string {
  return numberFormat(digits).format(n);
}

export interface YesNo {
  yes: string;
  no: string;
}

/** A stored value as the grid shows it. */
export function displayStored(
  value: { num: number | null; txt: string | null } | null,
  type: ValueType,
  yesNo: YesNo,
): string {
  if (!value) return '';
  if (type === 'text') return value.txt ?? '';
  if (value.num === null) return '';
  if (type === 'boolean') return value.num ? yesNo.yes : yesNo.no;
  return formatStatNumber(value.num);
}

/**
 * The text an edit of a stored value starts from: Vietnamese decimals without thousands
 * separators (`1234,5`), which reads back to the same number whatever the value type.
 */
export function editText(
  value: { num: number | null; txt: string | null } | null,
  type: ValueType,
  yesNo: YesNo,
): string {
  if (!value) return '';
  if (type === 'text' || type === 'boolean') return displayStored(value, type, yesNo);
  if (value.num === null) return '';
  return String(value.num).replace('.', ',');
}

export type Checked =
  { ok: true; shown: string; blank: boolean } | { ok: false; message: string; code: string };

/**
 * What a typed text will be once saved, checked as the server will: shown in Vietnamese
 * notation when it reads, with the reason when it does not.
 */
export function checkTyped(raw: string | null, type: ValueType, yesNo: YesNo): Checked {
  const parsed = parseCellValue(raw, type);
  if (!parsed.ok) return { ok: false, message: parsed.message, code: parsed.code };
  const v = parsed.value;
  if (v === null) return { ok: true, shown: '', blank: true };
  if (typeof v === 'boolean') return { ok: true, shown: v ? yesNo.yes : yesNo.no, blank: false };
  if (typeof v === 'number') return { ok: true, shown: formatStatNumber(v), blank: false };
  return { ok: true, shown: v, blank: false };
}

/* ───────────── The pending batch ───────────── */

/** Edits not saved yet: a value as typed (null = blank) and/or a comment (null = removed). */
export interface PendingCell {
  value?: string | null;
  comment?: string | null;
}

export type Pending = ReadonlyMap<string, PendingCell>;

/** True when the typed text reads as the value already stored (so saving it changes nothing). */
export function sameAsStored(
  raw: string | null,
  stored: { num: number | null; txt: string | null } | null,
  type: ValueType,
): boolean {
  const parsed = parseCellValue(raw, type);
  if (!parsed.ok) return false;
  const v = parsed.value;
  if (v === null) return !stored || (stored.num === null && stored.txt === null);
  if (!stored) return false;
  if (typeof v === 'string') return stored.txt === v;
  return stored.num === (typeof v === 'boolean' ? (v ? 1 : 0) : v);
}

/**
 * The pending edits with one cell's value or comment changed; an edit that brings the cell back
 * to what is stored is dropped, so that only real changes are marked and sent.
 */
export function withEdit(
  pending: Pending,
  key: string,
  edit: PendingCell,
  unchanged: { value: boolean; comment: boolean },
): Map<string, PendingCell> {
  const next = new Map(pending);
  const cell: PendingCell = { ...next.get(key), ...edit };
  if ('value' in edit && unchanged.value) delete cell.value;
  if ('comment' in edit && unchanged.comment) delete cell.comment;
  if (cell.value === undefined && cell.comment === undefined) next.delete(key);
  else next.set(key, cell);
  return next;
}

/** True when a typed comment is the one stored (blank and none being the same). */
export function sameComment(typed: string | null, stored: string | null): boolean {
  return (typed ?? '').trim() === (stored ?? '');
}

const refOf = (key: string): CellRef => {
  const [indicatorCode = '', optionCode = ''] = key.split('\u0001');
  return { indicatorCode, optionCode };
};

/** The batch to send, in grid order, and the key of each of its entries. */
export function batchOf(
  pending: Pending,
  order: readonly string[],
): { cells: CellInput[]; keys: string[] } {
  const rank = new Map(order.map((k, i) => [k, i]));
  const keys = [...pending.keys()].sort(
    (a, b) => (rank.get(a) ?? Number.MAX_SAFE_INTEGER) - (rank.get(b) ?? Number.MAX_SAFE_INTEGER),
  );
  const cells = keys.map((key) => {
    const p = pending.get(key)!;
    const cell: CellInput = refOf(key);
    if (p.value !== undefined) cell.value = p.value === '' ? null : p.value;
    if (p.comment !== undefined)
      cell.comment = p.comment === null || p.comment.trim() === '' ? null : p.comment.trim();
    return cell;
  });
  return { cells, keys };
}

/** The errors of a refused batch (`details.cells`), by cell key. */
export function errorsByKey(details: unknown, keys: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  const cells = (details as { cells?: unknown } | null)?.cells;
  if (!Array.isArray(cells)) return out;
  for (const c of cells as Array<{ index?: unknown; message?: unknown }>) {
    const key = typeof c.index === 'number' ? keys[c.index] : undefined;
    if (key && typeof c.message === 'string') out.set(key, c.message);
  }
  return out;
}

/* ───────────── Pasting from a spreadsheet ───────────── */

/**
 * The values of a pasted column: one per line, the first column when the lines hold several
 * (tab-separated), without the line break a spreadsheet adds after the last one.
 */
export function pastedColumn(text: string): string[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => (l.split('\t')[0] ?? '').trim());
}

/**
 * Where a pasted column lands: from the cell at `start` downwards, one typed cell per value;
 * values beyond the last cell are reported as left over.
 */
export function pasteTargets(
  values: readonly string[],
  cellKeys: readonly string[],
  start: number,
): { writes: Array<[string, string]>; leftOver: number } {
  const writes: Array<[string, string]> = [];
  for (let i = 0; i < values.length && start + i < cellKeys.length; i++) {
    writes.push([cellKeys[start + i]!, values[i]!]);
  }
  return { writes, leftOver: values.length - writes.length };
}
