import { PushpinOutlined } from '@ant-design/icons';
import {
  Alert,
  Card,
  Col,
  Flex,
  Progress,
  Row,
  Statistic,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format';
import type { LastPlan, RoadmapDetail, RoadmapItem } from './types';

const decimal = (digits: number) =>
  new Intl.NumberFormat('vi-VN', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const two = decimal(2);
const one = decimal(1);

/** Items by start year (unplanned last), as the Gantt-like table lists them. */
const byStart = (a: RoadmapItem, b: RoadmapItem) =>
  (a.plannedYear ?? Infinity) - (b.plannedYear ?? Infinity);

function Gantt({ roadmap, plan }: { roadmap: RoadmapDetail; plan: LastPlan }) {
  const { t } = useTranslation();
  const years = roadmap.envelopes.map((e) => e.year);
  const runs = (item: RoadmapItem, y: number) =>
    item.plannedYear !== null && y >= item.plannedYear && y < item.plannedYear + item.durationYears;
  return (
    <Table<RoadmapItem>
      rowKey="id"
      size="small"
      pagination={false}
      scroll={{ x: 360 + years.length * 110 }}
      dataSource={[...roadmap.items].sort(byStart)}
      columns={[
        {
          title: t('roadmaps.proposal'),
          key: 'title',
          fixed: 'left',
          width: 360,
          render: (_, item) => {
            const greedy = plan.greedySchedule[item.id] ?? null;
            return (
              <Flex vertical>
                <Typography.Text type={item.plannedYear === null ? 'secondary' : undefined}>
                  {item.pinnedYear !== null && <PushpinOutlined style={{ marginRight: 6 }} />}
                  {item.proposalTitle}
                </Typography.Text>
                {greedy !== item.plannedYear && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('roadmaps.greedyPlaced', { year: greedy ?? '—' })}
                  </Typography.Text>
                )}
              </Flex>
            );
          },
        },
        ...years.map((y) => ({
          title: String(y),
          key: String(y),
          width: 110,
          align: 'center' as const,
          onCell: (item: RoadmapItem) => ({
            style: runs(item, y) ? { background: '#bae0ff', borderInline: '1px solid #fff' } : {},
          }),
          render: (_: unknown, item: RoadmapItem) =>
            runs(item, y) ? (
              <Typography.Text style={{ fontSize: 12 }}>
                {formatNumber(Math.round((item.cost / item.durationYears) * 100) / 100)}
              </Typography.Text>
            ) : null,
        })),
      ]}
    />
  );
}

function Budget({ plan }: { plan: LastPlan }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={8}>
      {plan.years.map((y) => {
        const percent = y.envelope > 0 ? (y.cost / y.envelope) * 100 : y.cost > 0 ? 100 : 0;
        return (
          <Row key={y.year} gutter={12} align="middle">
            <Col flex="56px">
              <Typography.Text strong>{y.year}</Typography.Text>
            </Col>
            <Col flex="auto">
              <Tooltip
                title={t('roadmaps.greedyCost', {
                  cost: y.greedyCost === null ? '—' : formatNumber(y.greedyCost),
                })}
              >
                <Progress
                  percent={Math.round(percent * 10) / 10}
                  format={(p) => `${one.format(p ?? 0)}%`}
                  status={percent > 100 ? 'exception' : 'normal'}
                  style={{ margin: 0 }}
                />
              </Tooltip>
            </Col>
            <Col flex="230px" style={{ textAlign: 'right' }}>
              <Typography.Text>
                {formatNumber(y.cost)} / {formatNumber(y.envelope)}
              </Typography.Text>
            </Col>
          </Row>
        );
      })}
    </Flex>
  );
}

/** The last plan: issues, the comparison with the greedy ranking, the schedule and the budget. */
export function PlanResults({ roadmap }: { roadmap: RoadmapDetail }) {
  const { t } = useTranslation();
  const plan = roadmap.lastPlan;
  if (!plan) {
    return (
      <Card title={t('roadmaps.resultsTitle')}>
        <Typography.Text type="secondary">{t('roadmaps.noPlanYet')}</Typography.Text>
      </Card>
    );
  }
  const itemTitle = new Map(roadmap.items.map((i) => [i.id, i.proposalTitle]));
  return (
    <Card title={t('roadmaps.resultsTitle')}>
      <Flex vertical gap={16}>
        {roadmap.planStale && <Alert type="warning" showIcon title={t('roadmaps.stale')} />}
        {plan.status === 'feasible' && (
          <Alert type="info" showIcon title={t('roadmaps.notProven')} />
        )}
        {plan.issues.length > 0 && (
          <Alert
            type="warning"
            showIcon
            title={t('roadmaps.issuesTitle', { n: plan.issues.length })}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {plan.issues.map((i, n) => (
                  <li key={n} title={i.itemId ? itemTitle.get(i.itemId) : undefined}>
                    {i.message}
                  </li>
                ))}
              </ul>
            }
          />
        )}
        <Card size="small" title={t('roadmaps.comparisonTitle')}>
          <Row gutter={[24, 16]}>
            <Col xs={12} md={6}>
              <Statistic
                title={t('roadmaps.mipObjective')}
                value={two.format(plan.objective)}
                suffix={
                  <Tag
                    color={plan.status === 'optimal' ? 'green' : 'gold'}
                    style={{ marginInlineStart: 8 }}
                  >
                    {t(`roadmaps.status.${plan.status}`)}
                  </Tag>
                }
              />
            </Col>
            <Col xs={12} md={6}>
              <Statistic
                title={t('roadmaps.greedyObjective')}
                value={plan.greedy.objective === null ? '—' : two.format(plan.greedy.objective)}
              />
            </Col>
            <Col xs={12} md={6}>
              <Statistic
                title={t('roadmaps.gap')}
                value={plan.gapPercent === null ? '—' : `${one.format(plan.gapPercent)}%`}
              />
            </Col>
            <Col xs={12} md={6}>
              <Statistic
                title={t('roadmaps.solveTime')}
                value={`${formatNumber(plan.solveMs)} ms`}
              />
            </Col>
            <Col span={24}>
              <Typography.Text type="secondary">
                {t('roadmaps.planSummary', {
                  planned: plan.plannedCount,
                  n: roadmap.items.length,
                  cost: formatNumber(plan.plannedCost),
                })}
              </Typography.Text>
            </Col>
          </Row>
        </Card>
        <Card size="small" title={t('roadmaps.ganttTitle')}>
          <Gantt roadmap={roadmap} plan={plan} />
        </Card>
        <Card size="small" title={t('roadmaps.budgetTitle')}>
          <Budget plan={plan} />
        </Card>
      </Flex>
    </Card>
  );
}
