import { useState } from 'react';
import {
  AuditOutlined,
  EditOutlined,
  KeyOutlined,
  StopOutlined,
  CheckCircleOutlined,
  UnlockOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Flex,
  Form,
  Input,
  Table,
  Tag,
  type TableProps,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { LIMITS, ROLE_LABELS } from '@caunoi/shared';
import type { RoleAssignment, UpdateUserInput, User } from '../../api/types';
import { FormModal } from '../../components/FormModal';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { useLocale } from '../../i18n/locale';
import { formatDate, formatDateTime } from '../../lib/format';
import { blankToNull, sameAs, useApiErrorHandler } from '../../lib/forms';
import { scopeLabel } from '../auth/permissions';
import { useMe } from '../auth/session';
import { OrganisationSelect } from '../organisations/OrganisationSelect';
import { useResetPassword, useSetAssignments, useUnlockUser, useUpdateUser, useUser } from './api';
import {
  AssignmentsEditor,
  assignmentPath,
  fromRows,
  toRows,
  type AssignmentRow,
} from './AssignmentsEditor';
import { UserStatusTags } from './UserStatusTags';

type Dialog = 'edit' | 'assignments' | 'password' | null;

function EditModal({ user, open, onClose }: { user: User; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<UpdateUserInput>();
  const update = useUpdateUser(user.id);
  const onError = useApiErrorHandler();
  return (
    <FormModal<UpdateUserInput>
      title={t('users.editTitle')}
      open={open}
      onClose={onClose}
      form={form}
      submitting={update.isPending}
      initialValues={{
        displayName: user.displayName,
        email: user.email,
        organisationId: user.organisationId,
      }}
      onSubmit={(values) =>
        update.mutate(blankToNull(values), {
          onSuccess: () => {
            message.success(t('common.saved'));
            onClose();
          },
          onError: (e) => onError(e, form),
        })
      }
    >
      <Form.Item
        name="displayName"
        label={t('users.displayName')}
        rules={[
          { required: true, whitespace: true, message: t('validation.required') },
          {
            max: LIMITS.displayNameMax,
            message: t('validation.max', { n: LIMITS.displayNameMax }),
          },
        ]}
      >
        <Input />
      </Form.Item>
      <Form.Item
        name="email"
        label={t('common.email')}
        rules={[{ type: 'email', message: t('validation.email') }]}
      >
        <Input />
      </Form.Item>
      <Form.Item name="organisationId" label={t('users.organisation')}>
        <OrganisationSelect />
      </Form.Item>
    </FormModal>
  );
}

function AssignmentsModal({
  user,
  open,
  onClose,
}: {
  user: User;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ assignments: AssignmentRow[] }>();
  const save = useSetAssignments(user.id);
  const onError = useApiErrorHandler();
  return (
    <FormModal<{ assignments: AssignmentRow[] }>
      title={t('users.editAssignments')}
      open={open}
      onClose={onClose}
      form={form}
      width={820}
      submitting={save.isPending}
      initialValues={{ assignments: toRows(user.assignments) }}
      onSubmit={(values) =>
        save.mutate(fromRows(values.assignments), {
          onSuccess: () => {
            message.success(t('common.saved'));
            onClose();
          },
          onError: (e) => onError(e, form, assignmentPath),
        })
      }
    >
      <AssignmentsEditor />
    </FormModal>
  );
}

interface PasswordValues {
  newPassword: string;
  confirm: string;
  mustChangePassword: boolean;
}

function PasswordModal({
  user,
  open,
  onClose,
}: {
  user: User;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordValues>();
  const reset = useResetPassword(user.id);
  const onError = useApiErrorHandler();
  return (
    <FormModal<PasswordValues>
      title={t('users.resetPasswordTitle', { name: user.username })}
      open={open}
      onClose={onClose}
      form={form}
      width={480}
      submitting={reset.isPending}
      okText={t('users.resetPassword')}
      initialValues={{ mustChangePassword: true }}
      onSubmit={({ newPassword, mustChangePassword }) =>
        reset.mutate(
          { newPassword, mustChangePassword },
          {
            onSuccess: () => {
              message.success(t('users.passwordReset'));
              onClose();
            },
            onError: (e) => onError(e, form),
          },
        )
      }
    >
      <Form.Item
        name="newPassword"
        label={t('account.newPassword')}
        rules={[
          { required: true, message: t('validation.required') },
          {
            min: LIMITS.passwordMin,
            message: t('validation.passwordMin', { n: LIMITS.passwordMin }),
          },
        ]}
      >
        <Input.Password autoComplete="new-password" autoFocus />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('account.confirmPassword')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('validation.required') },
          sameAs('newPassword', t('validation.passwordMismatch')),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item name="mustChangePassword" valuePropName="checked">
        <Checkbox>{t('users.mustChangePassword')}</Checkbox>
      </Form.Item>
    </FormModal>
  );
}

function UserDetail({ user }: { user: User }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const me = useMe();
  const { modal, message } = App.useApp();
  const [dialog, setDialog] = useState<Dialog>(null);
  const update = useUpdateUser(user.id);
  const unlock = useUnlockUser(user.id);
  const onError = useApiErrorHandler();
  const self = me.user.id === user.id;

  const toggleActive = () =>
    modal.confirm({
      title: user.isActive ? t('users.deactivateTitle') : t('users.activateTitle'),
      content: t(user.isActive ? 'users.deactivateConfirm' : 'users.activateConfirm', {
        name: `${user.displayName} (${user.username})`,
      }),
      okText: user.isActive ? t('users.deactivate') : t('users.activate'),
      okButtonProps: { danger: user.isActive },
      cancelText: t('common.cancel'),
      onOk: () =>
        update.mutateAsync({ isActive: !user.isActive }).then(
          () => void message.success(t('common.saved')),
          (e: unknown) => onError(e),
        ),
    });

  const doUnlock = () =>
    unlock.mutateAsync(undefined).then(
      () => void message.success(t('users.unlocked')),
      (e: unknown) => onError(e),
    );

  const columns: TableProps<RoleAssignment>['columns'] = [
    {
      title: t('users.role'),
      dataIndex: 'role',
      render: (r: RoleAssignment['role']) => ROLE_LABELS[r][locale],
    },
    {
      title: t('users.scope'),
      key: 'scope',
      render: (_, a) => (
        <Flex gap={8} align="center" wrap>
          {a.unit ? (
            <Link to={`/units/${encodeURIComponent(a.unit.id)}`}>
              {scopeLabel(a, t('scope.national'))}
            </Link>
          ) : a.scopeOrganisationId ? (
            <Link to={`/organisations/${a.scopeOrganisationId}`}>
              {scopeLabel(a, t('scope.national'))}
            </Link>
          ) : (
            scopeLabel(a, t('scope.national'))
          )}
          {a.unit && !a.unit.validToday && (
            <Tag color="warning">{t('users.staleScope', { date: formatDate(a.unit.validTo) })}</Tag>
          )}
        </Flex>
      ),
    },
    { title: t('common.createdAt'), dataIndex: 'createdAt', width: 180, render: formatDateTime },
  ];

  return (
    <>
      <PageHeader
        breadcrumbs={[{ title: t('nav.users'), to: '/users' }, { title: user.username }]}
        title={user.displayName}
        tags={<UserStatusTags user={user} />}
        description={user.username}
        extra={
          <>
            <Button icon={<EditOutlined />} onClick={() => setDialog('edit')}>
              {t('common.edit')}
            </Button>
            <Button icon={<KeyOutlined />} onClick={() => setDialog('password')}>
              {t('users.resetPassword')}
            </Button>
            {user.locked && (
              <Button icon={<UnlockOutlined />} onClick={doUnlock} loading={unlock.isPending}>
                {t('users.unlock')}
              </Button>
            )}
            {!self && (
              <Button
                danger={user.isActive}
                icon={user.isActive ? <StopOutlined /> : <CheckCircleOutlined />}
                onClick={toggleActive}
              >
                {user.isActive ? t('users.deactivate') : t('users.activate')}
              </Button>
            )}
            <Button
              icon={<AuditOutlined />}
              onClick={() => navigate(`/audit?entityType=user&entityId=${user.id}`)}
            >
              {t('users.viewAudit')}
            </Button>
          </>
        }
      />
      <Flex vertical gap={16}>
        <Card title={t('users.general')}>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              { key: 'username', label: t('users.username'), children: user.username },
              { key: 'displayName', label: t('users.displayName'), children: user.displayName },
              { key: 'email', label: t('common.email'), children: user.email ?? '—' },
              {
                key: 'org',
                label: t('users.organisation'),
                children: user.organisationId ? (
                  <Link to={`/organisations/${user.organisationId}`}>{user.organisationName}</Link>
                ) : (
                  '—'
                ),
              },
              { key: 'status', label: t('users.status'), children: <UserStatusTags user={user} /> },
              {
                key: 'locked',
                label: t('users.lockedUntil'),
                children: user.lockedUntil ? formatDateTime(user.lockedUntil) : '—',
              },
              {
                key: 'last',
                label: t('users.lastLogin'),
                children: user.lastLoginAt ? formatDateTime(user.lastLoginAt) : t('users.never'),
              },
              {
                key: 'locale',
                label: t('common.language'),
                children: user.preferences.locale === 'en' ? 'English' : 'Tiếng Việt',
              },
              {
                key: 'created',
                label: t('common.createdAt'),
                children: formatDateTime(user.createdAt),
              },
              {
                key: 'updated',
                label: t('common.updatedAt'),
                children: formatDateTime(user.updatedAt),
              },
            ]}
          />
        </Card>
        <Card
          title={t('users.assignments')}
          extra={
            <Button icon={<TeamOutlined />} onClick={() => setDialog('assignments')}>
              {t('users.editAssignments')}
            </Button>
          }
        >
          <Table<RoleAssignment>
            rowKey="id"
            scroll={{ x: 600 }}
            size="small"
            columns={columns}
            dataSource={user.assignments}
            pagination={false}
            locale={{ emptyText: t('users.noAssignments') }}
          />
        </Card>
      </Flex>
      <EditModal user={user} open={dialog === 'edit'} onClose={() => setDialog(null)} />
      <AssignmentsModal
        user={user}
        open={dialog === 'assignments'}
        onClose={() => setDialog(null)}
      />
      <PasswordModal user={user} open={dialog === 'password'} onClose={() => setDialog(null)} />
    </>
  );
}

export default function UserDetailPage() {
  const { id = '' } = useParams();
  const query = useUser(id);
  return <QueryState query={query}>{(user) => <UserDetail user={user} />}</QueryState>;
}
