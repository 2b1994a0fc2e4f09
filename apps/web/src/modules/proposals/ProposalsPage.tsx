import { Card, Flex, Select, Space, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  PROPOSAL_ANSWER_LABELS,
  PROPOSAL_ANSWERS,
  PROPOSAL_CATEGORIES,
  PROPOSAL_CATEGORY_LABELS,
  todayInVietnam,
  type ProposalCategory,
} from '@caunoi/shared';
import { CreateButton, FilterBar, SearchBox, useCreateDialog } from '../../components/ListPage';
import { PagedTable } from '../../components/PagedTable';
import { PageHeader } from '../../components/PageHeader';
import { useLocale } from '../../i18n/locale';
import { formatDate, formatNumber } from '../../lib/format';
import { optionsOf } from '../../lib/labels';
import { pagingFrom } from '../../lib/table';
import { useUrlState } from '../../lib/useUrlState';
import { useMe } from '../auth/session';
import { UnitName } from '../programmes/CoordinationTags';
import { UnitSelect } from '../units/UnitSelect';
import { useProposals } from './api';
import { canWriteProposals } from './permissions';
import { ProposalFormModal } from './ProposalFormModal';
import { EngagementSelect, MinistryUnitSelect } from './ProposalSelects';
import { AnswerTag, CategoryTag } from './ProposalTags';
import type { AnswerFilter, Proposal } from './types';

const KEYS = [
  'q',
  'unitId',
  'category',
  'answer',
  'engagementId',
  'assigned',
  'page',
  'pageSize',
] as const;

export default function ProposalsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { user } = useMe();
  const create = useCreateDialog('/proposals');
  const [url, setUrl] = useUrlState(KEYS);
  const paging = pagingFrom(url);
  const query = useProposals({
    q: url.q || undefined,
    unitId: url.unitId,
    category: url.category as ProposalCategory | undefined,
    answer: url.answer as AnswerFilter | undefined,
    engagementId: url.engagementId,
    assignedOrganisationId: url.assigned,
    ...paging,
  });

  const columns: TableProps<Proposal>['columns'] = [
    {
      title: t('proposals.titleField'),
      key: 'title',
      width: 340,
      render: (_, p) => (
        <Flex vertical gap={2}>
          <Link to={`/proposals/${p.id}`}>{p.title}</Link>
          {p.engagement && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {p.engagement.title} · {formatDate(p.engagement.startsOn)}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: t('proposals.unit'),
      key: 'unit',
      width: 170,
      render: (_, p) => <UnitName unit={p.unit} />,
    },
    {
      title: t('proposals.category'),
      dataIndex: 'category',
      width: 180,
      render: (c: ProposalCategory) => <CategoryTag category={c} />,
    },
    {
      title: t('proposals.estimatedCostShort'),
      dataIndex: 'estimatedCost',
      width: 120,
      align: 'right',
      render: (v: number | null) => (v === null ? '—' : formatNumber(v)),
    },
    {
      title: t('proposals.assignedUnits'),
      key: 'assigned',
      width: 160,
      render: (_, p) =>
        p.assignedUnits.length === 0
          ? '—'
          : p.assignedUnits.map((u) => u.shortName ?? u.nameVi).join(', '),
    },
    {
      title: t('proposals.answer'),
      key: 'answer',
      width: 150,
      render: (_, p) => (
        <Space direction="vertical" size={0}>
          <AnswerTag answer={p.answer} />
          {p.answeredOn && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDate(p.answeredOn)}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('proposals.recordedAt'),
      dataIndex: 'createdAt',
      width: 110,
      render: (v: string) => formatDate(todayInVietnam(new Date(v))),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('proposals.title')}
        description={t('proposals.description')}
        extra={
          canWriteProposals(user) && (
            <CreateButton onClick={create.start}>{t('proposals.create')}</CreateButton>
          )
        }
      />
      <Card>
        <FilterBar>
          <SearchBox
            value={url.q}
            placeholder={t('proposals.searchPlaceholder')}
            onSearch={(q) => setUrl({ q, page: null })}
          />
          <UnitSelect
            value={url.unitId}
            includeFormer
            placeholder={t('proposals.allUnits')}
            onChange={(v) => setUrl({ unitId: v, page: null })}
            style={{ width: 220 }}
            aria-label={t('proposals.unit')}
          />
          <Select<ProposalCategory>
            allowClear
            value={url.category as ProposalCategory | undefined}
            placeholder={t('proposals.allCategories')}
            options={optionsOf(PROPOSAL_CATEGORIES, PROPOSAL_CATEGORY_LABELS, locale)}
            onChange={(v) => setUrl({ category: v, page: null })}
            style={{ width: 240 }}
            aria-label={t('proposals.category')}
          />
          <Select<AnswerFilter>
            allowClear
            value={url.answer as AnswerFilter | undefined}
            placeholder={t('proposals.allAnswers')}
            options={[
              { value: 'pending', label: t('proposals.pending') },
              ...optionsOf(PROPOSAL_ANSWERS, PROPOSAL_ANSWER_LABELS, locale),
            ]}
            onChange={(v) => setUrl({ answer: v, page: null })}
            style={{ width: 200 }}
            aria-label={t('proposals.answer')}
          />
          <EngagementSelect
            value={url.engagementId}
            placeholder={t('proposals.allEngagements')}
            onChange={(v) => setUrl({ engagementId: v, page: null })}
            style={{ width: 280 }}
            aria-label={t('proposals.engagement')}
          />
          <MinistryUnitSelect
            value={url.assigned}
            placeholder={t('proposals.allAssigned')}
            onChange={(v) => setUrl({ assigned: v as string | undefined, page: null })}
            style={{ width: 260 }}
            aria-label={t('proposals.assignedUnits')}
          />
        </FilterBar>
        <PagedTable<Proposal>
          query={query}
          columns={columns}
          scrollX={1230}
          paging={paging}
          onPage={(page, pageSize) => setUrl({ page, pageSize })}
          emptyText={t('proposals.empty')}
        />
      </Card>
      <ProposalFormModal open={create.open} onClose={create.close} onSaved={create.saved} />
    </>
  );
}
