import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Collapse,
  Descriptions,
  Empty,
  Flex,
  Progress,
  Table,
  Tag,
  Typography,
  type TableProps,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ENGAGEMENT_KIND_LABELS } from '@caunoi/shared';
import { Attachments } from '../../components/Attachments';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { RecordActions, RowActions } from '../../components/RecordActions';
import { SimpleList } from '../../components/SimpleList';
import { useLocale } from '../../i18n/locale';
import { formatDate } from '../../lib/format';
import { TasksPanel } from '../tasks/TasksPanel';
import { useDeleteContent, useDeleteProgramme, useProgramme } from './api';
import { ContentFormModal } from './ContentFormModal';
import { ProgrammeStatusTag, UnitName, usePeriodText } from './CoordinationTags';
import { ProgrammeFormModal } from './ProgrammeFormModal';
import type { ProgrammeContent, ProgrammeDetail, ProgrammeParty } from './types';

function Contents({ programme }: { programme: ProgrammeDetail }) {
  const { t } = useTranslation();
  const remove = useDeleteContent();
  const [editing, setEditing] = useState<ProgrammeContent | 'new' | null>(null);
  const { contents, canEdit } = programme;
  return (
    <Card
      title={t('programmes.contents', { n: contents.length })}
      extra={
        canEdit && (
          <Button icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('programmes.addContent')}
          </Button>
        )
      }
    >
      {programme.progress !== null && (
        <Flex align="center" gap={12} style={{ marginBottom: 16 }}>
          <Typography.Text>{t('programmes.overallProgress')}</Typography.Text>
          <Progress percent={programme.progress} style={{ maxWidth: 360, margin: 0 }} />
          <Typography.Text type="secondary">
            {t('programmes.taskCount', { n: programme.taskCount })}
          </Typography.Text>
        </Flex>
      )}
      {contents.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('programmes.noContents')} />
      ) : (
        <Collapse
          items={contents.map((c) => ({
            key: c.id,
            label: (
              <Flex justify="space-between" align="center" gap={16} wrap>
                <Typography.Text strong>
                  {c.number}. {c.title}
                </Typography.Text>
                {c.taskCount === 0 ? (
                  <Typography.Text type="secondary">
                    {t('programmes.noActionItems')}
                  </Typography.Text>
                ) : (
                  <Flex align="center" gap={12}>
                    <Typography.Text type="secondary">
                      {t('programmes.completedOf', { done: c.completedCount, n: c.taskCount })}
                    </Typography.Text>
                    <Progress
                      percent={c.progress ?? 0}
                      size="small"
                      style={{ width: 140, margin: 0 }}
                    />
                  </Flex>
                )}
              </Flex>
            ),
            extra: canEdit && (
              <div onClick={(e) => e.stopPropagation()}>
                <RowActions
                  onEdit={() => setEditing(c)}
                  onDelete={() => remove.mutateAsync(c.id)}
                  confirm={t('programmes.deleteContentConfirm', { n: c.number })}
                />
              </div>
            ),
            children: (
              <>
                {c.description && (
                  <Typography.Paragraph style={{ whiteSpace: 'pre-line' }}>
                    {c.description}
                  </Typography.Paragraph>
                )}
                <Typography.Text strong>{t('programmes.actionItems')}</Typography.Text>
                <TasksPanel
                  source={{ sourceKind: 'programme_content', sourceId: c.id }}
                  canCreate={canEdit}
                />
              </>
            ),
          }))}
        />
      )}
      <ContentFormModal
        open={editing !== null}
        programmeId={programme.id}
        content={editing === 'new' || editing === null ? undefined : editing}
        count={contents.length}
        onClose={() => setEditing(null)}
      />
    </Card>
  );
}

function Detail({ programme }: { programme: ProgrammeDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const remove = useDeleteProgramme();
  const periodText = usePeriodText();

  const partyColumns: TableProps<ProgrammeParty>['columns'] = [
    {
      title: t('programmes.side'),
      dataIndex: 'side',
      width: 110,
      render: (s: ProgrammeParty['side']) => (
        <Tag color={s === 'ministry' ? 'blue' : 'green'}>{t(`programmes.sides.${s}`)}</Tag>
      ),
    },
    {
      title: t('programmes.partyOrganisation'),
      key: 'org',
      render: (_, p) => <Link to={`/organisations/${p.organisationId}`}>{p.organisationName}</Link>,
    },
    {
      title: t('programmes.province'),
      key: 'unit',
      width: 260,
      render: (_, p) => (p.unit ? <UnitName unit={p.unit} /> : '—'),
    },
    {
      title: t('programmes.signatory'),
      key: 'signatory',
      width: 220,
      render: (_, p) =>
        p.signatoryPersonId ? (
          <Link to={`/people/${p.signatoryPersonId}`}>{p.signatoryName}</Link>
        ) : (
          '—'
        ),
    },
  ];

  return (
    <>
      <PageHeader
        breadcrumbs={[
          { title: t('programmes.pageTitle'), to: '/programmes' },
          { title: programme.documentNumber ?? t('programmes.detail') },
        ]}
        title={programme.title}
        tags={<ProgrammeStatusTag status={programme.status} />}
        extra={
          programme.canEdit && (
            <RecordActions
              onEdit={() => setEditing(true)}
              title={t('programmes.deleteTitle')}
              content={t('programmes.deleteConfirm', { title: programme.title })}
              remove={() => remove.mutateAsync(programme.id)}
              deleting={remove.isPending}
              deleted={t('programmes.deleted')}
              backTo="/programmes"
            />
          )
        }
      />
      {programme.notes && (
        <Alert
          type="warning"
          showIcon
          title={t('programmes.notes')}
          description={<span style={{ whiteSpace: 'pre-line' }}>{programme.notes}</span>}
          style={{ marginBottom: 16 }}
        />
      )}
      {programme.supersededBy && (
        <Alert
          type="info"
          showIcon
          title={
            <>
              {t('programmes.supersededByNotice')}{' '}
              <Link to={`/programmes/${programme.supersededBy.id}`}>
                {programme.supersededBy.title}
              </Link>
            </>
          }
          style={{ marginBottom: 16 }}
        />
      )}
      <Flex vertical gap={16}>
        <Card title={t('programmes.general')}>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              {
                key: 'number',
                label: t('programmes.documentNumber'),
                children: programme.documentNumber ?? '—',
              },
              {
                key: 'signed',
                label: t('programmes.signedOn'),
                children: programme.signedOn
                  ? formatDate(programme.signedOn)
                  : t('programmes.notSigned'),
              },
              { key: 'period', label: t('programmes.period'), children: periodText(programme) },
              {
                key: 'ends',
                label: t('programmes.endsOn'),
                children: formatDate(programme.endsOn),
              },
              {
                key: 'status',
                label: t('programmes.status'),
                children: <ProgrammeStatusTag status={programme.status} />,
              },
              {
                key: 'supersedes',
                label: t('programmes.supersedes'),
                children:
                  programme.supersedes.length === 0
                    ? '—'
                    : programme.supersedes.map((p) => (
                        <div key={p.id}>
                          <Link to={`/programmes/${p.id}`}>{p.title}</Link>
                        </div>
                      )),
              },
              {
                key: 'summary',
                label: t('programmes.summary'),
                span: 'filled',
                children: (
                  <span style={{ whiteSpace: 'pre-line' }}>{programme.summary ?? '—'}</span>
                ),
              },
            ]}
          />
        </Card>
        <Card title={t('programmes.parties')}>
          <Table<ProgrammeParty>
            rowKey="id"
            size="small"
            scroll={{ x: 760 }}
            pagination={false}
            columns={partyColumns}
            dataSource={programme.parties}
          />
        </Card>
        <Card title={t('programmes.signedDocument')}>
          <Attachments
            entityType="programme"
            entityId={programme.id}
            purposes={['signed_document', 'other']}
            canEdit={programme.canEdit}
          />
        </Card>
        <Contents programme={programme} />
        <Card title={t('programmes.engagements')}>
          {programme.engagements.length === 0 ? (
            <Typography.Text type="secondary">{t('programmes.noEngagements')}</Typography.Text>
          ) : (
            <SimpleList
              items={programme.engagements}
              rowKey={(e) => e.id}
              render={(e) => <Link to={`/engagements/${e.id}`}>{e.title}</Link>}
              extra={(e) => (
                <Typography.Text type="secondary">
                  {ENGAGEMENT_KIND_LABELS[e.kind][locale]} · {formatDate(e.startsOn)}
                </Typography.Text>
              )}
            />
          )}
        </Card>
      </Flex>
      <ProgrammeFormModal
        open={editing}
        programme={programme}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          message.success(t('common.saved'));
        }}
      />
    </>
  );
}

export default function ProgrammeDetailPage() {
  const { id = '' } = useParams();
  const query = useProgramme(id);
  return <QueryState query={query}>{(p) => <Detail programme={p} />}</QueryState>;
}
