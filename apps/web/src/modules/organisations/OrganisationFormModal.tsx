import { Col, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ORGANISATION_KIND_LABELS, ORGANISATION_KINDS } from '@caunoi/shared';
import type { Organisation, OrganisationDetail, OrganisationInput } from '../../api/types';
import { FormModal } from '../../components/FormModal';
import { ValidityFields } from '../../components/ValidityFields';
import { useLocale } from '../../i18n/locale';
import { blankToNull, useApiErrorHandler } from '../../lib/forms';
import { optionsOf } from '../../lib/labels';
import { UnitSelect } from '../units/UnitSelect';
import { useSaveOrganisation } from './api';
import { OrganisationSelect } from './OrganisationSelect';

const FIELDS = [
  'kind',
  'nameVi',
  'nameEn',
  'shortName',
  'code',
  'parentId',
  'unitId',
  'validFrom',
  'validTo',
  'address',
  'website',
  'email',
  'phone',
  'notes',
] as const;

function toValues(o: OrganisationDetail): OrganisationInput {
  return Object.fromEntries(
    FIELDS.map((f) => [f, o[f] ?? undefined]),
  ) as unknown as OrganisationInput;
}

/** Creates an organisation, or edits `organisation` when given. */
export function OrganisationFormModal({
  open,
  organisation,
  onClose,
  onSaved,
}: {
  open: boolean;
  organisation?: OrganisationDetail;
  onClose: () => void;
  onSaved: (saved: Organisation) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [form] = Form.useForm<OrganisationInput>();
  const save = useSaveOrganisation(organisation?.id);
  const onError = useApiErrorHandler();
  const max = (n: number) => ({ max: n, message: t('validation.max', { n }) });

  return (
    <FormModal<OrganisationInput>
      title={organisation ? t('organisations.editTitle') : t('organisations.createTitle')}
      open={open}
      onClose={onClose}
      form={form}
      width={760}
      submitting={save.isPending}
      initialValues={organisation ? toValues(organisation) : { kind: 'other' }}
      onSubmit={(values) =>
        save.mutate(blankToNull(values), {
          onSuccess: (saved) => onSaved(saved),
          onError: (e) => onError(e, form),
        })
      }
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name="kind"
            label={t('organisations.kind')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Select options={optionsOf(ORGANISATION_KINDS, ORGANISATION_KIND_LABELS, locale)} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="code" label={t('organisations.code')} rules={[max(100)]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item
            name="nameVi"
            label={t('organisations.nameVi')}
            rules={[
              { required: true, whitespace: true, message: t('validation.required') },
              max(500),
            ]}
          >
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="nameEn" label={t('organisations.nameEn')} rules={[max(500)]}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="shortName" label={t('organisations.shortName')} rules={[max(200)]}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="parentId" label={t('organisations.parent')}>
            <OrganisationSelect excludeId={organisation?.id} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="unitId" label={t('organisations.unit')}>
            <UnitSelect includeFormer />
          </Form.Item>
        </Col>
        <ValidityFields
          fromLabel={t('organisations.validFrom')}
          toLabel={t('organisations.validTo')}
        />
        <Col span={24}>
          <Form.Item name="address" label={t('organisations.address')} rules={[max(500)]}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="website"
            label={t('organisations.website')}
            rules={[{ type: 'url', message: t('validation.url') }]}
          >
            <Input placeholder="https://" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="email"
            label={t('common.email')}
            rules={[{ type: 'email', message: t('validation.email') }]}
          >
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="phone" label={t('common.phone')} rules={[max(50)]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="notes" label={t('common.notes')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
