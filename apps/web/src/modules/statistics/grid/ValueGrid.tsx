import {
  memo,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ClipboardEvent,
  type KeyboardEvent,
  type Ref,
} from 'react';
import {
  ExclamationCircleFilled,
  FieldTimeOutlined,
  InfoCircleFilled,
  MessageFilled,
  MessageOutlined,
  PaperClipOutlined,
  WarningFilled,
} from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Locale } from '@caunoi/shared';
import { useLocale } from '../../../i18n/locale';
import {
  checkTyped,
  displayStored,
  editText,
  formatStatNumber,
  strongest,
  type GridRow,
  type Mark,
  type PendingCell,
  type YesNo,
} from './model';
import styles from './ValueGrid.module.css';

/** What the side panel of a cell opens on. */
export type CellTab = 'comment' | 'evidence' | 'history';

export interface GridHandle {
  /** Moves the keyboard focus to a typed cell (scrolling it into view). */
  focusCell: (key: string) => void;
  /** Ends an edit in progress, putting its text in the pending batch. */
  commit: () => void;
}

type CellRow = Extract<GridRow, { kind: 'cell' }>;
type TotalRow = Extract<GridRow, { kind: 'total' }>;

interface Props {
  label: string;
  rows: GridRow[];
  editable: boolean;
  marks: ReadonlyMap<string, Mark[]>;
  pending: ReadonlyMap<string, PendingCell>;
  /** Errors of the last refused save, by cell. */
  errors: ReadonlyMap<string, string>;
  /** Live totals and computed ratios, by indicator. */
  derived: ReadonlyMap<string, number | null>;
  onEdit: (key: string, raw: string | null) => void;
  /** A column of values pasted from the cell at `position` downwards. */
  onPaste: (position: number, values: string) => void;
  onActive: (key: string) => void;
  onOpenCell: (key: string, tab: CellTab) => void;
  ref?: Ref<GridHandle>;
}

/** What the rows call back; one stable object, so that rows not involved in a change keep still. */
interface RowActions {
  register: (position: number, el: HTMLInputElement | null) => void;
  keyDown: (e: KeyboardEvent<HTMLInputElement>, row: CellRow) => void;
  change: (row: CellRow, text: string) => void;
  focus: (row: CellRow) => void;
  blur: () => void;
  doubleClick: (row: CellRow) => void;
  paste: (e: ClipboardEvent<HTMLInputElement>, row: CellRow) => void;
  open: (row: CellRow, tab: CellTab) => void;
}

const MARK_ICONS: Record<Mark['kind'], typeof ExclamationCircleFilled> = {
  invalid: ExclamationCircleFilled,
  error: ExclamationCircleFilled,
  evidence: PaperClipOutlined,
  warning: WarningFilled,
  outlier: InfoCircleFilled,
};

/** Printable keys start an edit that replaces the cell's content, as in a spreadsheet. */
const startsEdit = (e: KeyboardEvent) =>
  e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey;

/** The text an edit of the cell starts from: the pending text, else the stored value. */
const startText = (row: CellRow, pending: PendingCell | undefined, yesNo: YesNo) =>
  pending?.value !== undefined
    ? (pending.value ?? '')
    : editText(row.cell.value, row.indicator.valueType, yesNo);

/**
 * The values of one report as a spreadsheet: a real table (role grid) with one labelled input
 * per typed cell, a single tab stop and the keys of a spreadsheet. Edits go to the pending batch
 * held by the page; nothing is sent until it is saved.
 */
export function ValueGrid({
  label,
  rows,
  editable,
  marks,
  pending,
  errors,
  derived,
  onEdit,
  onPaste,
  onActive,
  onOpenCell,
  ref,
}: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const yesNo: YesNo = useMemo(
    () => ({ yes: t('statistics.grid.yes'), no: t('statistics.grid.no') }),
    [t],
  );
  const cells = useMemo(() => rows.filter((r): r is CellRow => r.kind === 'cell'), [rows]);
  const [active, setActive] = useState(0);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');
  // Read by event handlers that may run before React re-renders (a blur right after a move).
  const edit = useRef({ editing: false, draft: '', start: '' });
  const activeRef = useRef(0);
  const inputs = useRef(new Map<number, HTMLInputElement>());

  // The latest props, for the stable actions below (events come after the commit).
  const latest = useRef({ cells, pending, editable, yesNo, onEdit, onPaste, onActive, onOpenCell });
  useLayoutEffect(() => {
    latest.current = { cells, pending, editable, yesNo, onEdit, onPaste, onActive, onOpenCell };
  });

  const actions = useMemo(() => {
    const setPosition = (p: number) => {
      activeRef.current = p;
      setActive(p);
    };
    const startEdit = (text: string, start: string) => {
      edit.current = { editing: true, draft: text, start };
      setEditing(true);
      setDraft(text);
    };
    const endEdit = (keep: boolean) => {
      const s = edit.current;
      if (!s.editing) return;
      edit.current = { editing: false, draft: '', start: '' };
      setEditing(false);
      const row = latest.current.cells[activeRef.current];
      if (keep && row && s.draft !== s.start) {
        latest.current.onEdit(row.key, s.draft.trim() === '' ? null : s.draft);
      }
    };
    const focusAt = (position: number) => {
      const { cells: all, onActive: notify } = latest.current;
      const p = Math.max(0, Math.min(all.length - 1, position));
      setPosition(p);
      const input = inputs.current.get(p);
      input?.focus();
      input?.scrollIntoView({ block: 'nearest' });
      const row = all[p];
      if (row) notify(row.key);
    };
    const move = (delta: number) => {
      endEdit(true);
      focusAt(activeRef.current + delta);
    };
    const row: RowActions = {
      register: (position, el) => {
        if (el) inputs.current.set(position, el);
        else inputs.current.delete(position);
      },
      keyDown: (e, r) => {
        const {
          editable: canEdit,
          pending: p,
          yesNo: yn,
          onEdit: put,
          onOpenCell: open,
        } = latest.current;
        const s = edit.current;
        if (e.key === 'F2' && e.shiftKey) {
          e.preventDefault();
          endEdit(true);
          open(r.key, 'comment');
          return;
        }
        switch (e.key) {
          case 'ArrowDown':
          case 'ArrowUp':
            e.preventDefault();
            move(e.key === 'ArrowDown' ? 1 : -1);
            return;
          case 'Enter':
            e.preventDefault();
            move(e.shiftKey ? -1 : 1);
            return;
          case 'Tab': {
            const next = activeRef.current + (e.shiftKey ? -1 : 1);
            // At either end, Tab leaves the grid as it would any other control.
            if (next < 0 || next >= latest.current.cells.length) {
              endEdit(true);
              return;
            }
            e.preventDefault();
            move(e.shiftKey ? -1 : 1);
            return;
          }
          case 'Escape':
            if (s.editing) {
              e.preventDefault();
              endEdit(false);
            }
            return;
          case 'F2':
            e.preventDefault();
            if (canEdit && !s.editing) {
              const text = startText(r, p.get(r.key), yn);
              startEdit(text, text);
            }
            return;
          case 'Delete':
          case 'Backspace':
            if (s.editing) return;
            e.preventDefault();
            if (canEdit) put(r.key, null);
            return;
          default:
            if (!s.editing && canEdit && startsEdit(e)) {
              e.preventDefault();
              startEdit(e.key, startText(r, p.get(r.key), yn));
            }
        }
      },
      change: (r, text) => {
        const { editable: canEdit, pending: p, yesNo: yn } = latest.current;
        if (!canEdit) return;
        if (!edit.current.editing) {
          edit.current = { editing: true, draft: '', start: startText(r, p.get(r.key), yn) };
          setEditing(true);
        }
        edit.current.draft = text;
        setDraft(text);
      },
      focus: (r) => {
        if (r.position === activeRef.current) return;
        endEdit(true);
        setPosition(r.position);
        latest.current.onActive(r.key);
      },
      blur: () => endEdit(true),
      doubleClick: (r) => {
        const { editable: canEdit, pending: p, yesNo: yn } = latest.current;
        if (canEdit && !edit.current.editing) {
          const text = startText(r, p.get(r.key), yn);
          startEdit(text, text);
        }
      },
      paste: (e, r) => {
        const text = e.clipboardData.getData('text/plain');
        // A single value pasted while editing goes into the text, as usual.
        if (edit.current.editing && !/[\r\n\t]/.test(text.trimEnd())) return;
        e.preventDefault();
        if (!latest.current.editable) return;
        edit.current = { editing: false, draft: '', start: '' };
        setEditing(false);
        latest.current.onPaste(r.position, text);
      },
      open: (r, tab) => {
        focusAt(r.position);
        latest.current.onOpenCell(r.key, tab);
      },
    };
    return { row, endEdit, focusAt };
  }, []);

  useImperativeHandle(
    ref,
    () => ({
      focusCell: (key) => {
        actions.endEdit(true);
        const p = latest.current.cells.findIndex((c) => c.key === key);
        if (p >= 0) actions.focusAt(p);
      },
      commit: () => actions.endEdit(true),
    }),
    [actions],
  );

  return (
    <table role="grid" aria-label={label} aria-readonly={!editable} className={styles.grid}>
      <colgroup>
        <col />
        <col className={styles.unitCol} />
        <col className={styles.valueCol} />
        <col className={styles.computedCol} />
        <col className={styles.toolsCol} />
      </colgroup>
      <thead>
        <tr role="row">
          <th role="columnheader" scope="col">
            {t('statistics.grid.indicator')}
          </th>
          <th role="columnheader" scope="col">
            {t('statistics.grid.unit')}
          </th>
          <th role="columnheader" scope="col" className={styles.right}>
            {t('statistics.grid.value')}
          </th>
          <th role="columnheader" scope="col" className={styles.right}>
            {t('statistics.grid.computed')}
          </th>
          <th role="columnheader" scope="col">
            {t('statistics.grid.tools')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          if (row.kind === 'group') {
            return (
              <tr role="row" key={row.key} className={styles.groupRow}>
                <th role="rowheader" scope="colgroup" colSpan={5}>
                  {row.name}
                </th>
              </tr>
            );
          }
          if (row.kind === 'total') {
            return (
              <TotalLine
                key={row.key}
                row={row}
                locale={locale}
                total={derived.get(row.indicator.code) ?? null}
                marks={marks.get(row.key)}
              />
            );
          }
          const isActive = row.position === active;
          return (
            <CellLine
              key={row.key}
              row={row}
              locale={locale}
              yesNo={yesNo}
              active={isActive}
              draft={isActive && editing ? draft : null}
              pending={pending.get(row.key)}
              marks={marks.get(row.key)}
              error={errors.get(row.key)}
              computed={
                row.indicator.ratio && row.cell.optionCode === ''
                  ? (derived.get(row.indicator.code) ?? null)
                  : null
              }
              editable={editable}
              actions={actions.row}
            />
          );
        })}
      </tbody>
    </table>
  );
}

const nameIn = (labelled: { nameVi: string; nameEn: string }, locale: Locale) =>
  locale === 'en' ? labelled.nameEn : labelled.nameVi;

/** A disaggregated indicator's own line: its name, unit and computed total. */
const TotalLine = memo(function TotalLine({
  row,
  locale,
  total,
  marks = [],
}: {
  row: TotalRow;
  locale: Locale;
  total: number | null;
  marks?: Mark[];
}) {
  const { t } = useTranslation();
  const top = strongest(marks);
  return (
    <tr role="row" className={styles.totalRow} data-testid="stat-total">
      <th role="rowheader" scope="row" className={styles.name}>
        <span title={row.indicator.definitionVi}>{nameIn(row.indicator, locale)}</span>
        <span className={styles.code}>{row.indicator.code}</span>
      </th>
      <td role="gridcell">{locale === 'en' ? row.indicator.unitEn : row.indicator.unitVi}</td>
      <td
        role="gridcell"
        aria-readonly="true"
        className={`${styles.right} ${styles.totalValue} ${top ? styles[`mark-${top.kind}`] : ''}`}
      >
        <span className={styles.srOnly}>{t('statistics.grid.total')}: </span>
        {total === null ? '—' : formatStatNumber(total)}
      </td>
      <td role="gridcell">
        <MarkIcons marks={marks} />
      </td>
      <td role="gridcell" />
    </tr>
  );
});

/** One typed cell's line; it re-renders only when something of its own changes. */
const CellLine = memo(function CellLine({
  row,
  locale,
  yesNo,
  active,
  draft,
  pending,
  marks: ruleMarks,
  error,
  computed,
  editable,
  actions,
}: {
  row: CellRow;
  locale: Locale;
  yesNo: YesNo;
  active: boolean;
  /** The text being typed, when the cell is being edited. */
  draft: string | null;
  pending: PendingCell | undefined;
  marks: Mark[] | undefined;
  error: string | undefined;
  computed: number | null;
  editable: boolean;
  actions: RowActions;
}) {
  const { t } = useTranslation();
  const indicator = nameIn(row.indicator, locale);
  const optionName = (locale === 'en' ? row.cell.optionNameEn : row.cell.optionNameVi) ?? null;
  const name = optionName ? `${indicator} — ${optionName}` : indicator;
  const checked =
    pending?.value !== undefined ? checkTyped(pending.value, row.indicator.valueType, yesNo) : null;
  const marks: Mark[] = [
    ...(error ? [{ kind: 'invalid' as const, message: error }] : []),
    ...(checked && !checked.ok && !error
      ? [{ kind: 'invalid' as const, message: checked.message }]
      : []),
    ...(ruleMarks ?? []),
  ];
  const top = strongest(marks);
  const stored = row.cell.value;
  const comment = pending?.comment !== undefined ? pending.comment : (stored?.comment ?? null);
  const shown =
    draft ??
    (checked
      ? checked.ok
        ? checked.shown
        : (pending?.value ?? '')
      : displayStored(stored, row.indicator.valueType, yesNo));
  const noteId = `cell-note-${row.position}`;
  const described = marks.length > 0 || !!comment;
  const pendingValue = pending?.value !== undefined;

  return (
    <tr
      role="row"
      aria-selected={active}
      className={`${styles.cellRow} ${active ? styles.activeRow : ''}`}
      data-testid="stat-row"
    >
      <th role="rowheader" scope="row" className={row.nested ? styles.nested : styles.name}>
        <span title={row.nested ? undefined : row.indicator.definitionVi}>
          {row.nested ? optionName : indicator}
        </span>
        {!row.nested && <span className={styles.code}>{row.indicator.code}</span>}
      </th>
      <td role="gridcell">
        {row.nested ? '' : locale === 'en' ? row.indicator.unitEn : row.indicator.unitVi}
      </td>
      <td
        role="gridcell"
        className={`${styles.valueCell} ${top ? styles[`mark-${top.kind}`] : ''} ${
          pendingValue ? styles.pending : ''
        } ${!editable ? styles.readOnly : ''}`}
      >
        {/* Always wrapped, so that a mark appearing does not remount the focused input. */}
        <Tooltip
          title={marks.length > 0 ? <MarkList marks={marks} /> : null}
          placement="right"
          trigger={['hover', 'focus']}
        >
          <input
            ref={(el) => actions.register(row.position, el)}
            className={styles.input}
            type="text"
            inputMode={row.indicator.valueType === 'text' ? 'text' : 'decimal'}
            autoComplete="off"
            spellCheck={false}
            aria-label={name}
            aria-invalid={top?.kind === 'error' || top?.kind === 'invalid' ? true : undefined}
            aria-describedby={described ? noteId : undefined}
            readOnly={!editable}
            tabIndex={active ? 0 : -1}
            value={shown}
            data-testid={`cell-${row.indicator.code}${row.cell.optionCode ? `.${row.cell.optionCode}` : ''}`}
            data-pending={pendingValue || pending?.comment !== undefined ? 'true' : undefined}
            data-mark={top?.kind}
            onChange={(e) => actions.change(row, e.target.value)}
            onFocus={() => actions.focus(row)}
            onBlur={actions.blur}
            onDoubleClick={() => actions.doubleClick(row)}
            onKeyDown={(e) => actions.keyDown(e, row)}
            onPaste={(e) => actions.paste(e, row)}
          />
        </Tooltip>
        {described && (
          <span id={noteId} className={styles.srOnly}>
            {marks.map((m) => m.message).join(' ')}
            {comment ? ` ${t('statistics.grid.commentIs', { comment })}` : ''}
          </span>
        )}
      </td>
      <td role="gridcell" className={styles.right}>
        {computed !== null && row.indicator.ratio && (
          <span
            className={styles.computed}
            title={t('statistics.grid.computedFrom', {
              numerator: row.indicator.ratio.numerator,
              denominator: row.indicator.ratio.denominator,
            })}
            data-testid={`computed-${row.indicator.code}`}
          >
            = {formatStatNumber(computed, 2)}
          </span>
        )}
        <MarkIcons marks={marks} />
      </td>
      <td role="gridcell" className={styles.tools}>
        <CellTools
          name={name}
          comment={comment}
          commentPending={pending?.comment !== undefined}
          evidence={stored?.evidenceCount ?? 0}
          evidenceRequired={row.indicator.evidenceRequired}
          onOpen={(tab) => actions.open(row, tab)}
        />
      </td>
    </tr>
  );
});

function MarkIcons({ marks }: { marks: readonly Mark[] }) {
  const kinds = [...new Set(marks.map((m) => m.kind))];
  if (kinds.length === 0) return null;
  return (
    <span className={styles.markIcons} aria-hidden="true">
      {kinds.map((k) => {
        const Icon = MARK_ICONS[k];
        return (
          <Tooltip key={k} title={<MarkList marks={marks.filter((m) => m.kind === k)} />}>
            <Icon className={styles[`icon-${k}`]} />
          </Tooltip>
        );
      })}
    </span>
  );
}

/** The messages of a cell's marks, as a short list. */
export function MarkList({ marks }: { marks: readonly Mark[] }) {
  const { t } = useTranslation();
  return (
    <ul className={styles.markList}>
      {marks.map((m, i) => (
        <li key={i}>
          <strong>{t(`statistics.marks.${m.kind}`)}</strong>
          {m.explained ? ` (${t('statistics.marks.explained')})` : ''}: {m.message}
        </li>
      ))}
    </ul>
  );
}

/** A cell's comment, evidence and history buttons (out of the tab order: the grid has one stop). */
function CellTools({
  name,
  comment,
  commentPending,
  evidence,
  evidenceRequired,
  onOpen,
}: {
  name: string;
  comment: string | null;
  commentPending: boolean;
  evidence: number;
  evidenceRequired: boolean;
  onOpen: (tab: CellTab) => void;
}) {
  const { t } = useTranslation();
  return (
    <span className={styles.toolButtons}>
      <Tooltip title={comment ?? t('statistics.grid.addComment')}>
        <Button
          size="small"
          type="text"
          tabIndex={-1}
          aria-label={t('statistics.grid.commentOf', { name })}
          className={commentPending ? styles.pendingTool : undefined}
          icon={comment ? <MessageFilled className={styles.hasComment} /> : <MessageOutlined />}
          onClick={() => onOpen('comment')}
        />
      </Tooltip>
      <Tooltip
        title={
          evidence > 0
            ? t('statistics.grid.evidenceCount', { n: evidence })
            : evidenceRequired
              ? t('statistics.grid.evidenceRequired')
              : t('statistics.grid.evidence')
        }
      >
        <Button
          size="small"
          type="text"
          tabIndex={-1}
          aria-label={t('statistics.grid.evidenceOf', { name })}
          icon={
            <PaperClipOutlined
              className={evidenceRequired && evidence === 0 ? styles.required : undefined}
            />
          }
          onClick={() => onOpen('evidence')}
        >
          {evidence > 0 ? evidence : null}
        </Button>
      </Tooltip>
      <Tooltip title={t('statistics.grid.history')}>
        <Button
          size="small"
          type="text"
          tabIndex={-1}
          aria-label={t('statistics.grid.historyOf', { name })}
          icon={<FieldTimeOutlined />}
          onClick={() => onOpen('history')}
        />
      </Tooltip>
    </span>
  );
}
