import { useState } from 'react';
import {
  DeleteOutlined,
  DownOutlined,
  EditOutlined,
  FileExcelOutlined,
  FileWordOutlined,
  ThunderboltOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Dropdown, Flex, Row, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { Attachments } from '../../components/Attachments';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { useConfirmDelete } from '../../components/RecordActions';
import { formatDate, formatDateTime } from '../../lib/format';
import { useApiErrorHandler } from '../../lib/forms';
import { UnitName } from '../programmes/CoordinationTags';
import { useDeleteRoadmap, useRoadmap, useRoadmapEdits } from './api';
import { EnvelopesCard } from './EnvelopesCard';
import { ItemsCard } from './ItemsCard';
import { PlanResults } from './PlanResults';
import { RoadmapFormModal } from './RoadmapFormModal';
import type { PlanIssue, RoadmapDetail } from './types';
import { WeightsCard } from './WeightsCard';

/** Why the last "Lập lộ trình" failed: the server's message and the planner's explanations. */
interface PlanFailure {
  message: string;
  issues: PlanIssue[];
}

function failureOf(error: unknown): PlanFailure | null {
  if (!isApiError(error) || error.status !== 400) return null;
  const issues = (error.details as { issues?: PlanIssue[] } | undefined)?.issues ?? [];
  return { message: error.message, issues };
}

function Workspace({ roadmap }: { roadmap: RoadmapDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const { plan } = useRoadmapEdits(roadmap.id);
  const remove = useDeleteRoadmap();
  const [editing, setEditing] = useState(false);
  const [failure, setFailure] = useState<PlanFailure | null>(null);
  const base = `/api/v1/roadmaps/${roadmap.id}`;

  const runPlan = () =>
    plan.mutate(undefined, {
      onSuccess: () => {
        setFailure(null);
        message.success(t('roadmaps.planned'));
      },
      onError: (e) => {
        const f = failureOf(e);
        if (f) setFailure(f);
        else onError(e);
      },
    });

  const confirmDelete = useConfirmDelete({
    title: t('roadmaps.deleteTitle'),
    content: t('roadmaps.deleteConfirm', { title: roadmap.title }),
    remove: () => remove.mutateAsync(roadmap.id),
    backTo: '/roadmaps',
  });

  return (
    <>
      <PageHeader
        breadcrumbs={[{ title: t('roadmaps.menu'), to: '/roadmaps' }, { title: roadmap.title }]}
        title={roadmap.title}
        description={
          <Space wrap split="·">
            <UnitName unit={roadmap.unit} />
            <span>
              {t('roadmaps.periodText', { from: roadmap.startYear, to: roadmap.endYear })}
            </span>
            {roadmap.engagement && (
              <Link to={`/engagements/${roadmap.engagement.id}`}>
                {roadmap.engagement.title} ({formatDate(roadmap.engagement.startsOn)})
              </Link>
            )}
            <span>
              {roadmap.plannedAt
                ? t('roadmaps.plannedAtText', { at: formatDateTime(roadmap.plannedAt) })
                : t('roadmaps.notPlanned')}
            </span>
          </Space>
        }
        extra={
          <>
            {roadmap.canEdit && (
              <Button
                type="primary"
                icon={<ThunderboltOutlined />}
                loading={plan.isPending}
                disabled={roadmap.items.length === 0}
                onClick={runPlan}
              >
                {t('roadmaps.plan')}
              </Button>
            )}
            <Button icon={<FileExcelOutlined />} href={`${base}/export.xlsx`}>
              {t('roadmaps.exportExcel')}
            </Button>
            <Dropdown
              menu={{
                items: [14, 13].map((size) => ({
                  key: size,
                  label: (
                    <a href={`${base}/annex.docx?fontSize=${size}`}>
                      {t('roadmaps.annexSize', { size })}
                    </a>
                  ),
                })),
              }}
            >
              <Button icon={<FileWordOutlined />}>
                {t('roadmaps.exportAnnex')} <DownOutlined />
              </Button>
            </Dropdown>
            {roadmap.canEdit && (
              <>
                <Button
                  icon={<EditOutlined />}
                  onClick={() => setEditing(true)}
                  aria-label={t('common.edit')}
                />
                <Button
                  danger
                  icon={<DeleteOutlined />}
                  onClick={confirmDelete}
                  loading={remove.isPending}
                  aria-label={t('common.delete')}
                />
              </>
            )}
          </>
        }
      />
      <Flex vertical gap={16}>
        {failure && (
          <Alert
            type="error"
            showIcon
            closable={{ onClose: () => setFailure(null) }}
            title={t('roadmaps.planFailed')}
            description={
              failure.issues.length > 0 ? (
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {failure.issues.map((i, n) => (
                    <li key={n}>{i.message}</li>
                  ))}
                </ul>
              ) : (
                failure.message
              )
            }
          />
        )}
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <WeightsCard roadmap={roadmap} />
          </Col>
          <Col xs={24} xl={12}>
            <EnvelopesCard roadmap={roadmap} />
          </Col>
        </Row>
        <ItemsCard roadmap={roadmap} />
        <PlanResults roadmap={roadmap} />
        <Card title={t('roadmaps.files')}>
          <Typography.Paragraph type="secondary">{t('roadmaps.filesHint')}</Typography.Paragraph>
          <Attachments
            entityType="roadmap"
            entityId={roadmap.id}
            purposes={['output', 'other']}
            canEdit={roadmap.canEdit}
          />
        </Card>
      </Flex>
      <RoadmapFormModal
        open={editing}
        roadmap={roadmap}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          message.success(t('common.saved'));
        }}
      />
    </>
  );
}

export default function RoadmapPage() {
  const { id = '' } = useParams();
  const query = useRoadmap(id);
  return <QueryState query={query}>{(r) => <Workspace roadmap={r} />}</QueryState>;
}
