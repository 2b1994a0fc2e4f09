import { SwapOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Table, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ROLE_LABELS } from '@caunoi/shared';
import type { RescopeCandidate } from '../../api/types';
import { ErrorAlert } from '../../components/QueryState';
import { useLocale } from '../../i18n/locale';
import { formatDate } from '../../lib/format';
import { useApiErrorHandler } from '../../lib/forms';
import { useRescope, useRescoping } from './api';

/**
 * Accounts still scoped to a province that no longer exists. Each is moved to a successor only
 * when an administrator confirms it.
 */
export function RescopePanel() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { modal, message } = App.useApp();
  const query = useRescoping();
  const rescope = useRescope();
  const onError = useApiErrorHandler();

  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const items = query.data?.items ?? [];
  if (!query.isPending && items.length === 0) return null;

  const confirm = (c: RescopeCandidate, to: RescopeCandidate['successors'][number]) =>
    modal.confirm({
      title: t('users.rescopeTitle'),
      content: t('users.rescopeConfirm', {
        user: `${c.user.displayName} (${c.user.username})`,
        role: ROLE_LABELS[c.assignment.role][locale],
        from: c.assignment.unit?.nameVi ?? c.assignment.scopeUnitId,
        to: to.nameVi,
      }),
      okText: t('users.rescopeTo', { name: to.nameVi }),
      cancelText: t('common.cancel'),
      onOk: () =>
        rescope.mutateAsync({ assignmentId: c.assignment.id, toUnitId: to.id }).then(
          () => void message.success(t('users.rescoped', { name: to.nameVi })),
          (e: unknown) => onError(e),
        ),
    });

  const columns: TableProps<RescopeCandidate>['columns'] = [
    {
      title: t('users.account'),
      key: 'user',
      render: (_, c) => (
        <Flex vertical>
          <Link to={`/users/${c.user.id}`}>{c.user.displayName}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {c.user.username}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('users.role'),
      key: 'role',
      render: (_, c) => ROLE_LABELS[c.assignment.role][locale],
    },
    {
      title: t('users.currentScope'),
      key: 'scope',
      render: (_, c) => (
        <Flex vertical>
          <span>
            {c.assignment.unit?.nameVi ?? c.assignment.scopeUnitId} ({c.assignment.unit?.code})
          </span>
          {c.assignment.unit?.validTo && (
            <Typography.Text type="warning" style={{ fontSize: 12 }}>
              {t('users.unitEnded', { date: formatDate(c.assignment.unit.validTo) })}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: t('users.moveTo'),
      key: 'actions',
      render: (_, c) =>
        c.successors.length === 0 ? (
          <Typography.Text type="secondary">{t('users.noSuccessor')}</Typography.Text>
        ) : (
          <Flex gap={8} wrap>
            {c.successors.map((s) => (
              <Button key={s.id} icon={<SwapOutlined />} onClick={() => confirm(c, s)}>
                {t('users.rescopeTo', { name: s.nameVi })}
              </Button>
            ))}
          </Flex>
        ),
    },
  ];

  return (
    <Card
      title={t('users.rescopePanel', { n: items.length })}
      style={{ marginBottom: 16, borderColor: '#faad14' }}
      styles={{ header: { background: '#fffbe6' } }}
      loading={query.isPending}
      data-testid="rescope-panel"
    >
      <Typography.Paragraph type="secondary">{t('users.rescopeHelp')}</Typography.Paragraph>
      <Table<RescopeCandidate>
        rowKey={(c) => c.assignment.id}
        scroll={{ x: 760 }}
        size="small"
        columns={columns}
        dataSource={items}
        pagination={false}
      />
    </Card>
  );
}
