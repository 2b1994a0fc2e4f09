import { Col, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ENGAGEMENT_KIND_LABELS, ENGAGEMENT_KINDS } from '@caunoi/shared';
import { FormModal } from '../../components/FormModal';
import { IsoDatePicker } from '../../components/IsoDatePicker';
import { useLocale } from '../../i18n/locale';
import { blankToNull, endAfterStart, useApiErrorHandler } from '../../lib/forms';
import { optionsOf } from '../../lib/labels';
import { OrganisationSelect } from '../organisations/OrganisationSelect';
import { useProgrammes } from '../programmes/api';
import { useSaveEngagement } from './api';
import { ProvincesSelect } from './ProvincesSelect';
import type { EngagementDetail, EngagementInput } from './types';

function toValues(e: EngagementDetail): EngagementInput {
  return {
    kind: e.kind,
    title: e.title,
    startsOn: e.startsOn,
    endsOn: e.endsOn,
    place: e.place,
    hostOrganisationId: e.hostOrganisation?.id ?? null,
    programmeId: e.programme?.id ?? null,
    summary: e.summary,
    notes: e.notes,
    unitIds: e.units.map((u) => u.id),
  };
}

/** Records an engagement, or edits `engagement` when given. */
export function EngagementFormModal({
  open,
  engagement,
  onClose,
  onSaved,
}: {
  open: boolean;
  engagement?: EngagementDetail;
  onClose: () => void;
  onSaved: (saved: EngagementDetail) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [form] = Form.useForm<EngagementInput>();
  const save = useSaveEngagement(engagement?.id);
  const onError = useApiErrorHandler();
  const programmes = useProgrammes({ pageSize: 500, sort: 'title' }, open);
  const required = { required: true, message: t('validation.required') };
  return (
    <FormModal<EngagementInput>
      title={engagement ? t('engagements.editTitle') : t('engagements.createTitle')}
      open={open}
      onClose={onClose}
      form={form}
      width={820}
      submitting={save.isPending}
      initialValues={engagement ? toValues(engagement) : { kind: 'working_session', unitIds: [] }}
      onSubmit={(values) =>
        save.mutate(
          { ...blankToNull(values), unitIds: values.unitIds ?? [] },
          { onSuccess: onSaved, onError: (e) => onError(e, form) },
        )
      }
    >
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="kind" label={t('engagements.kind')} rules={[required]}>
            <Select options={optionsOf(ENGAGEMENT_KINDS, ENGAGEMENT_KIND_LABELS, locale)} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="startsOn" label={t('engagements.startsOn')} rules={[required]}>
            <IsoDatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="endsOn"
            label={t('engagements.endsOn')}
            dependencies={['startsOn']}
            rules={[endAfterStart('startsOn', t('validation.endAfterStart'))]}
            extra={t('engagements.endsOnHint')}
          >
            <IsoDatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item
            name="title"
            label={t('engagements.title')}
            rules={[{ ...required, whitespace: true }]}
          >
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item
            name="unitIds"
            label={t('engagements.provinces')}
            extra={t('engagements.provincesHint')}
          >
            <ProvincesSelect placeholder={t('engagements.national')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="place" label={t('engagements.place')}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="hostOrganisationId" label={t('engagements.host')}>
            <OrganisationSelect />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="programmeId" label={t('engagements.programme')}>
            <Select<string>
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              loading={programmes.isPending}
              placeholder={t('engagements.programmePlaceholder')}
              options={(programmes.data?.items ?? []).map((p) => ({
                value: p.id,
                label: p.title,
              }))}
            />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="summary" label={t('engagements.summary')}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
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
