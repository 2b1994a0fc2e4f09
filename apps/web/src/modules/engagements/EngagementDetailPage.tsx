import { useId, useState, type ReactNode } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  Table,
  Tag,
  Typography,
  type TableProps,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  ENGAGEMENT_KIND_LABELS,
  PROPOSAL_ANSWER_LABELS,
  PROPOSAL_CATEGORY_LABELS,
  type ProposalAnswer,
} from '@caunoi/shared';
import { Attachments } from '../../components/Attachments';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { RecordActions, RowActions } from '../../components/RecordActions';
import { useLocale } from '../../i18n/locale';
import { formatDate } from '../../lib/format';
import { UnitList, UnitName } from '../programmes/CoordinationTags';
import { TasksPanel } from '../tasks/TasksPanel';
import {
  useDeleteEngagement,
  useDirectives,
  useEngagement,
  useNotices,
  useParticipants,
} from './api';
import { EngagementFormModal } from './EngagementFormModal';
import { formatDays, KIND_COLORS } from './labels';
import { DirectiveFormModal, NoticeFormModal, ParticipantFormModal } from './OutcomeForms';
import type { ConclusionNotice, Directive, EngagementDetail, Participant } from './types';

type Editing<T> = T | 'new' | null;
const recordOf = <T,>(e: Editing<T>): T | undefined => (e === 'new' || e === null ? undefined : e);

function AddButton({
  show,
  label,
  onClick,
}: {
  show: boolean;
  label: string;
  onClick: () => void;
}) {
  return show ? (
    <Button icon={<PlusOutlined />} onClick={onClick}>
      {label}
    </Button>
  ) : null;
}

function Participants({ engagement }: { engagement: EngagementDetail }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Editing<Participant>>(null);
  const { remove } = useParticipants();
  const columns: TableProps<Participant>['columns'] = [
    {
      title: t('engagements.person'),
      dataIndex: 'personName',
      width: 200,
      render: (name: string, p) => <Link to={`/people/${p.personId}`}>{name}</Link>,
    },
    {
      title: t('engagements.titleThatDay', { date: formatDate(engagement.startsOn) }),
      dataIndex: 'title',
    },
    {
      title: t('engagements.organisation'),
      key: 'org',
      width: 260,
      render: (_, p) =>
        p.organisationId ? (
          <Link to={`/organisations/${p.organisationId}`}>{p.organisationName}</Link>
        ) : (
          '—'
        ),
    },
    {
      title: t('engagements.side'),
      dataIndex: 'side',
      width: 110,
      render: (s: Participant['side']) => <Tag>{t(`engagements.sides.${s}`)}</Tag>,
    },
    ...(engagement.canEdit
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 100,
            render: (_: unknown, p: Participant) => (
              <RowActions
                onEdit={() => setEditing(p)}
                onDelete={() => remove.mutateAsync(p.id)}
                confirm={t('engagements.removeParticipantConfirm', { name: p.personName })}
              />
            ),
          },
        ]
      : []),
  ];
  return (
    <Card
      title={t('engagements.participantsTitle', { n: engagement.participants.length })}
      extra={
        <AddButton
          show={engagement.canEdit}
          label={t('engagements.addParticipant')}
          onClick={() => setEditing('new')}
        />
      }
    >
      <Table<Participant>
        rowKey="id"
        size="small"
        scroll={{ x: 900 }}
        pagination={false}
        columns={columns}
        dataSource={engagement.participants}
        locale={{ emptyText: t('engagements.noParticipants') }}
      />
      <ParticipantFormModal
        engagement={engagement}
        record={recordOf(editing)}
        open={editing !== null}
        onClose={() => setEditing(null)}
      />
    </Card>
  );
}

/** A numbered outcome with the tasks given under it. */
function OutcomeBlock({
  heading,
  meta,
  actions,
  children,
}: {
  heading: ReactNode;
  meta?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const headingId = useId();
  return (
    <section
      aria-labelledby={headingId}
      style={{ borderTop: '1px solid rgba(5,5,5,0.06)', padding: '12px 0' }}
    >
      <Flex justify="space-between" align="flex-start" gap={12}>
        <div style={{ minWidth: 0 }}>
          <Typography.Text id={headingId} strong style={{ whiteSpace: 'pre-line' }}>
            {heading}
          </Typography.Text>
          {meta && (
            <div>
              <Typography.Text type="secondary">{meta}</Typography.Text>
            </div>
          )}
        </div>
        {actions}
      </Flex>
      <div style={{ marginTop: 8, paddingLeft: 16 }}>{children}</div>
    </section>
  );
}

function Directives({ engagement }: { engagement: EngagementDetail }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Editing<Directive>>(null);
  const { remove } = useDirectives();
  const { directives, canManage } = engagement;
  return (
    <Card
      title={t('engagements.directivesTitle', { n: directives.length })}
      extra={
        <AddButton
          show={canManage}
          label={t('engagements.addDirective')}
          onClick={() => setEditing('new')}
        />
      }
    >
      {directives.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('engagements.noDirectives')} />
      ) : (
        directives.map((d) => (
          <OutcomeBlock
            key={d.id}
            heading={`${d.number}. ${d.text}`}
            meta={
              d.issuedByName ? t('engagements.directedBy', { name: d.issuedByName }) : undefined
            }
            actions={
              canManage && (
                <RowActions
                  onEdit={() => setEditing(d)}
                  onDelete={() => remove.mutateAsync(d.id)}
                  confirm={t('engagements.deleteDirectiveConfirm', { n: d.number })}
                />
              )
            }
          >
            <TasksPanel
              source={{ sourceKind: 'directive', sourceId: d.id }}
              canCreate={canManage}
            />
          </OutcomeBlock>
        ))
      )}
      <DirectiveFormModal
        engagement={engagement}
        record={recordOf(editing)}
        open={editing !== null}
        onClose={() => setEditing(null)}
      />
    </Card>
  );
}

function Notices({ engagement }: { engagement: EngagementDetail }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Editing<ConclusionNotice>>(null);
  const { remove } = useNotices();
  const { conclusionNotices: notices, canManage } = engagement;
  return (
    <Card
      title={t('engagements.noticesTitle', { n: notices.length })}
      extra={
        <AddButton
          show={canManage}
          label={t('engagements.addNotice')}
          onClick={() => setEditing('new')}
        />
      }
    >
      {notices.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('engagements.noNotices')} />
      ) : (
        notices.map((n) => (
          <OutcomeBlock
            key={n.id}
            heading={t('engagements.noticeHeading', {
              number: n.documentNumber,
              date: formatDate(n.issuedOn),
            })}
            meta={[
              n.issuingOrganisation?.nameVi,
              n.signerText ??
                (n.signerName ? t('engagements.signedBy', { name: n.signerName }) : null),
            ]
              .filter(Boolean)
              .join(' · ')}
            actions={
              canManage && (
                <RowActions
                  onEdit={() => setEditing(n)}
                  onDelete={() => remove.mutateAsync(n.id)}
                  confirm={t('engagements.deleteNoticeConfirm', { number: n.documentNumber })}
                />
              )
            }
          >
            {n.summary && (
              <Typography.Paragraph style={{ whiteSpace: 'pre-line' }}>
                {n.summary}
              </Typography.Paragraph>
            )}
            <Attachments
              entityType="conclusion_notice"
              entityId={n.id}
              purposes={['signed_document']}
              canEdit={canManage}
            />
            <Typography.Text strong>{t('engagements.noticeTasks')}</Typography.Text>
            <TasksPanel
              source={{ sourceKind: 'conclusion_notice', sourceId: n.id }}
              canCreate={canManage}
            />
          </OutcomeBlock>
        ))
      )}
      <NoticeFormModal
        engagement={engagement}
        record={recordOf(editing)}
        open={editing !== null}
        onClose={() => setEditing(null)}
      />
    </Card>
  );
}

function Proposals({ engagement }: { engagement: EngagementDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  type Row = EngagementDetail['proposals'][number];
  const columns: TableProps<Row>['columns'] = [
    { title: t('engagements.proposalTitle'), dataIndex: 'title' },
    {
      title: t('engagements.province'),
      key: 'unit',
      width: 220,
      render: (_, p) => <UnitName unit={p.unit} />,
    },
    {
      title: t('engagements.proposalCategory'),
      dataIndex: 'category',
      width: 220,
      render: (c: Row['category']) => PROPOSAL_CATEGORY_LABELS[c][locale],
    },
    {
      title: t('engagements.proposalAnswer'),
      dataIndex: 'answer',
      width: 180,
      render: (a: ProposalAnswer | null) =>
        a ? (
          <Tag>{PROPOSAL_ANSWER_LABELS[a][locale]}</Tag>
        ) : (
          <Tag>{t('engagements.notAnswered')}</Tag>
        ),
    },
  ];
  return (
    <Card title={t('engagements.proposalsTitle', { n: engagement.proposals.length })}>
      <Table<Row>
        rowKey="id"
        size="small"
        scroll={{ x: 800 }}
        pagination={false}
        columns={columns}
        dataSource={engagement.proposals}
        locale={{ emptyText: t('engagements.noProposals') }}
      />
    </Card>
  );
}

function Detail({ engagement }: { engagement: EngagementDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const remove = useDeleteEngagement();

  return (
    <>
      <PageHeader
        breadcrumbs={[
          { title: t('engagements.pageTitle'), to: '/engagements' },
          { title: formatDays(engagement) },
        ]}
        title={engagement.title}
        tags={
          <Tag color={KIND_COLORS[engagement.kind]}>
            {ENGAGEMENT_KIND_LABELS[engagement.kind][locale]}
          </Tag>
        }
        extra={
          engagement.canEdit && (
            <RecordActions
              onEdit={() => setEditing(true)}
              title={t('engagements.deleteTitle')}
              content={t('engagements.deleteConfirm', { title: engagement.title })}
              remove={() => remove.mutateAsync(engagement.id)}
              deleting={remove.isPending}
              deleted={t('engagements.deleted')}
              backTo="/engagements"
            />
          )
        }
      />
      <Flex vertical gap={16}>
        <Card title={t('engagements.general')}>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              { key: 'date', label: t('engagements.date'), children: formatDays(engagement) },
              { key: 'place', label: t('engagements.place'), children: engagement.place ?? '—' },
              {
                key: 'units',
                label: t('engagements.provinces'),
                children: <UnitList units={engagement.units} none={t('engagements.national')} />,
              },
              {
                key: 'host',
                label: t('engagements.host'),
                children: engagement.hostOrganisation ? (
                  <Link to={`/organisations/${engagement.hostOrganisation.id}`}>
                    {engagement.hostOrganisation.nameVi}
                  </Link>
                ) : (
                  '—'
                ),
              },
              {
                key: 'programme',
                label: t('engagements.programme'),
                span: 'filled',
                children: engagement.programme ? (
                  <Link to={`/programmes/${engagement.programme.id}`}>
                    {engagement.programme.title}
                  </Link>
                ) : (
                  '—'
                ),
              },
              {
                key: 'summary',
                label: t('engagements.summary'),
                span: 'filled',
                children: (
                  <span style={{ whiteSpace: 'pre-line' }}>{engagement.summary ?? '—'}</span>
                ),
              },
              {
                key: 'notes',
                label: t('common.notes'),
                span: 'filled',
                children: <span style={{ whiteSpace: 'pre-line' }}>{engagement.notes ?? '—'}</span>,
              },
            ]}
          />
        </Card>
        <Participants engagement={engagement} />
        <Directives engagement={engagement} />
        <Notices engagement={engagement} />
        <Proposals engagement={engagement} />
        <Card title={t('engagements.files')}>
          <Attachments
            entityType="engagement"
            entityId={engagement.id}
            purposes={['minutes', 'other']}
            canEdit={engagement.canEdit}
          />
        </Card>
      </Flex>
      <EngagementFormModal
        open={editing}
        engagement={engagement}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          message.success(t('common.saved'));
        }}
      />
    </>
  );
}

export default function EngagementDetailPage() {
  const { id = '' } = useParams();
  const query = useEngagement(id);
  return <QueryState query={query}>{(e) => <Detail engagement={e} />}</QueryState>;
}
