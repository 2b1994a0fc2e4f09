import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Flex, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PROGRAMME_STATUS_LABELS, STORED_PROGRAMME_STATUSES, todayInVietnam } from '@caunoi/shared';
import { FormModal } from '../../components/FormModal';
import { IsoDatePicker } from '../../components/IsoDatePicker';
import { useLocale } from '../../i18n/locale';
import { blankToNull, useApiErrorHandler } from '../../lib/forms';
import { optionsOf } from '../../lib/labels';
import { PersonSelect } from '../engagements/PersonSelect';
import { OrganisationSelect } from '../organisations/OrganisationSelect';
import { useProgrammes, useSaveProgramme } from './api';
import type { ProgrammeDetail, ProgrammeInput } from './types';

function toValues(p: ProgrammeDetail): ProgrammeInput {
  return {
    title: p.title,
    documentNumber: p.documentNumber,
    signedOn: p.signedOn,
    periodStartYear: p.periodStartYear,
    periodEndYear: p.periodEndYear,
    horizonYear: p.horizonYear,
    status: p.storedStatus,
    supersededById: p.supersededBy?.id ?? null,
    summary: p.summary,
    notes: p.notes,
    parties: p.parties.map((party) => ({
      organisationId: party.organisationId,
      signatoryPersonId: party.signatoryPersonId,
    })),
  };
}

/** The programmes that may replace this one (any other programme). */
function SuccessorSelect({ excludeId, ...rest }: { excludeId?: string; value?: string | null }) {
  const { t } = useTranslation();
  const list = useProgrammes({ pageSize: 500, sort: 'title' });
  return (
    <Select<string>
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      loading={list.isPending}
      placeholder={t('programmes.supersededByPlaceholder')}
      options={(list.data?.items ?? [])
        .filter((p) => p.id !== excludeId)
        .map((p) => ({ value: p.id, label: p.title }))}
      {...rest}
      value={rest.value ?? undefined}
    />
  );
}

/** Creates a programme, or edits `programme` when given. */
export function ProgrammeFormModal({
  open,
  programme,
  onClose,
  onSaved,
}: {
  open: boolean;
  programme?: ProgrammeDetail;
  onClose: () => void;
  onSaved: (saved: ProgrammeDetail) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [form] = Form.useForm<ProgrammeInput>();
  const save = useSaveProgramme(programme?.id);
  const onError = useApiErrorHandler();
  const status = Form.useWatch('status', form);
  const required = { required: true, message: t('validation.required') };
  const initial: Partial<ProgrammeInput> = programme
    ? toValues(programme)
    : {
        status: 'draft',
        periodStartYear: Number(todayInVietnam().slice(0, 4)),
        // Two blank rows: the Ministry side and the province.
        parties: [{}, {}] as ProgrammeInput['parties'],
      };

  return (
    <FormModal<ProgrammeInput>
      title={programme ? t('programmes.editTitle') : t('programmes.createTitle')}
      open={open}
      onClose={onClose}
      form={form}
      width={860}
      submitting={save.isPending}
      initialValues={initial}
      onSubmit={(values) =>
        save.mutate(
          {
            ...blankToNull(values),
            supersededById: values.status === 'superseded' ? values.supersededById : null,
            parties: values.parties.map((p) => blankToNull(p)),
          },
          { onSuccess: onSaved, onError: (e) => onError(e, form) },
        )
      }
    >
      <Row gutter={16}>
        <Col span={24}>
          <Form.Item
            name="title"
            label={t('programmes.title')}
            rules={[{ ...required, whitespace: true }, { max: 1000 }]}
          >
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="documentNumber" label={t('programmes.documentNumber')}>
            <Input placeholder="01/CTPH-BKHCN-UBND" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="signedOn" label={t('programmes.signedOn')}>
            <IsoDatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="status" label={t('programmes.status')} rules={[required]}>
            <Select
              options={optionsOf(STORED_PROGRAMME_STATUSES, PROGRAMME_STATUS_LABELS, locale)}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="periodStartYear" label={t('programmes.periodStart')} rules={[required]}>
            <InputNumber min={1990} max={2100} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="periodEndYear" label={t('programmes.periodEnd')} rules={[required]}>
            <InputNumber min={1990} max={2100} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="horizonYear" label={t('programmes.horizon')}>
            <InputNumber min={1990} max={2100} placeholder="2030" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        {status === 'superseded' && (
          <Col span={24}>
            <Form.Item
              name="supersededById"
              label={t('programmes.supersededBy')}
              rules={[required]}
            >
              <SuccessorSelect excludeId={programme?.id} />
            </Form.Item>
          </Col>
        )}
        <Col span={24}>
          <Typography.Text strong>{t('programmes.parties')}</Typography.Text>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {t('programmes.partiesHint')}
          </Typography.Paragraph>
          <Form.List name="parties">
            {(fields, { add, remove }, { errors }) => (
              <>
                {fields.map((field) => (
                  <Flex key={field.key} gap={8} align="flex-start">
                    <Form.Item
                      name={[field.name, 'organisationId']}
                      rules={[required]}
                      style={{ flex: 3, minWidth: 0 }}
                    >
                      <OrganisationSelect aria-label={t('programmes.partyOrganisation')} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'signatoryPersonId']}
                      style={{ flex: 2, minWidth: 0 }}
                    >
                      <PersonSelect
                        placeholder={t('programmes.signatory')}
                        aria-label={t('programmes.signatory')}
                      />
                    </Form.Item>
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('common.remove')}
                      onClick={() => remove(field.name)}
                    />
                  </Flex>
                ))}
                <Form.ErrorList errors={errors} />
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({})}
                  style={{ marginBottom: 16 }}
                >
                  {t('programmes.addParty')}
                </Button>
              </>
            )}
          </Form.List>
        </Col>
        <Col span={24}>
          <Form.Item name="summary" label={t('programmes.summary')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="notes" label={t('programmes.notes')} extra={t('programmes.notesHint')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
