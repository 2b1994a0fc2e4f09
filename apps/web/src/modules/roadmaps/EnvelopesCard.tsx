import { useState } from 'react';
import { Button, Card, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { AmountInput } from '../../components/AmountInput';
import { formatNumber } from '../../lib/format';
import { useApiErrorHandler } from '../../lib/forms';
import { useRoadmapEdits } from './api';
import type { RoadmapDetail } from './types';

type Row = { year: number; amount: number };

/** The budget available each year, edited as one table and saved at once. */
export function EnvelopesCard({ roadmap }: { roadmap: RoadmapDetail }) {
  const { t } = useTranslation();
  const onError = useApiErrorHandler();
  const { envelopes: save } = useRoadmapEdits(roadmap.id);
  // What the officer typed, until it is saved (null: the stored amounts).
  const [draft, setDraft] = useState<Row[] | null>(null);
  const rows = draft ?? roadmap.envelopes;
  const changed = rows.some((r, i) => r.amount !== roadmap.envelopes[i]?.amount);
  const total = rows.reduce((s, r) => s + r.amount, 0);
  return (
    <Card
      title={t('roadmaps.envelopesTitle')}
      extra={
        roadmap.canEdit && (
          <Button
            type="primary"
            size="small"
            disabled={!changed}
            loading={save.isPending}
            onClick={() =>
              save.mutate(rows, { onSuccess: () => setDraft(null), onError: (e) => onError(e) })
            }
          >
            {t('roadmaps.saveEnvelopes')}
          </Button>
        )
      }
    >
      <Table<Row>
        rowKey="year"
        size="small"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: t('roadmaps.year'), dataIndex: 'year', width: 90 },
          {
            title: t('roadmaps.envelope'),
            key: 'amount',
            render: (_, r) =>
              roadmap.canEdit ? (
                <AmountInput
                  size="small"
                  value={r.amount}
                  aria-label={t('roadmaps.envelopeOf', { year: r.year })}
                  onChange={(v) =>
                    setDraft(rows.map((x) => (x.year === r.year ? { ...x, amount: v ?? 0 } : x)))
                  }
                />
              ) : (
                formatNumber(r.amount)
              ),
          },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>
              <Typography.Text strong>{t('roadmaps.total')}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1}>
              <Typography.Text strong>{formatNumber(total)}</Typography.Text>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
    </Card>
  );
}
