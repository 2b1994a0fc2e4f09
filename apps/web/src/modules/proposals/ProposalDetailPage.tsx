import { useState } from 'react';
import { MessageOutlined, TeamOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Modal,
  Row,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ENGAGEMENT_KIND_LABELS, todayInVietnam } from '@caunoi/shared';
import { Attachments } from '../../components/Attachments';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { RecordActions } from '../../components/RecordActions';
import { useLocale } from '../../i18n/locale';
import { formatDate, formatNumber } from '../../lib/format';
import { useApiErrorHandler } from '../../lib/forms';
import { UnitName } from '../programmes/CoordinationTags';
import { TasksPanel } from '../tasks/TasksPanel';
import { useAssignUnits, useDeleteProposal, useProposal } from './api';
import { AnswerFormModal } from './AnswerFormModal';
import { ProposalFormModal } from './ProposalFormModal';
import { MinistryUnitSelect } from './ProposalSelects';
import { AnswerTag, CategoryTag } from './ProposalTags';
import type { ProposalDetail } from './types';

const AGREED = new Set(['agreed', 'agreed_with_conditions']);

function AssignUnitsModal({
  open,
  proposal,
  onClose,
}: {
  open: boolean;
  proposal: ProposalDetail;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const onError = useApiErrorHandler();
  const assign = useAssignUnits(proposal.id);
  const [ids, setIds] = useState<string[]>(proposal.assignedUnits.map((u) => u.id));
  return (
    <Modal
      title={t('proposals.assignTitle')}
      open={open}
      onCancel={onClose}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={assign.isPending}
      onOk={() => assign.mutate(ids, { onSuccess: onClose, onError: (e) => onError(e) })}
      afterOpenChange={(visible) => visible && setIds(proposal.assignedUnits.map((u) => u.id))}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('proposals.assignHint')}</Typography.Paragraph>
      <MinistryUnitSelect
        mode="multiple"
        value={ids}
        onChange={(v) => setIds(v as string[])}
        style={{ width: '100%' }}
        placeholder={t('proposals.assignPlaceholder')}
        aria-label={t('proposals.assignedUnits')}
      />
    </Modal>
  );
}

function AnswerCard({ proposal, onAnswer }: { proposal: ProposalDetail; onAnswer: () => void }) {
  const { t } = useTranslation();
  return (
    <Card
      title={t('proposals.answerCard')}
      extra={
        proposal.canAnswer && (
          <Button
            type={proposal.answer ? 'default' : 'primary'}
            icon={<MessageOutlined />}
            onClick={onAnswer}
          >
            {proposal.answer ? t('proposals.changeAnswer') : t('proposals.answerAction')}
          </Button>
        )
      }
    >
      {proposal.answer === null ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('proposals.notAnswered')} />
      ) : (
        <Descriptions
          size="small"
          column={1}
          items={[
            {
              key: 'answer',
              label: t('proposals.answer'),
              children: <AnswerTag answer={proposal.answer} />,
            },
            {
              key: 'on',
              label: t('proposals.answeredOn'),
              children: formatDate(proposal.answeredOn),
            },
            {
              key: 'by',
              label: t('proposals.answeredBy'),
              children: proposal.answeredBy ? (
                <Link to={`/organisations/${proposal.answeredBy.id}`}>
                  {proposal.answeredBy.nameVi}
                </Link>
              ) : (
                '—'
              ),
            },
            {
              key: 'reason',
              label: t('proposals.answerReason'),
              children: (
                <Typography.Text style={{ whiteSpace: 'pre-line' }}>
                  {proposal.answerReason ?? '—'}
                </Typography.Text>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}

function Detail({ proposal }: { proposal: ProposalDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<'edit' | 'answer' | 'assign' | null>(null);
  const remove = useDeleteProposal();
  const close = () => setDialog(null);

  const engagement = proposal.engagement;
  return (
    <>
      <PageHeader
        breadcrumbs={[{ title: t('proposals.menu'), to: '/proposals' }, { title: proposal.title }]}
        title={proposal.title}
        tags={
          <>
            <CategoryTag category={proposal.category} />
            <AnswerTag answer={proposal.answer} />
          </>
        }
        extra={
          proposal.canEdit && (
            <RecordActions
              onEdit={() => setDialog('edit')}
              title={t('proposals.deleteTitle')}
              content={t('proposals.deleteConfirm', { title: proposal.title })}
              remove={() => remove.mutateAsync(proposal.id)}
              deleting={remove.isPending}
              deleted={t('proposals.deleted')}
              backTo="/proposals"
            />
          )
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Flex vertical gap={16}>
            <Card title={t('proposals.general')}>
              <Descriptions
                size="small"
                column={{ xs: 1, md: 2 }}
                items={[
                  {
                    key: 'unit',
                    label: t('proposals.unit'),
                    children: <UnitName unit={proposal.unit} />,
                  },
                  {
                    key: 'cost',
                    label: t('proposals.estimatedCost'),
                    children:
                      proposal.estimatedCost === null
                        ? '—'
                        : `${formatNumber(proposal.estimatedCost)} ${t('proposals.millionVnd')}`,
                  },
                  {
                    key: 'source',
                    label: t('proposals.fundingSource'),
                    children: proposal.fundingSource ?? '—',
                  },
                  {
                    key: 'recorded',
                    label: t('proposals.recordedAt'),
                    children: formatDate(todayInVietnam(new Date(proposal.createdAt))),
                  },
                  {
                    key: 'engagement',
                    label: t('proposals.engagement'),
                    span: 'filled',
                    children: engagement ? (
                      <Space wrap>
                        <Link to={`/engagements/${engagement.id}`}>{engagement.title}</Link>
                        <Typography.Text type="secondary">
                          {ENGAGEMENT_KIND_LABELS[engagement.kind][locale]} ·{' '}
                          {formatDate(engagement.startsOn)}
                        </Typography.Text>
                      </Space>
                    ) : (
                      '—'
                    ),
                  },
                  {
                    key: 'content',
                    label: t('proposals.content'),
                    span: 'filled',
                    children: (
                      <Typography.Text style={{ whiteSpace: 'pre-line' }}>
                        {proposal.content ?? '—'}
                      </Typography.Text>
                    ),
                  },
                ]}
              />
            </Card>
            <Card title={t('proposals.tasks', { n: proposal.taskCount })}>
              <TasksPanel
                source={{ sourceKind: 'proposal', sourceId: proposal.id }}
                canCreate={
                  proposal.canAnswer && proposal.answer !== null && AGREED.has(proposal.answer)
                }
              />
            </Card>
            <Card title={t('proposals.files')}>
              <Attachments
                entityType="proposal"
                entityId={proposal.id}
                purposes={['evidence', 'other']}
                canEdit={proposal.canAttach}
              />
            </Card>
          </Flex>
        </Col>
        <Col xs={24} xl={10}>
          <Flex vertical gap={16}>
            <AnswerCard proposal={proposal} onAnswer={() => setDialog('answer')} />
            <Card
              title={t('proposals.assignedUnits')}
              extra={
                proposal.canAnswer && (
                  <Button icon={<TeamOutlined />} onClick={() => setDialog('assign')}>
                    {t('proposals.assignAction')}
                  </Button>
                )
              }
            >
              {proposal.assignedUnits.length === 0 ? (
                <Typography.Text type="secondary">{t('proposals.noAssigned')}</Typography.Text>
              ) : (
                <Flex gap={8} wrap>
                  {proposal.assignedUnits.map((u) => (
                    <Tag key={u.id}>
                      <Link to={`/organisations/${u.id}`}>{u.nameVi}</Link>
                    </Tag>
                  ))}
                </Flex>
              )}
            </Card>
            {proposal.roadmaps.length > 0 && (
              <Card title={t('proposals.roadmaps')}>
                <Flex vertical gap={4}>
                  {proposal.roadmaps.map((r) => (
                    <Link key={r.id} to={`/roadmaps/${r.id}`}>
                      {r.title}
                    </Link>
                  ))}
                </Flex>
              </Card>
            )}
          </Flex>
        </Col>
      </Row>
      <ProposalFormModal
        open={dialog === 'edit'}
        proposal={proposal}
        onClose={close}
        onSaved={() => {
          close();
          message.success(t('common.saved'));
        }}
      />
      {proposal.canAnswer && (
        <>
          <AnswerFormModal open={dialog === 'answer'} proposal={proposal} onClose={close} />
          <AssignUnitsModal open={dialog === 'assign'} proposal={proposal} onClose={close} />
        </>
      )}
    </>
  );
}

export default function ProposalDetailPage() {
  const { id = '' } = useParams();
  const query = useProposal(id);
  return <QueryState query={query}>{(p) => <Detail proposal={p} />}</QueryState>;
}
