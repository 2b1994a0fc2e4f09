import { Form, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Position, PositionInput } from '../../api/types';
import { FormModal } from '../../components/FormModal';
import { ValidityFields } from '../../components/ValidityFields';
import { blankToNull, useApiErrorHandler } from '../../lib/forms';
import { OrganisationSelect } from '../organisations/OrganisationSelect';
import { useSavePosition } from './api';

export function PositionFormModal({
  open,
  personId,
  position,
  onClose,
  onSaved,
}: {
  open: boolean;
  personId: string;
  position?: Position;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<PositionInput>();
  const save = useSavePosition(personId, position?.id);
  const onError = useApiErrorHandler();
  return (
    <FormModal<PositionInput>
      title={position ? t('people.editPosition') : t('people.addPosition')}
      open={open}
      onClose={onClose}
      form={form}
      submitting={save.isPending}
      initialValues={
        position
          ? {
              organisationId: position.organisationId,
              title: position.title,
              validFrom: position.validFrom,
              validTo: position.validTo,
              source: position.source,
            }
          : undefined
      }
      onSubmit={(values) =>
        save.mutate(blankToNull(values), { onSuccess: onSaved, onError: (e) => onError(e, form) })
      }
    >
      <Form.Item
        name="organisationId"
        label={t('people.organisation')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <OrganisationSelect />
      </Form.Item>
      <Form.Item
        name="title"
        label={t('people.positionTitle')}
        rules={[
          { required: true, whitespace: true, message: t('validation.required') },
          { max: 500, message: t('validation.max', { n: 500 }) },
        ]}
      >
        <Input placeholder={t('people.positionTitlePlaceholder')} />
      </Form.Item>
      <Row gutter={16}>
        <ValidityFields fromLabel={t('common.from')} toLabel={t('common.to')} />
      </Row>
      <Form.Item
        name="source"
        label={t('people.source')}
        rules={[{ max: 1000, message: t('validation.max', { n: 1000 }) }]}
      >
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 5 }}
          placeholder={t('people.sourcePlaceholder')}
        />
      </Form.Item>
    </FormModal>
  );
}
