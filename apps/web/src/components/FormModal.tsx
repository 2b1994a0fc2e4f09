import { useEffect, type ReactNode } from 'react';
import { Form, Modal, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * A modal with a form: submit runs `onSubmit` with the validated values; the form is disabled
 * while the request is in flight and reset each time the modal opens.
 */
export function FormModal<T extends object>({
  title,
  open,
  onClose,
  onSubmit,
  submitting,
  form,
  initialValues,
  okText,
  width = 640,
  children,
}: {
  title: ReactNode;
  open: boolean;
  onClose: () => void;
  onSubmit: (values: T) => void;
  submitting: boolean;
  form: FormInstance<T>;
  initialValues?: Partial<T>;
  okText?: ReactNode;
  width?: number;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  // Each opening starts from the initial values, not from what was typed last time.
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);
  return (
    <Modal
      title={title}
      open={open}
      onCancel={() => !submitting && onClose()}
      onOk={() => form.submit()}
      okText={okText ?? t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={submitting}
      cancelButtonProps={{ disabled: submitting }}
      mask={{ closable: false }}
      destroyOnHidden
      width={width}
    >
      <Form<T>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={onSubmit}
        disabled={submitting}
        requiredMark
        style={{ marginTop: 16 }}
      >
        {children}
        <button type="submit" hidden aria-hidden="true" tabIndex={-1} />
      </Form>
    </Modal>
  );
}
