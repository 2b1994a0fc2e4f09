import { Col, Row, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { User } from '../../api/types';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { formatDate } from '../../lib/format';
import { useUrlState } from '../../lib/useUrlState';
import { useMe } from '../auth/session';
import { UnitSelect } from '../units/UnitSelect';
import { useDashboard } from './api';
import {
  EngagementsCard,
  ExpiringCard,
  ProgrammeMapCard,
  ProgrammesCard,
  ProposalsCard,
  RoadmapCard,
} from './RecordCards';
import { LeadCard, OpenTasksCard, OverdueCard, TaskCards } from './TaskSections';
import type { Dashboard } from './types';

const KEYS = ['unitId'] as const;

/** Whether the account reads every province's records (the Ministry side, a national viewer). */
const readsEverywhere = (user: User) =>
  user.assignments.some(
    (a) =>
      a.role === 'system_admin' ||
      a.role === 'ministry_coordinator' ||
      a.role === 'ministry_unit_officer' ||
      (a.role === 'viewer' && a.scopeKind === 'national'),
  );

const GUTTER: [number, number] = [16, 16];

function MinistryView({ d, onSelect }: { d: Dashboard; onSelect?: (unitId: string) => void }) {
  return (
    <Row gutter={GUTTER}>
      <Col xs={24} xl={14}>
        {d.tasks.focus === 'all' ? <OverdueCard d={d} /> : <OpenTasksCard d={d} />}
      </Col>
      <Col xs={24} xl={10}>
        {d.tasks.byLead && <LeadCard rows={d.tasks.byLead} />}
      </Col>
      <Col xs={24} xl={14}>
        <ProgrammeMapCard d={d} onSelect={onSelect} />
      </Col>
      <Col xs={24} xl={10}>
        <Row gutter={GUTTER}>
          <Col span={24}>
            <ExpiringCard d={d} />
          </Col>
          <Col span={24}>
            <EngagementsCard d={d} />
          </Col>
        </Row>
      </Col>
      <Col span={24}>
        <ProposalsCard d={d} />
      </Col>
    </Row>
  );
}

function ProvinceView({ d }: { d: Dashboard }) {
  return (
    <Row gutter={GUTTER}>
      <Col xs={24} xl={14}>
        <OpenTasksCard d={d} />
      </Col>
      <Col xs={24} xl={10}>
        <ProgrammesCard d={d} />
      </Col>
      <Col xs={24} xl={12}>
        <ProposalsCard d={d} />
      </Col>
      <Col xs={24} xl={12}>
        <RoadmapCard d={d} />
      </Col>
      <Col span={24}>
        <EngagementsCard d={d} />
      </Col>
    </Row>
  );
}

export default function DashboardPage() {
  const { t } = useTranslation();
  const { user } = useMe();
  const [url, setUrl] = useUrlState(KEYS);
  const query = useDashboard(url.unitId);
  const d = query.data;
  const everywhere = readsEverywhere(user);
  const select = everywhere ? (unitId: string) => setUrl({ unitId }) : undefined;
  const unit = d?.unit;
  const successors = unit && !unit.validToday ? unit.successors : [];
  return (
    <>
      <PageHeader
        title={unit ? `${t('dashboards.title')}: ${unit.nameVi}` : t('dashboards.title')}
        tags={
          successors.length > 0 && (
            <Tag>
              {t('programmes.nowPart', { names: successors.map((s) => s.nameVi).join(', ') })}
            </Tag>
          )
        }
        description={
          d &&
          t(d.view === 'province' ? 'dashboards.provinceDescription' : 'dashboards.description', {
            date: formatDate(d.today),
          })
        }
        extra={
          everywhere && (
            <UnitSelect
              value={url.unitId}
              placeholder={t('dashboards.nationwide')}
              onChange={(unitId) => setUrl({ unitId })}
              style={{ width: 260, maxWidth: '100%' }}
              aria-label={t('dashboards.pickProvince')}
            />
          )
        }
      />
      <QueryState query={query}>
        {(data) => (
          <>
            <TaskCards d={data} />
            {data.view === 'province' ? (
              <ProvinceView d={data} />
            ) : (
              <MinistryView d={data} onSelect={select} />
            )}
          </>
        )}
      </QueryState>
    </>
  );
}
