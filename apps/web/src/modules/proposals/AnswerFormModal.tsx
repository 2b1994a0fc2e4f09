import { Col, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { PROPOSAL_ANSWER_LABELS, PROPOSAL_ANSWERS, todayInVietnam } from '@caunoi/shared';
import { FormModal } from '../../components/FormModal';
import { IsoDatePicker } from '../../components/IsoDatePicker';
import { useLocale } from '../../i18n/locale';
import { blankToNull, useApiErrorHandler } from '../../lib/forms';
import { optionsOf } from '../../lib/labels';
import { useAnswerProposal } from './api';
import { MinistrySelect } from './ProposalSelects';
import type { AnswerInput, ProposalDetail } from './types';

/** The Ministry's answer to a proposal (first time, or changed later). */
export function AnswerFormModal({
  open,
  proposal,
  onClose,
}: {
  open: boolean;
  proposal: ProposalDetail;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [form] = Form.useForm<AnswerInput>();
  const save = useAnswerProposal(proposal.id);
  const onError = useApiErrorHandler();
  return (
    <FormModal<AnswerInput>
      title={proposal.answer ? t('proposals.changeAnswer') : t('proposals.answerTitle')}
      open={open}
      onClose={onClose}
      form={form}
      width={680}
      submitting={save.isPending}
      okText={t('proposals.answerSubmit')}
      initialValues={{
        answer: proposal.answer ?? 'agreed',
        answerReason: proposal.answerReason,
        answeredOn: proposal.answeredOn ?? todayInVietnam(),
        answeredByOrganisationId: proposal.answeredBy?.id ?? null,
      }}
      onSubmit={(values) =>
        save.mutate(blankToNull(values), { onSuccess: onClose, onError: (e) => onError(e, form) })
      }
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name="answer"
            label={t('proposals.answer')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Select options={optionsOf(PROPOSAL_ANSWERS, PROPOSAL_ANSWER_LABELS, locale)} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="answeredOn" label={t('proposals.answeredOn')}>
            <IsoDatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="answeredByOrganisationId" label={t('proposals.answeredBy')}>
            <MinistrySelect placeholder={t('proposals.answeredByPlaceholder')} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="answerReason" label={t('proposals.answerReason')}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
