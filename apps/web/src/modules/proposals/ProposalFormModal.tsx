import { Col, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { PROPOSAL_CATEGORIES, PROPOSAL_CATEGORY_LABELS } from '@caunoi/shared';
import { AmountInput } from '../../components/AmountInput';
import { FormModal } from '../../components/FormModal';
import { useLocale } from '../../i18n/locale';
import { blankToNull, useApiErrorHandler } from '../../lib/forms';
import { optionsOf } from '../../lib/labels';
import { useMe } from '../auth/session';
import { UnitSelect } from '../units/UnitSelect';
import { useSaveProposal } from './api';
import { ownUnitId } from './permissions';
import { EngagementSelect } from './ProposalSelects';
import type { ProposalDetail, ProposalInput } from './types';

function toValues(p: ProposalDetail): ProposalInput {
  return {
    unitId: p.unit.id,
    title: p.title,
    category: p.category,
    content: p.content,
    estimatedCost: p.estimatedCost,
    fundingSource: p.fundingSource,
    engagementId: p.engagement?.id ?? null,
  };
}

/** Records a proposal, or edits `proposal` when given. */
export function ProposalFormModal({
  open,
  proposal,
  onClose,
  onSaved,
}: {
  open: boolean;
  proposal?: ProposalDetail;
  onClose: () => void;
  onSaved: (saved: ProposalDetail) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { user } = useMe();
  const [form] = Form.useForm<ProposalInput>();
  const save = useSaveProposal(proposal?.id);
  const onError = useApiErrorHandler();
  const required = { required: true, message: t('validation.required') };

  return (
    <FormModal<ProposalInput>
      title={proposal ? t('proposals.editTitle') : t('proposals.createTitle')}
      open={open}
      onClose={onClose}
      form={form}
      width={760}
      submitting={save.isPending}
      initialValues={
        proposal ? toValues(proposal) : { unitId: ownUnitId(user), category: 'funding' }
      }
      onSubmit={(values) =>
        save.mutate(blankToNull(values), {
          onSuccess: onSaved,
          onError: (e) => onError(e, form),
        })
      }
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="unitId" label={t('proposals.unit')} rules={[required]}>
            <UnitSelect includeFormer />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="category" label={t('proposals.category')} rules={[required]}>
            <Select options={optionsOf(PROPOSAL_CATEGORIES, PROPOSAL_CATEGORY_LABELS, locale)} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item
            name="title"
            label={t('proposals.titleField')}
            rules={[
              { ...required, whitespace: true },
              { max: 500, message: t('validation.max', { n: 500 }) },
            ]}
          >
            <Input />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="content" label={t('proposals.content')}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="estimatedCost" label={t('proposals.estimatedCost')}>
            <AmountInput suffix={t('proposals.millionVnd')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="fundingSource" label={t('proposals.fundingSource')}>
            <Input placeholder={t('proposals.fundingSourcePlaceholder')} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="engagementId" label={t('proposals.engagement')}>
            <EngagementSelect
              selected={proposal?.engagement}
              placeholder={t('proposals.engagementPlaceholder')}
            />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
