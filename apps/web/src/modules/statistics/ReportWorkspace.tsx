import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import {
  EyeOutlined,
  FieldTimeOutlined,
  MessageOutlined,
  PaperClipOutlined,
  SaveOutlined,
  UndoOutlined,
} from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';
import { REPORT_ACTION_LABELS, REPORT_STATUS_LABELS, type ReportAction } from '@caunoi/shared';
import { isApiError } from '../../api/client';
import { useLocale } from '../../i18n/locale';
import { formatDate, formatDateTime } from '../../lib/format';
import { useSaveValues } from './api';
import { CellPanel, type PanelCell } from './grid/CellPanel';
import {
  batchOf,
  cellKeyOf,
  cellMarks,
  errorsByKey,
  formatStatNumber,
  gridRows,
  liveState,
  parsedRules,
  pastedColumn,
  pasteTargets,
  sameAsStored,
  sameComment,
  strongest,
  withEdit,
  type GridRow,
  type Mark,
  type PendingCell,
} from './grid/model';
import { ValueGrid, type CellTab, type GridHandle } from './grid/ValueGrid';
import { StatusTag, TimelinessTag } from './StatusTags';
import type { CellRef, Labelled, ReportKeys, ReportView } from './types';
import { WorkflowActions } from './WorkflowActions';

type CellRow = Extract<GridRow, { kind: 'cell' }>;

/** A problem to fix before submitting, with the cells it points at. */
interface Problem {
  key: string;
  severity: 'error' | 'warning';
  message: string;
  cells: CellRef[];
}

/**
 * One report open for entry or review: its header (status, dates, messages, workflow), the
 * problems that block its submission, the grid of values with the pending batch, each cell's
 * panel, and the report's history. `tools` is where further header actions go (file transfer).
 */
export function ReportWorkspace({
  view,
  keys,
  groups,
  tools,
}: {
  view: ReportView;
  keys: ReportKeys;
  groups: Labelled[];
  tools?: ReactNode;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const save = useSaveValues(keys);
  const grid = useRef<GridHandle>(null);

  const [pending, setPendingState] = useState<ReadonlyMap<string, PendingCell>>(new Map());
  const pendingRef = useRef(pending);
  const setPending = useCallback((next: ReadonlyMap<string, PendingCell>) => {
    pendingRef.current = next;
    setPendingState(next);
  }, []);
  const [errors, setErrors] = useState<ReadonlyMap<string, string>>(new Map());
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const [panel, setPanel] = useState<{ key: string; tab: CellTab } | null>(null);

  const rows = useMemo(() => gridRows(view.indicators, groups, locale), [view, groups, locale]);
  const cells = useMemo(() => rows.filter((r): r is CellRow => r.kind === 'cell'), [rows]);
  const byKey = useMemo(() => new Map(cells.map((c) => [c.key, c])), [cells]);
  const order = useMemo(() => cells.map((c) => c.key), [cells]);
  const rules = useMemo(() => parsedRules(view.rules), [view.rules]);
  const live = useMemo(() => liveState(view, pending, rules), [view, pending, rules]);
  const marks = useMemo(
    () =>
      cellMarks(view, live, {
        rule: (r) => {
          const text = locale === 'en' ? r.messageEn : r.messageVi;
          return r.left !== null && r.right !== null
            ? `${text} (${formatStatNumber(r.left)} / ${formatStatNumber(r.right)})`
            : text;
        },
        outlier: (against, z, references) =>
          t(`statistics.marks.outlier_${against}`, {
            z: z === null ? '—' : formatStatNumber(z, 1),
            n: references,
          }),
      }),
    [view, live, locale, t],
  );

  const nameOf = useCallback(
    (key: string) => {
      const row = byKey.get(key);
      if (!row) return key;
      const indicator = locale === 'en' ? row.indicator.nameEn : row.indicator.nameVi;
      const option = locale === 'en' ? row.cell.optionNameEn : row.cell.optionNameVi;
      return option ? `${indicator} — ${option}` : indicator;
    },
    [byKey, locale],
  );

  const edit = useCallback(
    (key: string, change: PendingCell) => {
      const row = byKey.get(key);
      if (!row) return;
      const stored = row.cell.value;
      const next = withEdit(pendingRef.current, key, change, {
        value:
          change.value !== undefined && sameAsStored(change.value, stored, row.indicator.valueType),
        comment:
          change.comment !== undefined && sameComment(change.comment, stored?.comment ?? null),
      });
      setPending(next);
      setErrors((prev) => {
        if (!prev.has(key)) return prev;
        const copy = new Map(prev);
        copy.delete(key);
        return copy;
      });
    },
    [byKey, setPending],
  );

  const onEdit = useCallback(
    (key: string, raw: string | null) => edit(key, { value: raw }),
    [edit],
  );

  const onPaste = useCallback(
    (position: number, text: string) => {
      const { writes, leftOver } = pasteTargets(pastedColumn(text), order, position);
      let next = pendingRef.current;
      for (const [key, raw] of writes) {
        const row = byKey.get(key)!;
        next = withEdit(
          next,
          key,
          { value: raw === '' ? null : raw },
          {
            value: sameAsStored(raw === '' ? null : raw, row.cell.value, row.indicator.valueType),
            comment: false,
          },
        );
      }
      setPending(next);
      message.info(
        leftOver > 0
          ? t('statistics.entry.pastedSome', { n: writes.length, left: leftOver })
          : t('statistics.entry.pasted', { n: writes.length }),
      );
      const last = writes.length > 0 ? writes[writes.length - 1]![0] : null;
      if (last) grid.current?.focusCell(last);
    },
    [byKey, order, setPending, message, t],
  );

  const saveAll = useCallback(async () => {
    grid.current?.commit();
    const sent = pendingRef.current;
    if (sent.size === 0) {
      message.info(t('statistics.entry.nothingToSave'));
      return;
    }
    const { cells: batch, keys: sentKeys } = batchOf(sent, order);
    try {
      const result = await save.mutateAsync(batch);
      // Edits made while the batch was on its way stay pending.
      const rest = new Map<string, PendingCell>();
      for (const [k, p] of pendingRef.current) if (sent.get(k) !== p) rest.set(k, p);
      setPending(rest);
      setErrors(new Map());
      const { created, updated } = result.summary;
      message.success(t('statistics.entry.saved', { n: created + updated }));
    } catch (e) {
      if (isApiError(e) && e.status === 400) {
        const byCell = errorsByKey(e.details, sentKeys);
        setErrors(byCell);
        const first = order.find((k) => byCell.has(k));
        if (first) grid.current?.focusCell(first);
      }
      message.error(e instanceof Error ? e.message : t('errors.unexpected'));
      if (isApiError(e) && e.code === 'REPORT_LOCKED') {
        void qc.invalidateQueries({ queryKey: ['statistics', 'report'] });
      }
    }
  }, [order, save, setPending, message, t, qc]);

  const discard = () =>
    modal.confirm({
      title: t('statistics.entry.discardConfirm', { n: pendingRef.current.size }),
      okText: t('statistics.entry.discard'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => {
        setPending(new Map());
        setErrors(new Map());
      },
    });

  // Ctrl+S saves from anywhere on the page, as in a spreadsheet.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault();
        if (view.editable && !save.isPending) void saveAll();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [saveAll, view.editable, save.isPending]);

  // Unsaved edits are not lost by leaving the page, closing the tab or picking another report.
  const dirty = pending.size > 0;
  useEffect(() => {
    if (!dirty) return;
    const onUnload = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', onUnload);
    return () => window.removeEventListener('beforeunload', onUnload);
  }, [dirty]);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty &&
      (currentLocation.pathname !== nextLocation.pathname ||
        currentLocation.search !== nextLocation.search),
  );
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    modal.confirm({
      title: t('statistics.entry.leaveTitle'),
      content: t('statistics.entry.leaveContent', { n: pendingRef.current.size }),
      okText: t('statistics.entry.leave'),
      okButtonProps: { danger: true },
      cancelText: t('statistics.entry.stay'),
      onOk: () => blocker.proceed(),
      onCancel: () => blocker.reset(),
    });
  }, [blocker, modal, t]);

  const problems = useMemo((): Problem[] => {
    const out: Problem[] = [];
    for (const r of live.rules) {
      if (r.status !== 'failed') continue;
      if (r.severity === 'error') {
        out.push({
          key: r.code,
          severity: 'error',
          message: locale === 'en' ? r.messageEn : r.messageVi,
          cells: r.cells,
        });
      } else if (live.unexplained.has(r.code)) {
        out.push({
          key: r.code,
          severity: 'warning',
          message: t('statistics.problems.unexplained', {
            message: locale === 'en' ? r.messageEn : r.messageVi,
          }),
          cells: r.cells,
        });
      }
    }
    for (const b of view.blockers) {
      if (b.code === 'EVIDENCE_MISSING') {
        out.push({
          key: `evidence-${b.message}`,
          severity: 'error',
          message: b.message,
          cells: b.cells ?? [],
        });
      }
      if (b.code === 'EMPTY_REPORT' && pending.size === 0) {
        out.push({ key: 'empty', severity: 'warning', message: b.message, cells: [] });
      }
    }
    return out;
  }, [live, view.blockers, pending.size, locale, t]);

  /** A rule's cell, as the grid can focus it: a total goes to its first option. */
  const focusTarget = (c: CellRef): string | undefined => {
    const key = cellKeyOf(c);
    if (byKey.has(key)) return key;
    return order.find((k) => k.startsWith(`${c.indicatorCode}\u0001`));
  };

  const panelCell = useMemo((): PanelCell | null => {
    if (!panel) return null;
    const row = byKey.get(panel.key);
    if (!row) return null;
    const p = pending.get(panel.key);
    return {
      key: panel.key,
      indicatorCode: row.indicator.code,
      optionCode: row.cell.optionCode,
      name: nameOf(panel.key),
      valueType: row.indicator.valueType,
      stored: row.cell.value,
      comment: p?.comment !== undefined ? p.comment : (row.cell.value?.comment ?? null),
      marks: [
        ...(errors.get(panel.key)
          ? [{ kind: 'invalid' as const, message: errors.get(panel.key)! }]
          : []),
        ...(marks.get(panel.key) ?? []),
      ],
    };
  }, [panel, byKey, pending, errors, marks, nameOf]);

  const closePanel = () => {
    const key = panel?.key;
    setPanel(null);
    // Evidence may have been added or removed: the report's marks and counts follow.
    if (panel?.tab === 'evidence')
      void qc.invalidateQueries({ queryKey: ['statistics', 'report'] });
    if (key) setTimeout(() => grid.current?.focusCell(key), 0);
  };

  const typedCount = cells.filter((c) => {
    const p = pending.get(c.key);
    if (p?.value !== undefined) return p.value !== null && p.value !== '';
    return c.cell.value !== null && (c.cell.value.num !== null || c.cell.value.txt !== null);
  }).length;
  const synthetic = cells.some((c) => c.cell.value?.synthetic);
  const activeMarks: Mark[] = activeKey
    ? [
        ...(errors.get(activeKey)
          ? [{ kind: 'invalid' as const, message: errors.get(activeKey)! }]
          : []),
        ...(marks.get(activeKey) ?? []),
      ]
    : [];
  const formName = locale === 'en' ? view.form.nameEn : view.form.nameVi;
  const unitName = locale === 'en' ? view.unit.nameEn : view.unit.nameVi;
  const periodName = locale === 'en' ? view.period.labelEn : view.period.labelVi;

  return (
    <>
      <Card size="small" style={{ marginBottom: 12 }} data-testid="report-header">
        <Flex justify="space-between" align="flex-start" gap={16} wrap>
          <Flex vertical gap={4} style={{ minWidth: 0 }}>
            <Flex align="center" gap={8} wrap>
              <Typography.Title level={4} style={{ margin: 0 }}>
                {unitName} · {periodName}
              </Typography.Title>
              <StatusTag status={view.status} />
              <TimelinessTag timeliness={view.timeliness} />
              {view.reopened && <Tag color="gold">{t('statistics.entry.reopened')}</Tag>}
            </Flex>
            <Typography.Text type="secondary">{formName}</Typography.Text>
            <Flex gap="2px 20px" wrap data-testid="report-dates">
              <Typography.Text type="secondary">
                {t('statistics.entry.opensOn')}: <strong>{formatDate(view.period.opensOn)}</strong>
              </Typography.Text>
              <Typography.Text type="secondary">
                {t('statistics.entry.deadline')}:{' '}
                <strong>{formatDate(view.period.deadline)}</strong>
              </Typography.Text>
              <Typography.Text type="secondary">
                {t('statistics.entry.locksOn')}: <strong>{formatDate(view.period.locksOn)}</strong>
              </Typography.Text>
              {view.firstSubmittedOn && (
                <Typography.Text type="secondary">
                  {t('statistics.entry.firstSubmitted')}:{' '}
                  <strong>{formatDate(view.firstSubmittedOn)}</strong>
                </Typography.Text>
              )}
              <Typography.Text type="secondary">
                {t('statistics.entry.typed', { n: typedCount, total: cells.length })}
              </Typography.Text>
              {view.lockReason === 'not_allowed' && (
                <Typography.Text type="secondary" title={view.lockMessage ?? undefined}>
                  <EyeOutlined /> {t('statistics.entry.readOnly')}
                </Typography.Text>
              )}
            </Flex>
          </Flex>
          <Flex gap={8} wrap justify="flex-end">
            {tools}
            {view.editable && (
              <>
                <Button
                  icon={<UndoOutlined />}
                  disabled={!dirty || save.isPending}
                  onClick={discard}
                >
                  {t('statistics.entry.discard')}
                </Button>
                <Button
                  type="primary"
                  icon={<SaveOutlined />}
                  loading={save.isPending}
                  onClick={() => void saveAll()}
                  aria-keyshortcuts="Control+S"
                  data-testid="save-values"
                >
                  {dirty ? t('statistics.entry.saveCount', { n: pending.size }) : t('common.save')}
                </Button>
              </>
            )}
            <WorkflowActions
              view={view}
              keys={keys}
              unsaved={dirty}
              onRefused={() => void qc.invalidateQueries({ queryKey: ['statistics', 'report'] })}
            />
          </Flex>
        </Flex>
      </Card>

      <Flex vertical gap={12} style={{ marginBottom: 12 }}>
        {view.returnComment && view.status === 'draft' && (
          <Alert
            type="warning"
            showIcon
            data-testid="return-comment"
            title={
              view.reopened
                ? t('statistics.entry.reopenReason')
                : t('statistics.entry.returnComment')
            }
            description={<span style={{ whiteSpace: 'pre-line' }}>{view.returnComment}</span>}
          />
        )}
        {view.lockMessage && view.lockReason !== 'not_allowed' && (
          <Alert type="info" showIcon data-testid="lock-message" title={view.lockMessage} />
        )}
        {synthetic && <Alert type="warning" showIcon title={t('statistics.syntheticNotice')} />}
        {problems.length > 0 && (view.editable || view.actions.includes('submit')) && (
          <ProblemsPanel
            problems={problems}
            nameOf={nameOf}
            focus={(c) => {
              const key = focusTarget(c);
              if (key) grid.current?.focusCell(key);
            }}
            target={focusTarget}
          />
        )}
      </Flex>

      <Card
        size="small"
        styles={{ body: { padding: 0 } }}
        title={
          <ActiveCellBar
            name={activeKey ? nameOf(activeKey) : null}
            marks={activeMarks}
            onOpen={(tab) => activeKey && setPanel({ key: activeKey, tab })}
          />
        }
      >
        <ValueGrid
          ref={grid}
          label={t('statistics.grid.label', { form: formName, unit: unitName, period: periodName })}
          rows={rows}
          editable={view.editable}
          marks={marks}
          pending={pending}
          errors={errors}
          derived={live.derived}
          onEdit={onEdit}
          onPaste={onPaste}
          onActive={setActiveKey}
          onOpenCell={(key, tab) => setPanel({ key, tab })}
        />
      </Card>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8 }}>
        {view.editable ? t('statistics.grid.keys') : t('statistics.grid.keysReadOnly')}
      </Typography.Paragraph>

      <EventsCard view={view} />

      <CellPanel
        keys={keys}
        cell={panelCell}
        tab={panel?.tab ?? 'comment'}
        editable={view.editable}
        onTab={(tab) => panel && setPanel({ ...panel, tab })}
        onComment={(key, comment) => {
          edit(key, { comment });
          message.info(t('statistics.panel.commentPending'));
          closePanel();
        }}
        onClose={closePanel}
      />
    </>
  );
}

/** The active cell's name and marks, with its comment, evidence and history at hand. */
function ActiveCellBar({
  name,
  marks,
  onOpen,
}: {
  name: string | null;
  marks: Mark[];
  onOpen: (tab: CellTab) => void;
}) {
  const { t } = useTranslation();
  const top = strongest(marks);
  return (
    <Flex justify="space-between" align="center" gap={12} style={{ minHeight: 40 }}>
      <div style={{ minWidth: 0, flex: 1 }} aria-live="polite" data-testid="active-cell">
        <Typography.Text strong ellipsis style={{ display: 'block', fontSize: 13 }}>
          {name ?? t('statistics.grid.pickCell')}
        </Typography.Text>
        {top && (
          <Typography.Text
            type={
              top.kind === 'error' || top.kind === 'invalid'
                ? 'danger'
                : top.kind === 'outlier'
                  ? 'secondary'
                  : 'warning'
            }
            ellipsis
            style={{ display: 'block', fontSize: 12, fontWeight: 'normal' }}
          >
            {marks.map((m) => m.message).join(' · ')}
          </Typography.Text>
        )}
      </div>
      <Flex gap={4}>
        <Button
          size="small"
          icon={<MessageOutlined />}
          disabled={!name}
          onClick={() => onOpen('comment')}
          aria-keyshortcuts="Shift+F2"
        >
          {t('statistics.panel.comment')}
        </Button>
        <Button
          size="small"
          icon={<PaperClipOutlined />}
          disabled={!name}
          onClick={() => onOpen('evidence')}
        >
          {t('statistics.panel.evidenceShort')}
        </Button>
        <Button
          size="small"
          icon={<FieldTimeOutlined />}
          disabled={!name}
          onClick={() => onOpen('history')}
        >
          {t('statistics.panel.history')}
        </Button>
      </Flex>
    </Flex>
  );
}

function ProblemsPanel({
  problems,
  nameOf,
  focus,
  target,
}: {
  problems: Problem[];
  nameOf: (key: string) => string;
  focus: (c: CellRef) => void;
  target: (c: CellRef) => string | undefined;
}) {
  const { t } = useTranslation();
  const errors = problems.filter((p) => p.severity === 'error').length;
  return (
    <Alert
      type={errors > 0 ? 'error' : 'warning'}
      showIcon
      data-testid="problems"
      title={t('statistics.problems.title', { n: problems.length })}
      description={
        <ul style={{ margin: 0, paddingLeft: 18 }}>
          {problems.map((p) => {
            const targets = [...new Set(p.cells.flatMap((c) => target(c) ?? []))];
            return (
              <li key={p.key}>
                {p.message}
                {targets.length > 0 && ' '}
                {targets.slice(0, 4).map((k, i) => (
                  <Button
                    key={k}
                    type="link"
                    size="small"
                    style={{ padding: '0 4px', height: 'auto' }}
                    onClick={() => {
                      const c = p.cells.find((cell) => target(cell) === k);
                      if (c) focus(c);
                    }}
                  >
                    {i === 0 ? t('statistics.problems.goTo', { name: nameOf(k) }) : nameOf(k)}
                  </Button>
                ))}
              </li>
            );
          })}
        </ul>
      }
    />
  );
}

/** The workflow steps taken so far, newest first. */
function EventsCard({ view }: { view: ReportView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (view.events.length === 0) return null;
  return (
    <Card
      size="small"
      title={t('statistics.entry.events')}
      style={{ marginTop: 16 }}
      data-testid="report-events"
    >
      <Timeline
        items={[...view.events].reverse().map((e, i) => ({
          key: `${e.at}-${i}`,
          color:
            e.action === 'return'
              ? 'red'
              : e.action === 'reopen'
                ? 'gold'
                : e.toStatus === 'accepted'
                  ? 'green'
                  : 'blue',
          title: formatDateTime(e.at),
          content: (
            <Flex vertical gap={2}>
              <span>
                <Typography.Text strong>
                  {REPORT_ACTION_LABELS[e.action as ReportAction]?.[locale] ?? e.action}
                </Typography.Text>{' '}
                <Typography.Text type="secondary">
                  · {e.actorUsername} · {REPORT_STATUS_LABELS[e.fromStatus][locale]} →{' '}
                  {REPORT_STATUS_LABELS[e.toStatus][locale]}
                </Typography.Text>
              </span>
              {e.comment && (
                <Typography.Text style={{ whiteSpace: 'pre-line' }}>“{e.comment}”</Typography.Text>
              )}
            </Flex>
          ),
        }))}
      />
    </Card>
  );
}
