import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { PARTICIPANT_SIDES } from '@caunoi/shared';
import { api } from '../../api/client';
import type { PersonDetail } from '../../api/types';
import { FormModal } from '../../components/FormModal';
import { IsoDatePicker } from '../../components/IsoDatePicker';
import { formatDate } from '../../lib/format';
import { blankToNull, useApiErrorHandler } from '../../lib/forms';
import { OrganisationSelect } from '../organisations/OrganisationSelect';
import { useDirectives, useNotices, useParticipants } from './api';
import { PersonSelect } from './PersonSelect';
import type {
  ConclusionNotice,
  Directive,
  DirectiveInput,
  EngagementDetail,
  NoticeInput,
  Participant,
  ParticipantInput,
} from './types';

interface ModalProps<T> {
  engagement: EngagementDetail;
  /** The record edited; undefined to add one. */
  record?: T;
  open: boolean;
  onClose: () => void;
}

const required = (message: string) => ({ required: true, whitespace: true, message });

/**
 * Adds or edits a participant. Choosing a person fills in the title and organisation they held
 * on the engagement's first day; both stay editable and are kept as typed.
 */
export function ParticipantFormModal({
  engagement,
  record,
  open,
  onClose,
}: ModalProps<Participant>) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ParticipantInput>();
  const { save } = useParticipants();
  const onError = useApiErrorHandler();
  const qc = useQueryClient();
  const [hint, setHint] = useState<string | null>(null);
  const day = engagement.startsOn;

  const prefill = async (personId: string | undefined) => {
    setHint(null);
    if (!personId) return;
    const person = await qc.fetchQuery({
      queryKey: ['people', 'detail', personId, day],
      queryFn: ({ signal }) =>
        api<PersonDetail>(`/people/${personId}`, { query: { asOf: day }, signal }),
    });
    const held = person.positionsOn[0];
    form.setFieldsValue({
      title: held?.title ?? null,
      organisationId: held?.organisationId ?? null,
    });
    setHint(
      held
        ? t('engagements.titleFromPosition', { date: formatDate(day) })
        : t('engagements.noPositionThatDay', { date: formatDate(day) }),
    );
  };

  return (
    <FormModal<ParticipantInput>
      title={record ? t('engagements.editParticipant') : t('engagements.addParticipant')}
      open={open}
      onClose={() => {
        setHint(null);
        onClose();
      }}
      form={form}
      width={720}
      submitting={save.isPending}
      initialValues={
        record
          ? {
              personId: record.personId,
              title: record.title,
              organisationId: record.organisationId,
              side: record.side,
              sortOrder: record.sortOrder,
            }
          : {}
      }
      onSubmit={(values) => {
        const { personId, ...rest } = blankToNull(values);
        save.mutate(
          {
            engagementId: engagement.id,
            id: record?.id,
            input: record ? rest : { personId, ...rest },
          },
          {
            onSuccess: () => {
              setHint(null);
              onClose();
            },
            onError: (e) => onError(e, form),
          },
        );
      }}
    >
      <Form.Item
        name="personId"
        label={t('engagements.person')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <PersonSelect disabled={!!record} onChange={(v) => void prefill(v)} />
      </Form.Item>
      <Form.Item
        name="title"
        label={t('engagements.titleThatDay', { date: formatDate(day) })}
        extra={hint ?? t('engagements.titleHint')}
      >
        <Input />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="organisationId" label={t('engagements.organisation')}>
            <OrganisationSelect />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="side" label={t('engagements.side')}>
            <Select
              allowClear
              placeholder={t('engagements.sideAuto')}
              options={PARTICIPANT_SIDES.map((s) => ({
                value: s,
                label: t(`engagements.sides.${s}`),
              }))}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="sortOrder" label={t('engagements.sortOrder')}>
            <InputNumber min={0} max={10000} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}

export function DirectiveFormModal({ engagement, record, open, onClose }: ModalProps<Directive>) {
  const { t } = useTranslation();
  const [form] = Form.useForm<DirectiveInput>();
  const { save } = useDirectives();
  const onError = useApiErrorHandler();
  const last = engagement.directives.length + (record ? 0 : 1);
  return (
    <FormModal<DirectiveInput>
      title={record ? t('engagements.editDirective') : t('engagements.addDirective')}
      open={open}
      onClose={onClose}
      form={form}
      submitting={save.isPending}
      initialValues={
        record
          ? { text: record.text, issuedByPersonId: record.issuedByPersonId, number: record.number }
          : { number: last }
      }
      onSubmit={(values) =>
        save.mutate(
          { engagementId: engagement.id, id: record?.id, input: blankToNull(values) },
          { onSuccess: onClose, onError: (e) => onError(e, form) },
        )
      }
    >
      <Form.Item name="number" label={t('engagements.directiveNumber')}>
        <InputNumber min={1} max={last} />
      </Form.Item>
      <Form.Item
        name="text"
        label={t('engagements.directiveText')}
        rules={[required(t('validation.required'))]}
      >
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
      </Form.Item>
      <Form.Item name="issuedByPersonId" label={t('engagements.issuedBy')}>
        <PersonSelect />
      </Form.Item>
    </FormModal>
  );
}

export function NoticeFormModal({
  engagement,
  record,
  open,
  onClose,
}: ModalProps<ConclusionNotice>) {
  const { t } = useTranslation();
  const [form] = Form.useForm<NoticeInput>();
  const { save } = useNotices();
  const onError = useApiErrorHandler();
  return (
    <FormModal<NoticeInput>
      title={record ? t('engagements.editNotice') : t('engagements.addNotice')}
      open={open}
      onClose={onClose}
      form={form}
      width={720}
      submitting={save.isPending}
      initialValues={
        record
          ? {
              documentNumber: record.documentNumber,
              issuedOn: record.issuedOn,
              issuingOrganisationId: record.issuingOrganisation?.id ?? null,
              signerPersonId: record.signerPersonId,
              signerText: record.signerText,
              summary: record.summary,
            }
          : {}
      }
      onSubmit={(values) =>
        save.mutate(
          { engagementId: engagement.id, id: record?.id, input: blankToNull(values) },
          { onSuccess: onClose, onError: (e) => onError(e, form) },
        )
      }
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name="documentNumber"
            label={t('engagements.noticeNumber')}
            rules={[required(t('validation.required'))]}
          >
            <Input placeholder="165/TB-BKHCN" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="issuedOn"
            label={t('engagements.issuedOn')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <IsoDatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="issuingOrganisationId" label={t('engagements.issuingOrganisation')}>
        <OrganisationSelect />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="signerPersonId" label={t('engagements.signer')}>
            <PersonSelect />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="signerText"
            label={t('engagements.signerText')}
            extra={t('engagements.signerTextHint')}
          >
            <Input />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="summary" label={t('engagements.noticeSummary')}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
      </Form.Item>
    </FormModal>
  );
}
