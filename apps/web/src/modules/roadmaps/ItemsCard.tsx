import { useState } from 'react';
import { PlusOutlined, PushpinOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Flex,
  InputNumber,
  Modal,
  Select,
  Table,
  Tag,
  Tooltip,
  Typography,
  type TableProps,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ROADMAP_CRITERIA, ROADMAP_CRITERION_LABELS } from '@caunoi/shared';
import { AmountInput } from '../../components/AmountInput';
import { RowActions } from '../../components/RecordActions';
import { useLocale } from '../../i18n/locale';
import { formatNumber } from '../../lib/format';
import { useApiErrorHandler } from '../../lib/forms';
import { useProposals } from '../proposals/api';
import { AnswerTag, CategoryTag } from '../proposals/ProposalTags';
import type { Proposal } from '../proposals/types';
import { useRoadmapEdits } from './api';
import type { ItemPatch, RoadmapDetail, RoadmapItem } from './types';

const SCORES = [1, 2, 3, 4, 5].map((n) => ({ value: n, label: String(n) }));
const value2 = new Intl.NumberFormat('vi-VN', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

/** A number edited in place and sent when the field is left (or Enter is pressed). */
function CommitOnBlur({
  value,
  onCommit,
  render,
}: {
  value: number;
  onCommit: (v: number) => void;
  render: (props: {
    value: number;
    onChange: (v: number | null) => void;
    onBlur: () => void;
    onPressEnter: () => void;
  }) => React.ReactNode;
}) {
  // What is being typed (null: the stored value).
  const [draft, setDraft] = useState<number | null>(null);
  const commit = () => {
    if (draft !== null && draft !== value) onCommit(draft);
    setDraft(null);
  };
  return render({
    value: draft ?? value,
    onChange: (v) => setDraft(v),
    onBlur: commit,
    onPressEnter: commit,
  });
}

function AddItemsModal({
  open,
  roadmap,
  onClose,
}: {
  open: boolean;
  roadmap: RoadmapDetail;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const onError = useApiErrorHandler();
  const { addItems } = useRoadmapEdits(roadmap.id);
  const [selected, setSelected] = useState<string[]>([]);
  const query = { unitId: roadmap.unit.id, pageSize: 500 };
  const agreed = useProposals({ ...query, answer: 'agreed' }, open);
  const conditional = useProposals({ ...query, answer: 'agreed_with_conditions' }, open);
  const present = new Set(roadmap.items.map((i) => i.proposalId));
  const candidates = [...(agreed.data?.items ?? []), ...(conditional.data?.items ?? [])].filter(
    (p) => !present.has(p.id),
  );
  return (
    <Modal
      title={t('roadmaps.addItemsTitle')}
      open={open}
      width={860}
      onCancel={onClose}
      okText={t('roadmaps.addSelected', { n: selected.length })}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: selected.length === 0 }}
      confirmLoading={addItems.isPending}
      afterOpenChange={(visible) => visible && setSelected([])}
      onOk={() => addItems.mutate(selected, { onSuccess: onClose, onError: (e) => onError(e) })}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('roadmaps.addItemsHint')}</Typography.Paragraph>
      <Table<Proposal>
        rowKey="id"
        size="small"
        loading={agreed.isPending || conditional.isPending}
        dataSource={candidates}
        pagination={candidates.length > 10 ? { pageSize: 10 } : false}
        rowSelection={{
          selectedRowKeys: selected,
          onChange: (keys) => setSelected(keys as string[]),
        }}
        locale={{ emptyText: t('roadmaps.noCandidates') }}
        columns={[
          { title: t('proposals.titleField'), dataIndex: 'title' },
          {
            title: t('proposals.category'),
            dataIndex: 'category',
            width: 200,
            render: (c: Proposal['category']) => <CategoryTag category={c} />,
          },
          {
            title: t('proposals.estimatedCostShort'),
            dataIndex: 'estimatedCost',
            width: 130,
            align: 'right',
            render: (v: number | null) => (v === null ? '—' : formatNumber(v)),
          },
          {
            title: t('proposals.answer'),
            dataIndex: 'answer',
            width: 160,
            render: (a: Proposal['answer']) => <AnswerTag answer={a} />,
          },
        ]}
      />
    </Modal>
  );
}

/** The proposals on the roadmap, scored and constrained in place. */
export function ItemsCard({ roadmap }: { roadmap: RoadmapDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const onError = useApiErrorHandler();
  const edits = useRoadmapEdits(roadmap.id);
  const [adding, setAdding] = useState(false);
  const editable = roadmap.canEdit;
  const years = roadmap.envelopes.map((e) => ({ value: e.year, label: String(e.year) }));
  const update = (item: RoadmapItem, patch: ItemPatch) =>
    edits.updateItem.mutate({ itemId: item.id, patch }, { onError: (e) => onError(e) });
  const titleOf = new Map(roadmap.items.map((i) => [i.id, i.proposalTitle]));

  const columns: TableProps<RoadmapItem>['columns'] = [
    {
      title: t('roadmaps.proposal'),
      key: 'proposal',
      fixed: 'left',
      width: 280,
      render: (_, item) => (
        <Flex vertical gap={4}>
          <Link to={`/proposals/${item.proposalId}`}>{item.proposalTitle}</Link>
          <Flex gap={4} wrap>
            <CategoryTag category={item.proposalCategory} />
            {!item.agreed && (
              <Tooltip title={t('roadmaps.notAgreedHint')}>
                <Tag color="red">{t('roadmaps.notAgreed')}</Tag>
              </Tooltip>
            )}
          </Flex>
        </Flex>
      ),
    },
    {
      title: t('roadmaps.cost'),
      key: 'cost',
      width: 140,
      render: (_, item) =>
        editable ? (
          <CommitOnBlur
            value={item.cost}
            onCommit={(cost) => update(item, { cost })}
            render={(p) => <AmountInput size="small" aria-label={t('roadmaps.cost')} {...p} />}
          />
        ) : (
          formatNumber(item.cost)
        ),
    },
    {
      title: t('roadmaps.duration'),
      key: 'duration',
      width: 90,
      render: (_, item) =>
        editable ? (
          <CommitOnBlur
            value={item.durationYears}
            onCommit={(durationYears) => update(item, { durationYears })}
            render={(p) => (
              <InputNumber<number>
                size="small"
                min={1}
                max={15}
                precision={0}
                style={{ width: 64 }}
                aria-label={t('roadmaps.duration')}
                {...p}
              />
            )}
          />
        ) : (
          item.durationYears
        ),
    },
    {
      title: t('roadmaps.earliestStart'),
      key: 'earliest',
      width: 110,
      render: (_, item) => (
        <Select<number>
          size="small"
          allowClear
          disabled={!editable}
          value={item.earliestStartYear ?? undefined}
          placeholder="—"
          options={years}
          style={{ width: 90 }}
          aria-label={t('roadmaps.earliestStart')}
          onChange={(v) => update(item, { earliestStartYear: v ?? null })}
        />
      ),
    },
    ...ROADMAP_CRITERIA.map((c) => ({
      title: (
        <Tooltip title={ROADMAP_CRITERION_LABELS[c][locale]}>
          {t(`roadmaps.criteriaShort.${c}`)}
        </Tooltip>
      ),
      key: c,
      width: 88,
      render: (_: unknown, item: RoadmapItem) => (
        <Select<number>
          size="small"
          disabled={!editable}
          value={item.scores[c]}
          options={SCORES}
          style={{ width: 58 }}
          aria-label={ROADMAP_CRITERION_LABELS[c][locale]}
          onChange={(v) => update(item, { scores: { ...item.scores, [c]: v } })}
        />
      ),
    })),
    {
      title: t('roadmaps.value'),
      key: 'value',
      width: 80,
      align: 'right' as const,
      render: (_: unknown, item: RoadmapItem) => (
        <Typography.Text strong>{value2.format(item.value)}</Typography.Text>
      ),
    },
    {
      title: t('roadmaps.dependsOn'),
      key: 'deps',
      width: 240,
      render: (_, item) => (
        <Select<string[]>
          mode="multiple"
          size="small"
          disabled={!editable}
          value={item.dependsOn}
          placeholder="—"
          style={{ width: '100%' }}
          maxTagTextLength={24}
          aria-label={t('roadmaps.dependsOn')}
          options={roadmap.items
            .filter((o) => o.id !== item.id)
            .map((o) => ({ value: o.id, label: o.proposalTitle }))}
          onChange={(ids) =>
            edits.dependencies.mutate(
              { itemId: item.id, dependsOnItemIds: ids },
              { onError: (e) => onError(e) },
            )
          }
          tagRender={({ value, closable, onClose }) => (
            <Tag closable={closable} onClose={onClose} style={{ marginInlineEnd: 4 }}>
              {(titleOf.get(String(value)) ?? '').slice(0, 24)}
            </Tag>
          )}
        />
      ),
    },
    {
      title: t('roadmaps.pin'),
      key: 'pin',
      width: 170,
      render: (_, item) => (
        <Select<string>
          size="small"
          disabled={!editable}
          value={
            item.excluded ? 'excluded' : item.pinnedYear === null ? 'auto' : String(item.pinnedYear)
          }
          style={{ width: 150 }}
          aria-label={t('roadmaps.pin')}
          options={[
            { value: 'auto', label: t('roadmaps.pinAuto') },
            ...years.map((y) => ({
              value: String(y.value),
              label: t('roadmaps.pinYear', { year: y.value }),
            })),
            { value: 'excluded', label: t('roadmaps.exclude') },
          ]}
          onChange={(v) =>
            update(
              item,
              v === 'excluded'
                ? { excluded: true }
                : v === 'auto'
                  ? { pinnedYear: null, excluded: false }
                  : { pinnedYear: Number(v) },
            )
          }
        />
      ),
    },
    {
      title: t('roadmaps.plannedYear'),
      key: 'planned',
      width: 100,
      render: (_, item) =>
        item.plannedYear === null ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          <Tag color="blue" icon={item.pinnedYear !== null ? <PushpinOutlined /> : undefined}>
            {item.durationYears > 1
              ? `${item.plannedYear}–${item.plannedYear + item.durationYears - 1}`
              : item.plannedYear}
          </Tag>
        ),
    },
    ...(editable
      ? [
          {
            key: 'remove',
            width: 48,
            render: (_: unknown, item: RoadmapItem) => (
              <RowActions
                onDelete={() => edits.removeItem.mutateAsync(item.id)}
                confirm={t('roadmaps.removeConfirm', { title: item.proposalTitle })}
                deleteLabel={t('common.remove')}
              />
            ),
          },
        ]
      : []),
  ];

  return (
    <Card
      title={t('roadmaps.itemsTitle', { n: roadmap.items.length })}
      extra={
        editable && (
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('roadmaps.addItems')}
          </Button>
        )
      }
    >
      <Table<RoadmapItem>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={roadmap.items}
        pagination={false}
        scroll={{ x: 1560 }}
        loading={edits.updateItem.isPending || edits.dependencies.isPending}
        locale={{ emptyText: t('roadmaps.noItems') }}
      />
      {editable && (
        <AddItemsModal open={adding} roadmap={roadmap} onClose={() => setAdding(false)} />
      )}
    </Card>
  );
}
