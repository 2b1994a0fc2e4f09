import { Checkbox, Col, Divider, Form, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '@caunoi/shared';
import type { User } from '../../api/types';
import { FormModal } from '../../components/FormModal';
import { blankToNull, sameAs, useApiErrorHandler } from '../../lib/forms';
import { OrganisationSelect } from '../organisations/OrganisationSelect';
import { useCreateUser } from './api';
import {
  AssignmentsEditor,
  assignmentPath,
  fromRows,
  type AssignmentRow,
} from './AssignmentsEditor';

interface Values {
  username: string;
  displayName: string;
  email?: string | null;
  password: string;
  confirm: string;
  mustChangePassword: boolean;
  organisationId?: string | null;
  assignments?: AssignmentRow[];
}

export function UserCreateModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (user: User) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateUser();
  const onError = useApiErrorHandler();
  const required = { required: true, whitespace: true, message: t('validation.required') };

  return (
    <FormModal<Values>
      title={t('users.createTitle')}
      open={open}
      onClose={onClose}
      form={form}
      width={820}
      submitting={create.isPending}
      okText={t('users.create')}
      initialValues={{ mustChangePassword: true, assignments: [{}] }}
      onSubmit={({ confirm: _confirm, assignments, ...values }) =>
        create.mutate(
          { ...blankToNull(values), assignments: fromRows(assignments) },
          { onSuccess: onCreated, onError: (e) => onError(e, form, assignmentPath) },
        )
      }
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name="username"
            label={t('users.username')}
            extra={t('users.usernameHint')}
            normalize={(v: string) => v.trim().toLowerCase()}
            rules={[
              required,
              { min: LIMITS.usernameMin, message: t('validation.min', { n: LIMITS.usernameMin }) },
              { max: LIMITS.usernameMax, message: t('validation.max', { n: LIMITS.usernameMax }) },
              { pattern: LIMITS.usernamePattern, message: t('users.usernameHint') },
            ]}
          >
            <Input autoComplete="off" autoFocus />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="displayName"
            label={t('users.displayName')}
            rules={[
              required,
              {
                max: LIMITS.displayNameMax,
                message: t('validation.max', { n: LIMITS.displayNameMax }),
              },
            ]}
          >
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="email"
            label={t('common.email')}
            rules={[{ type: 'email', message: t('validation.email') }]}
          >
            <Input autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="organisationId" label={t('users.organisation')}>
            <OrganisationSelect />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="password"
            label={t('users.initialPassword')}
            rules={[
              required,
              {
                min: LIMITS.passwordMin,
                message: t('validation.passwordMin', { n: LIMITS.passwordMin }),
              },
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="confirm"
            label={t('users.confirmPassword')}
            dependencies={['password']}
            rules={[required, sameAs('password', t('validation.passwordMismatch'))]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="mustChangePassword" valuePropName="checked">
            <Checkbox>{t('users.mustChangePassword')}</Checkbox>
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start" plain>
        {t('users.assignments')}
      </Divider>
      <AssignmentsEditor />
    </FormModal>
  );
}
