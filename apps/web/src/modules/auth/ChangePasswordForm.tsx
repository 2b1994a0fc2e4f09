import { Button, Form, Input } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '@caunoi/shared';
import { api } from '../../api/client';
import { sameAs, useApiErrorHandler } from '../../lib/forms';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** Changes the signed-in user's own password. */
export function ChangePasswordForm({ onChanged }: { onChanged: () => void | Promise<void> }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const onError = useApiErrorHandler();
  const change = useMutation({
    mutationFn: ({ currentPassword, newPassword }: Values) =>
      api<void>('/auth/password', { method: 'POST', body: { currentPassword, newPassword } }),
  });
  const required = { required: true, message: t('validation.required') };
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      disabled={change.isPending}
      onFinish={(values) =>
        change.mutate(values, {
          onSuccess: async () => {
            form.resetFields();
            await onChanged();
          },
          onError: (e) => onError(e, form),
        })
      }
      style={{ maxWidth: 420 }}
    >
      <Form.Item name="currentPassword" label={t('account.currentPassword')} rules={[required]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('account.newPassword')}
        extra={t('account.passwordHint', { n: LIMITS.passwordMin })}
        dependencies={['currentPassword']}
        rules={[
          required,
          {
            min: LIMITS.passwordMin,
            message: t('validation.passwordMin', { n: LIMITS.passwordMin }),
          },
          ({ getFieldValue }) => ({
            validator: (_, v: string) =>
              !v || v !== getFieldValue('currentPassword')
                ? Promise.resolve()
                : Promise.reject(new Error(t('account.samePassword'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('account.confirmPassword')}
        dependencies={['newPassword']}
        rules={[required, sameAs('newPassword', t('validation.passwordMismatch'))]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={change.isPending}>
        {t('account.changePassword')}
      </Button>
    </Form>
  );
}
