import { useLayoutEffect, type ReactNode } from 'react';
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
        {/* Last, so that the fields before it are registered when it resets them. */}
        <ResetOnOpen form={form} />
      </Form>
    </Modal>
  );
}

/**
 * Each opening starts from the initial values it is given, not from the record edited last
 * time: the form's content mounts on every opening (the modal destroys it when hidden), after the
 * form has taken the new initial values and its fields have registered, and resets the shared
 * form store before it is painted.
 */
function ResetOnOpen({ form }: { form: FormInstance }) {
  useLayoutEffect(() => {
    form.resetFields();
  }, [form]);
  return null;
}
