import { useState } from 'react';
import { Button, Card, Flex, Slider, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ROADMAP_CRITERIA, ROADMAP_CRITERION_LABELS } from '@caunoi/shared';
import { useLocale } from '../../i18n/locale';
import { useApiErrorHandler } from '../../lib/forms';
import { useSaveRoadmap } from './api';
import type { RoadmapDetail, Weights } from './types';

const percent = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
const asPoints = (w: Weights) =>
  Object.fromEntries(ROADMAP_CRITERIA.map((c) => [c, Math.round(w[c] * 100)])) as Weights;

/** The criteria weights: sliders of raw points, each shown as its share of the total. */
export function WeightsCard({ roadmap }: { roadmap: RoadmapDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const onError = useApiErrorHandler();
  const save = useSaveRoadmap(roadmap.id);
  // The sliders as moved, until saved (null: the stored weights).
  const [draft, setDraft] = useState<Weights | null>(null);
  const points = draft ?? asPoints(roadmap.weights);
  const total = ROADMAP_CRITERIA.reduce((s, c) => s + points[c], 0);
  const changed = ROADMAP_CRITERIA.some((c) => points[c] !== asPoints(roadmap.weights)[c]);
  return (
    <Card
      title={t('roadmaps.weightsTitle')}
      extra={
        roadmap.canEdit && (
          <Button
            type="primary"
            size="small"
            disabled={!changed || total === 0}
            loading={save.isPending}
            onClick={() =>
              save.mutate(
                { weights: points },
                { onSuccess: () => setDraft(null), onError: (e) => onError(e) },
              )
            }
          >
            {t('roadmaps.saveWeights')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('roadmaps.weightsHint')}</Typography.Paragraph>
      {ROADMAP_CRITERIA.map((c) => (
        <div key={c}>
          <Flex justify="space-between">
            <Typography.Text>{ROADMAP_CRITERION_LABELS[c][locale]}</Typography.Text>
            <Typography.Text strong>
              {total > 0 ? `${percent.format((points[c] / total) * 100)}%` : '—'}
            </Typography.Text>
          </Flex>
          <Slider
            min={0}
            max={100}
            value={points[c]}
            disabled={!roadmap.canEdit}
            onChange={(v) => setDraft({ ...points, [c]: v })}
            aria-label={ROADMAP_CRITERION_LABELS[c][locale]}
          />
        </div>
      ))}
      {total === 0 && <Typography.Text type="danger">{t('roadmaps.weightsZero')}</Typography.Text>}
    </Card>
  );
}
