import { Alert, Card, Col, Flex, Grid, Row, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  ENGAGEMENT_KIND_LABELS,
  PROGRAMME_STATUS_LABELS,
  PROGRAMME_STATUSES,
  PROPOSAL_ANSWERS,
  PROPOSAL_CATEGORY_LABELS,
} from '@caunoi/shared';
import { buildQuery } from '../../api/client';
import { SimpleList } from '../../components/SimpleList';
import { VietnamMap } from '../../components/VietnamMap';
import { useLocale } from '../../i18n/locale';
import { formatDate, formatNumber } from '../../lib/format';
import { formatDays, KIND_COLORS } from '../engagements/labels';
import { ProgrammeStatusTag, UnitList, usePeriodText } from '../programmes/CoordinationTags';
import { AnswerTag } from '../proposals/ProposalTags';
import { cardProps } from './cards';
import { EmptyNote, SeeAllLink } from './CardParts';
import type { Dashboard, RoadmapSummary } from './types';

/** The province's filter for the lists the cards link to (none for the Ministry's view). */
const unitQuery = (d: Dashboard) => (d.unit ? { unitId: d.unit.id } : {});

/** Programmes per province on the map of the 34 provinces; a province opens its dashboard. */
export function ProgrammeMapCard({
  d,
  onSelect,
}: {
  d: Dashboard;
  onSelect?: (unitId: string) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const screens = Grid.useBreakpoint();
  const units = d.programmes.byProvince?.units ?? [];
  return (
    <Card
      {...cardProps}
      title={t('dashboards.map.title')}
      extra={<Link to="/programmes?view=map">{t('programmes.viewMap')}</Link>}
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('dashboards.map.summary', { n: d.programmes.total, inForce: d.programmes.inForce })}
        {onSelect && ` ${t('dashboards.map.hint')}`}
      </Typography.Paragraph>
      <div data-testid="dashboard-map">
        <VietnamMap
          height={screens.xl ? 680 : screens.md ? 560 : 340}
          valueLabel={t('programmes.mapValue')}
          regions={units.map((u) => ({
            code: u.code,
            name: u.nameVi,
            value: u.total,
            details: PROGRAMME_STATUSES.filter((s) => u.counts[s] > 0).map(
              (s) => `${PROGRAMME_STATUS_LABELS[s][locale]}: ${u.counts[s]}`,
            ),
          }))}
          onSelect={
            onSelect &&
            ((code) => {
              const unit = units.find((u) => u.code === code);
              if (unit) onSelect(unit.unitId);
            })
          }
        />
      </div>
    </Card>
  );
}

/** Programmes in force whose period ends soon. */
export function ExpiringCard({ d }: { d: Dashboard }) {
  const { t } = useTranslation();
  const { items, withinDays } = d.programmes.expiring;
  return (
    <Card {...cardProps} title={t('dashboards.expiring.title', { days: withinDays })}>
      {items.length === 0 ? (
        <EmptyNote>{t('programmes.expiringNone')}</EmptyNote>
      ) : (
        <SimpleList
          items={items}
          rowKey={(p) => p.id}
          render={(p) => (
            <Flex vertical gap={2}>
              <Link to={`/programmes/${p.id}`}>{p.title}</Link>
              <Typography.Text
                type={p.daysLeft <= 30 ? 'danger' : 'warning'}
                style={{ fontSize: 12 }}
              >
                {t('programmes.endsIn', { date: formatDate(p.endsOn), n: p.daysLeft })}
              </Typography.Text>
            </Flex>
          )}
        />
      )}
    </Card>
  );
}

/** A province's programmes with the Ministry, the latest signed first. */
export function ProgrammesCard({ d }: { d: Dashboard }) {
  const { t } = useTranslation();
  const periodText = usePeriodText();
  const expiring = new Set(d.programmes.expiring.items.map((p) => p.id));
  const items = d.programmes.latest ?? [];
  return (
    <Card
      {...cardProps}
      title={t('dashboards.programmes.title')}
      extra={<SeeAllLink to={`/programmes${buildQuery(unitQuery(d))}`} n={d.programmes.total} />}
    >
      {items.length === 0 ? (
        <EmptyNote>{t('dashboards.programmes.empty')}</EmptyNote>
      ) : (
        <SimpleList
          items={items}
          rowKey={(p) => p.id}
          render={(p) => (
            <Flex vertical gap={4}>
              <Link to={`/programmes/${p.id}`}>{p.title}</Link>
              <Flex gap={8} align="center" wrap>
                <ProgrammeStatusTag status={p.status} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {[
                    p.signedOn
                      ? t('programmes.signedOnShort', { date: formatDate(p.signedOn) })
                      : t('programmes.notSigned'),
                    periodText(p),
                  ].join(' · ')}
                </Typography.Text>
              </Flex>
              {expiring.has(p.id) && (
                <Typography.Text type="warning" style={{ fontSize: 12 }}>
                  {t('dashboards.programmes.endsOn', { date: formatDate(p.endsOn) })}
                </Typography.Text>
              )}
            </Flex>
          )}
        />
      )}
    </Card>
  );
}

/** Engagements that took place, the latest first. */
export function EngagementsCard({ d }: { d: Dashboard }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Card
      {...cardProps}
      title={t('dashboards.engagements.title')}
      extra={<Link to={`/engagements${buildQuery(unitQuery(d))}`}>{t('dashboards.openList')}</Link>}
    >
      {d.engagements.length === 0 ? (
        <EmptyNote>{t('dashboards.engagements.empty')}</EmptyNote>
      ) : (
        <SimpleList
          items={d.engagements}
          rowKey={(e) => e.id}
          render={(e) => (
            <Flex vertical gap={4}>
              <Link to={`/engagements/${e.id}`}>{e.title}</Link>
              <Flex gap={8} align="center" wrap style={{ fontSize: 12 }}>
                <Tag color={KIND_COLORS[e.kind]} style={{ margin: 0 }}>
                  {ENGAGEMENT_KIND_LABELS[e.kind][locale]}
                </Tag>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDays(e)}
                  {e.place && !e.units.some((u) => u.nameVi === e.place) ? ` · ${e.place}` : ''}
                </Typography.Text>
                {d.view === 'ministry' && (
                  <UnitList units={e.units} none={t('engagements.national')} />
                )}
              </Flex>
            </Flex>
          )}
        />
      )}
    </Card>
  );
}

/** Proposals counted by the Ministry's answer (each opening the filtered list), the latest. */
export function ProposalsCard({ d }: { d: Dashboard }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { byAnswer, latest, total } = d.proposals;
  const list = (answer?: string) => `/proposals${buildQuery({ ...unitQuery(d), answer })}`;
  return (
    <Card
      {...cardProps}
      title={t('dashboards.proposals.title')}
      extra={<SeeAllLink to={list()} n={total} />}
    >
      {total === 0 ? (
        <EmptyNote>{t('dashboards.proposals.empty')}</EmptyNote>
      ) : (
        <>
          <Flex gap={8} wrap style={{ marginBottom: 12 }}>
            {(['pending', ...PROPOSAL_ANSWERS] as const)
              .filter((a) => byAnswer[a] > 0)
              .map((a) => (
                <Link key={a} to={list(a)} aria-label={`${a}: ${byAnswer[a]}`}>
                  <AnswerTag answer={a === 'pending' ? null : a} />
                  <Typography.Text strong>{formatNumber(byAnswer[a])}</Typography.Text>
                </Link>
              ))}
          </Flex>
          <SimpleList
            items={latest}
            rowKey={(p) => p.id}
            render={(p) => (
              <Flex vertical gap={4}>
                <Link to={`/proposals/${p.id}`}>{p.title}</Link>
                <Flex gap={8} align="center" wrap>
                  <AnswerTag answer={p.answer} />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {[
                      d.view === 'ministry' ? p.unit.nameVi : null,
                      PROPOSAL_CATEGORY_LABELS[p.category][locale],
                      p.answeredOn
                        ? t('dashboards.proposals.answeredOn', { date: formatDate(p.answeredOn) })
                        : null,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Typography.Text>
                </Flex>
              </Flex>
            )}
          />
        </>
      )}
    </Card>
  );
}

/** The province's newest roadmap: span, envelopes and what the last plan schedules each year. */
export function RoadmapCard({ d }: { d: Dashboard }) {
  const { t } = useTranslation();
  const r = d.roadmap;
  return (
    <Card
      {...cardProps}
      title={t('dashboards.roadmap.title')}
      extra={
        r && r.roadmapCount > 1 ? (
          <SeeAllLink to={`/roadmaps${buildQuery(unitQuery(d))}`} n={r.roadmapCount} />
        ) : (
          <Link to={`/roadmaps${buildQuery(unitQuery(d))}`}>{t('dashboards.openList')}</Link>
        )
      }
    >
      {r ? <RoadmapBody r={r} /> : <EmptyNote>{t('dashboards.roadmap.empty')}</EmptyNote>}
    </Card>
  );
}

function RoadmapBody({ r }: { r: RoadmapSummary }) {
  const { t } = useTranslation();
  const million = (n: number | null) => (n === null ? '—' : formatNumber(n));
  return (
    <Flex vertical gap={12}>
      <div>
        <Link to={`/roadmaps/${r.id}`}>{r.title}</Link>
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
          {t('roadmaps.periodText', { from: r.startYear, to: r.endYear })}
        </Typography.Text>
      </div>
      <Row gutter={[16, 8]}>
        <Col xs={12} sm={8}>
          <Statistic
            title={t('dashboards.roadmap.envelopeTotal')}
            value={formatNumber(r.envelopeTotal)}
          />
        </Col>
        <Col xs={12} sm={8}>
          <Statistic title={t('dashboards.roadmap.plannedCost')} value={million(r.plannedCost)} />
        </Col>
        <Col xs={24} sm={8}>
          <Statistic
            title={t('roadmaps.plannedOfItems')}
            value={t('roadmaps.plannedCount', { planned: r.plannedCount, n: r.itemCount })}
          />
        </Col>
      </Row>
      {r.plannedCost === null ? (
        <Alert type="info" showIcon title={t('dashboards.roadmap.notPlanned')} />
      ) : (
        r.planStale && <Alert type="warning" showIcon title={t('roadmaps.stale')} />
      )}
      <Table
        size="small"
        rowKey="year"
        pagination={false}
        dataSource={r.years}
        columns={[
          { title: t('roadmaps.year'), dataIndex: 'year', width: 70 },
          {
            title: t('dashboards.roadmap.envelope'),
            dataIndex: 'envelope',
            align: 'right',
            render: (v: number) => formatNumber(v),
          },
          {
            title: t('dashboards.roadmap.yearCost'),
            dataIndex: 'plannedCost',
            align: 'right',
            render: million,
          },
          {
            title: t('dashboards.roadmap.starting'),
            dataIndex: 'itemCount',
            align: 'right',
          },
        ]}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('dashboards.roadmap.unit')}
      </Typography.Text>
    </Flex>
  );
}
