import { Col, Form, Input, InputNumber, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { todayInVietnam } from '@caunoi/shared';
import { FormModal } from '../../components/FormModal';
import { blankToNull, useApiErrorHandler } from '../../lib/forms';
import { useMe } from '../auth/session';
import { ownUnitId } from '../proposals/permissions';
import { EngagementSelect } from '../proposals/ProposalSelects';
import { UnitSelect } from '../units/UnitSelect';
import { useSaveRoadmap } from './api';
import type { RoadmapDetail, RoadmapInput } from './types';

/** The longest roadmap the server accepts. */
export const MAX_YEARS = 15;

/** Creates a roadmap, or edits `roadmap` when given. */
export function RoadmapFormModal({
  open,
  roadmap,
  onClose,
  onSaved,
}: {
  open: boolean;
  roadmap?: RoadmapDetail;
  onClose: () => void;
  onSaved: (saved: RoadmapDetail) => void;
}) {
  const { t } = useTranslation();
  const { user } = useMe();
  const [form] = Form.useForm<RoadmapInput>();
  const save = useSaveRoadmap(roadmap?.id);
  const onError = useApiErrorHandler();
  const required = { required: true, message: t('validation.required') };
  const year = Number(todayInVietnam().slice(0, 4));
  const initial: Partial<RoadmapInput> = roadmap
    ? {
        unitId: roadmap.unit.id,
        title: roadmap.title,
        startYear: roadmap.startYear,
        endYear: roadmap.endYear,
        engagementId: roadmap.engagement?.id ?? null,
      }
    : { unitId: ownUnitId(user), startYear: year + 1, endYear: year + 5 };
  return (
    <FormModal<RoadmapInput>
      title={roadmap ? t('roadmaps.editTitle') : t('roadmaps.createTitle')}
      open={open}
      onClose={onClose}
      form={form}
      width={680}
      submitting={save.isPending}
      initialValues={initial}
      onSubmit={(values) =>
        save.mutate(blankToNull(values), { onSuccess: onSaved, onError: (e) => onError(e, form) })
      }
    >
      <Row gutter={16}>
        <Col span={24}>
          <Form.Item name="unitId" label={t('roadmaps.unit')} rules={[required]}>
            <UnitSelect includeFormer disabled={!!roadmap} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item
            name="title"
            label={t('roadmaps.titleField')}
            rules={[{ ...required, whitespace: true }]}
          >
            <Input placeholder={t('roadmaps.titlePlaceholder')} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="startYear" label={t('roadmaps.startYear')} rules={[required]}>
            <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            name="endYear"
            label={t('roadmaps.endYear')}
            dependencies={['startYear']}
            rules={[
              required,
              ({ getFieldValue }) => ({
                validator: (_, value: number | undefined) => {
                  const start = getFieldValue('startYear') as number | undefined;
                  if (value === undefined || start === undefined) return Promise.resolve();
                  if (value < start) return Promise.reject(new Error(t('roadmaps.endBeforeStart')));
                  if (value - start + 1 > MAX_YEARS) {
                    return Promise.reject(new Error(t('roadmaps.spanTooLong', { n: MAX_YEARS })));
                  }
                  return Promise.resolve();
                },
              }),
            ]}
          >
            <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="engagementId" label={t('roadmaps.engagement')}>
            <EngagementSelect
              selected={roadmap?.engagement}
              placeholder={t('roadmaps.engagementPlaceholder')}
            />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
