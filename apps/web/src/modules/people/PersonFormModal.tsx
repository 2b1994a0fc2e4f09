import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Person, PersonInput } from '../../api/types';
import { FormModal } from '../../components/FormModal';
import { blankToNull, useApiErrorHandler } from '../../lib/forms';
import { useSavePerson } from './api';

export function PersonFormModal({
  open,
  person,
  onClose,
  onSaved,
}: {
  open: boolean;
  person?: Person;
  onClose: () => void;
  onSaved: (saved: Person) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<PersonInput>();
  const save = useSavePerson(person?.id);
  const onError = useApiErrorHandler();
  return (
    <FormModal<PersonInput>
      title={person ? t('people.editTitle') : t('people.createTitle')}
      open={open}
      onClose={onClose}
      form={form}
      submitting={save.isPending}
      initialValues={
        person
          ? {
              fullName: person.fullName,
              email: person.email,
              phone: person.phone,
              notes: person.notes,
            }
          : undefined
      }
      onSubmit={(values) =>
        save.mutate(blankToNull(values), { onSuccess: onSaved, onError: (e) => onError(e, form) })
      }
    >
      <Form.Item
        name="fullName"
        label={t('people.fullName')}
        rules={[
          { required: true, whitespace: true, message: t('validation.required') },
          { max: 200, message: t('validation.max', { n: 200 }) },
        ]}
      >
        <Input autoFocus />
      </Form.Item>
      <Form.Item
        name="email"
        label={t('common.email')}
        rules={[{ type: 'email', message: t('validation.email') }]}
      >
        <Input />
      </Form.Item>
      <Form.Item
        name="phone"
        label={t('common.phone')}
        rules={[{ max: 50, message: t('validation.max', { n: 50 }) }]}
      >
        <Input />
      </Form.Item>
      <Form.Item name="notes" label={t('common.notes')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
    </FormModal>
  );
}
