import { Form, Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/FormModal';
import { blankToNull, useApiErrorHandler } from '../../lib/forms';
import { useSaveContent } from './api';
import type { ContentInput, ProgrammeContent } from './types';

/** Adds a content to a programme, or edits `content` (its number moves it). */
export function ContentFormModal({
  open,
  programmeId,
  content,
  count,
  onClose,
}: {
  open: boolean;
  programmeId: string;
  content?: ProgrammeContent;
  /** How many contents the programme has (the last position). */
  count: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ContentInput>();
  const save = useSaveContent(programmeId, content?.id);
  const onError = useApiErrorHandler();
  const last = content ? count : count + 1;
  return (
    <FormModal<ContentInput>
      title={content ? t('programmes.editContent') : t('programmes.addContent')}
      open={open}
      onClose={onClose}
      form={form}
      submitting={save.isPending}
      initialValues={
        content
          ? { title: content.title, description: content.description, number: content.number }
          : { number: last }
      }
      onSubmit={(values) =>
        save.mutate(blankToNull(values), { onSuccess: onClose, onError: (e) => onError(e, form) })
      }
    >
      <Form.Item
        name="number"
        label={t('programmes.contentNumber')}
        extra={t('programmes.contentNumberHint')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <InputNumber min={1} max={last} />
      </Form.Item>
      <Form.Item
        name="title"
        label={t('programmes.contentTitle')}
        rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
      >
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
      </Form.Item>
      <Form.Item name="description" label={t('programmes.contentDescription')}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
      </Form.Item>
    </FormModal>
  );
}
