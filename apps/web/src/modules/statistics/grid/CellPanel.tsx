import { useState } from 'react';
import {
  Alert,
  Button,
  Descriptions,
  Drawer,
  Flex,
  Input,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { VALUE_CHANNEL_LABELS, type ValueType } from '@caunoi/shared';
import { Attachments } from '../../../components/Attachments';
import { ErrorAlert } from '../../../components/QueryState';
import { useLocale } from '../../../i18n/locale';
import { formatDateTime } from '../../../lib/format';
import { useCellHistory } from '../api';
import type { CellRef, HistoryEntry, ReportKeys, StoredCellValue } from '../types';
import { displayStored, type Mark, type YesNo } from './model';
import type { CellTab } from './ValueGrid';
import { MarkList } from './ValueGrid';

export interface PanelCell extends CellRef {
  key: string;
  name: string;
  valueType: ValueType;
  stored: StoredCellValue | null;
  /** The comment the cell will have once saved (pending, else stored). */
  comment: string | null;
  marks: Mark[];
}

/**
 * A cell's side panel: its comment (put into the pending batch), its evidence files (on a saved
 * value) and the history of its value.
 */
export function CellPanel({
  keys,
  cell,
  tab,
  editable,
  onTab,
  onComment,
  onClose,
}: {
  keys: ReportKeys;
  cell: PanelCell | null;
  tab: CellTab;
  editable: boolean;
  onTab: (tab: CellTab) => void;
  onComment: (key: string, comment: string | null) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Drawer
      open={!!cell}
      onClose={onClose}
      size={520}
      title={cell?.name}
      destroyOnHidden
      data-testid="cell-panel"
    >
      {cell && (
        <Flex vertical gap={16}>
          {cell.marks.length > 0 && (
            <Alert
              type={
                cell.marks.some((m) => m.kind === 'error' || m.kind === 'invalid')
                  ? 'error'
                  : 'warning'
              }
              showIcon
              title={<MarkList marks={cell.marks} />}
            />
          )}
          <StoredSummary cell={cell} />
          <Tabs
            activeKey={tab}
            onChange={(k) => onTab(k as CellTab)}
            items={[
              {
                key: 'comment',
                label: t('statistics.panel.comment'),
                children: (
                  <CommentEditor
                    key={cell.key}
                    comment={cell.comment}
                    editable={editable}
                    onApply={(c) => onComment(cell.key, c)}
                  />
                ),
              },
              {
                key: 'evidence',
                label: t('statistics.panel.evidence', { n: cell.stored?.evidenceCount ?? 0 }),
                children: cell.stored ? (
                  <Attachments
                    entityType="stat_value"
                    entityId={cell.stored.id}
                    purposes={['evidence']}
                    canEdit={editable}
                  />
                ) : (
                  <Alert type="info" showIcon title={t('statistics.panel.saveFirst')} />
                ),
              },
              {
                key: 'history',
                label: t('statistics.panel.history'),
                children: <History keys={keys} cell={cell} />,
              },
            ]}
          />
        </Flex>
      )}
    </Drawer>
  );
}

function StoredSummary({ cell }: { cell: PanelCell }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const yesNo: YesNo = { yes: t('statistics.grid.yes'), no: t('statistics.grid.no') };
  const v = cell.stored;
  if (!v)
    return <Typography.Text type="secondary">{t('statistics.panel.notSaved')}</Typography.Text>;
  return (
    <Descriptions
      size="small"
      column={1}
      items={[
        {
          key: 'value',
          label: t('statistics.panel.savedValue'),
          children: (
            <Flex gap={8} align="center">
              <strong>
                {displayStored(v, cell.valueType, yesNo) || t('statistics.panel.blank')}
              </strong>
              {v.synthetic && <Tag color="purple">{t('statistics.synthetic')}</Tag>}
            </Flex>
          ),
        },
        {
          key: 'by',
          label: t('statistics.panel.updated'),
          children: t('statistics.panel.updatedBy', {
            user: v.updatedBy,
            at: formatDateTime(v.updatedAt),
            channel: VALUE_CHANNEL_LABELS[v.channel][locale],
          }),
        },
      ]}
    />
  );
}

function CommentEditor({
  comment,
  editable,
  onApply,
}: {
  comment: string | null;
  editable: boolean;
  onApply: (comment: string | null) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(comment ?? '');
  if (!editable) {
    return comment ? (
      <Typography.Paragraph style={{ whiteSpace: 'pre-line' }}>{comment}</Typography.Paragraph>
    ) : (
      <Typography.Text type="secondary">{t('statistics.panel.noComment')}</Typography.Text>
    );
  }
  return (
    <Flex vertical gap={8}>
      <Input.TextArea
        aria-label={t('statistics.panel.commentLabel')}
        value={text}
        maxLength={2000}
        showCount
        autoSize={{ minRows: 3, maxRows: 10 }}
        autoFocus
        placeholder={t('statistics.panel.commentPlaceholder')}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            onApply(text.trim() === '' ? null : text);
          }
        }}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('statistics.panel.commentHint')}
      </Typography.Text>
      <Flex gap={8}>
        <Button type="primary" onClick={() => onApply(text.trim() === '' ? null : text)}>
          {t('statistics.panel.applyComment')}
        </Button>
        {comment && (
          <Button onClick={() => onApply(null)}>{t('statistics.panel.removeComment')}</Button>
        )}
      </Flex>
    </Flex>
  );
}

function History({ keys, cell }: { keys: ReportKeys; cell: PanelCell }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const query = useCellHistory(keys, {
    indicatorCode: cell.indicatorCode,
    optionCode: cell.optionCode,
  });
  const yesNo: YesNo = { yes: t('statistics.grid.yes'), no: t('statistics.grid.no') };
  const show = (num: number | null, txt: string | null) =>
    displayStored({ num, txt }, cell.valueType, yesNo) || t('statistics.panel.blank');
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <Table<HistoryEntry>
      size="small"
      rowKey={(h) => `${h.at}-${h.batchId ?? ''}`}
      loading={query.isPending}
      dataSource={query.data?.items ?? []}
      pagination={false}
      locale={{ emptyText: t('statistics.panel.noHistory') }}
      data-testid="cell-history"
      columns={[
        {
          key: 'at',
          title: t('statistics.panel.when'),
          render: (_, h) => (
            <Flex vertical>
              <span>{formatDateTime(h.at)}</span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {h.actorUsername}
              </Typography.Text>
            </Flex>
          ),
        },
        {
          key: 'change',
          title: t('statistics.panel.change'),
          render: (_, h) => {
            const valueChanged = h.oldNum !== h.newNum || h.oldTxt !== h.newTxt;
            const commentChanged = h.oldComment !== h.newComment;
            return (
              <Flex vertical gap={2}>
                {valueChanged && (
                  <span>
                    {show(h.oldNum, h.oldTxt)} → <strong>{show(h.newNum, h.newTxt)}</strong>
                  </span>
                )}
                {commentChanged && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {h.newComment
                      ? t('statistics.panel.commentSet', { comment: h.newComment })
                      : t('statistics.panel.commentRemoved')}
                  </Typography.Text>
                )}
              </Flex>
            );
          },
        },
        {
          key: 'channel',
          title: t('statistics.panel.channel'),
          width: 130,
          render: (_, h) => <Tag>{VALUE_CHANNEL_LABELS[h.channel][locale]}</Tag>,
        },
      ]}
    />
  );
}
