import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, List, Popconfirm, Select, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { Attachment, AttachmentPurpose } from '../api/types';
import { formatDateTime, formatNumber } from '../lib/format';
import { ErrorAlert } from './QueryState';

const key = (entityType: string, entityId: string) => ['attachments', entityType, entityId];

function humanSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(Math.round(bytes / 102.4) / 10)} KB`;
  return `${formatNumber(Math.round(bytes / (1024 * 102.4)) / 10)} MB`;
}

/**
 * The files attached to a record: download links for everyone who can see the record, and
 * upload/remove for those who can edit it.
 */
export function Attachments({
  entityType,
  entityId,
  purposes,
  canEdit,
}: {
  entityType: string;
  entityId: string;
  /** Purposes offered on upload (the first is the default); the list shows all purposes. */
  purposes: AttachmentPurpose[];
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [purpose, setPurpose] = useState<AttachmentPurpose>(purposes[0] ?? 'other');
  const query = useQuery({
    queryKey: key(entityType, entityId),
    queryFn: () =>
      api<{ items: Attachment[] }>('/attachments', { query: { entityType, entityId } }),
  });
  const refresh = () => client.invalidateQueries({ queryKey: key(entityType, entityId) });
  const upload = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('entityType', entityType);
      form.append('entityId', entityId);
      form.append('purpose', purpose);
      form.append('file', file, file.name);
      return api<Attachment>('/attachments', { method: 'POST', body: form });
    },
    onSuccess: async (a) => {
      message.success(t('attachments.uploaded', { name: a.name }));
      await refresh();
    },
    onError: (e) => message.error(e.message),
  });
  const remove = useMutation({
    mutationFn: (id: string) => api(`/attachments/${id}`, { method: 'DELETE' }),
    onSuccess: refresh,
    onError: (e) => message.error(e.message),
  });

  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <List<Attachment>
        size="small"
        loading={query.isPending}
        dataSource={query.data?.items ?? []}
        locale={{ emptyText: t('attachments.empty') }}
        renderItem={(a) => (
          <List.Item
            actions={
              canEdit
                ? [
                    <Popconfirm
                      key="delete"
                      title={t('attachments.confirmDelete', { name: a.name })}
                      onConfirm={() => remove.mutate(a.id)}
                    >
                      <Button
                        type="text"
                        danger
                        size="small"
                        icon={<DeleteOutlined />}
                        aria-label={t('attachments.delete')}
                      />
                    </Popconfirm>,
                  ]
                : []
            }
          >
            <Space>
              <PaperClipOutlined />
              <a href={`/api/v1/attachments/${a.id}/content`} download={a.name}>
                {a.name}
              </a>
              <Typography.Text type="secondary">
                {t(`attachments.purposes.${a.purpose}`)} · {humanSize(a.size)} ·{' '}
                {formatDateTime(a.createdAt)}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
      {canEdit && (
        <Space wrap>
          {purposes.length > 1 && (
            <Select<AttachmentPurpose>
              value={purpose}
              onChange={setPurpose}
              style={{ width: 220 }}
              aria-label={t('attachments.purpose')}
              options={purposes.map((p) => ({ value: p, label: t(`attachments.purposes.${p}`) }))}
            />
          )}
          <Upload
            showUploadList={false}
            beforeUpload={(file) => {
              upload.mutate(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={upload.isPending}>
              {t('attachments.upload')}
            </Button>
          </Upload>
        </Space>
      )}
    </Space>
  );
}
