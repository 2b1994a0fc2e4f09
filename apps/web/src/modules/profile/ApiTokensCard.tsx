import { useState } from 'react';
import { KeyOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Table,
  Tag,
  Typography,
  type TableProps,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '@caunoi/shared';
import type { ApiToken, CreatedApiToken } from '../../api/types';
import { ErrorAlert } from '../../components/QueryState';
import { formatDateTime } from '../../lib/format';
import { useApiErrorHandler } from '../../lib/forms';
import { useCreateToken, useRevokeToken, useTokens } from './api';

interface Values {
  name: string;
  expiresInDays: number | 'never';
}

function status(token: ApiToken): 'revoked' | 'expired' | 'active' {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && new Date(token.expiresAt).getTime() < Date.now()) return 'expired';
  return 'active';
}

const STATUS_COLORS = { active: 'green', expired: 'default', revoked: 'red' } as const;

export function ApiTokensCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const tokens = useTokens();
  const create = useCreateToken();
  const revoke = useRevokeToken();
  const onError = useApiErrorHandler();
  const [created, setCreated] = useState<CreatedApiToken | null>(null);

  const columns: TableProps<ApiToken>['columns'] = [
    { title: t('tokens.name'), dataIndex: 'name' },
    {
      title: t('tokens.prefix'),
      dataIndex: 'tokenPrefix',
      render: (p: string) => <Typography.Text code>{p}…</Typography.Text>,
    },
    { title: t('common.createdAt'), dataIndex: 'createdAt', render: formatDateTime },
    {
      title: t('tokens.expiresAt'),
      dataIndex: 'expiresAt',
      render: (v: string | null) => (v ? formatDateTime(v) : t('tokens.never')),
    },
    {
      title: t('tokens.lastUsed'),
      dataIndex: 'lastUsedAt',
      render: (v: string | null) => (v ? formatDateTime(v) : t('tokens.notUsed')),
    },
    {
      title: t('tokens.status'),
      key: 'status',
      render: (_, tk) => {
        const s = status(tk);
        return <Tag color={STATUS_COLORS[s]}>{t(`tokens.${s}`)}</Tag>;
      },
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 120,
      render: (_, tk) =>
        status(tk) === 'active' && (
          <Popconfirm
            title={t('tokens.revokeConfirm', { name: tk.name })}
            okText={t('tokens.revoke')}
            okButtonProps={{ danger: true }}
            cancelText={t('common.cancel')}
            onConfirm={() =>
              revoke.mutateAsync(tk.id).then(
                () => void message.success(t('tokens.revoked')),
                (e: unknown) => onError(e),
              )
            }
          >
            <Button size="small" danger>
              {t('tokens.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <Card title={t('tokens.title')}>
      <Typography.Paragraph type="secondary">{t('tokens.help')}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="inline"
        initialValues={{ expiresInDays: 90 }}
        disabled={create.isPending}
        onFinish={({ name, expiresInDays }) =>
          create.mutate(
            { name, expiresInDays: expiresInDays === 'never' ? null : expiresInDays },
            {
              onSuccess: (token) => {
                form.resetFields();
                setCreated(token);
              },
              onError: (e) => onError(e, form),
            },
          )
        }
        style={{ marginBottom: 16, rowGap: 8 }}
      >
        <Form.Item
          name="name"
          rules={[
            { required: true, whitespace: true, message: t('validation.required') },
            {
              max: LIMITS.apiTokenNameMax,
              message: t('validation.max', { n: LIMITS.apiTokenNameMax }),
            },
          ]}
        >
          <Input
            placeholder={t('tokens.namePlaceholder')}
            style={{ width: 260 }}
            aria-label={t('tokens.name')}
          />
        </Form.Item>
        <Form.Item name="expiresInDays">
          <Select
            style={{ width: 170 }}
            aria-label={t('tokens.expiresAt')}
            options={[
              { value: 30, label: t('tokens.days', { n: 30 }) },
              { value: 90, label: t('tokens.days', { n: 90 }) },
              { value: 365, label: t('tokens.days', { n: 365 }) },
              { value: 'never', label: t('tokens.never') },
            ]}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<KeyOutlined />} loading={create.isPending}>
          {t('tokens.create')}
        </Button>
      </Form>
      {tokens.isError ? (
        <ErrorAlert error={tokens.error} onRetry={() => void tokens.refetch()} />
      ) : (
        <Table<ApiToken>
          rowKey="id"
          scroll={{ x: 860 }}
          size="small"
          columns={columns}
          dataSource={tokens.data?.items}
          loading={tokens.isPending}
          pagination={false}
          locale={{ emptyText: t('tokens.empty') }}
        />
      )}
      <Modal
        open={created !== null}
        title={t('tokens.createdTitle')}
        onCancel={() => setCreated(null)}
        footer={
          <Button type="primary" onClick={() => setCreated(null)}>
            {t('tokens.copiedClose')}
          </Button>
        }
        mask={{ closable: false }}
        destroyOnHidden
      >
        <Alert
          type="warning"
          showIcon
          title={t('tokens.onceWarning')}
          style={{ marginBottom: 16 }}
        />
        <Typography.Paragraph
          copyable={{ text: created?.token, tooltips: [t('common.copy'), t('common.copied')] }}
          code
          style={{ wordBreak: 'break-all', fontSize: 13 }}
          data-testid="new-token"
        >
          {created?.token}
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('tokens.usage')}
        </Typography.Paragraph>
      </Modal>
    </Card>
  );
}
