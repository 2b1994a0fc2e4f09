import { useMemo } from 'react';
import {
  Button,
  Col,
  Flex,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Switch,
  TreeSelect,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import {
  foldVi,
  parsePeriod,
  PERIOD_FORM_LABELS,
  PERIOD_FORMS,
  PERIOD_TYPE_LABELS,
  PERIOD_TYPES,
  sortVi,
  type PeriodForm,
  type PeriodType,
} from '@caunoi/shared';
import { FormModal } from '../../components/FormModal';
import { useLocale } from '../../i18n/locale';
import { formatDate } from '../../lib/format';
import { blankToNull, useApiErrorHandler } from '../../lib/forms';
import { optionsOf } from '../../lib/labels';
import { BEFORE_REFORM, useUnits } from '../units/api';
import { useCatalogue, useSaveForm } from './api';
import type { FormDetail, FormInput } from './types';
import { searchLabels } from '../../lib/selectSearch';

/** An example first period for each period type and form, as the hint shows it. */
const EXAMPLES: Record<PeriodType, string> = {
  year: '2025',
  half: '2025H1',
  quarter: '2025Q1',
  month: '2025M01',
};

/** Creates a form, or edits `form` when given (the Ministry). */
export function FormEditModal({
  open,
  form: existing,
  onClose,
  onSaved,
}: {
  open: boolean;
  form?: FormDetail;
  onClose: () => void;
  onSaved: (id: string) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [form] = Form.useForm<FormInput>();
  const save = useSaveForm(existing?.id);
  const onError = useApiErrorHandler();
  const catalogue = useCatalogue();
  const today = useUnits();
  const former = useUnits(BEFORE_REFORM);
  const required = { required: true, message: t('validation.required') };
  const periodType = Form.useWatch('periodType', form) as PeriodType | undefined;
  const periodForm = Form.useWatch('periodForm', form) as PeriodForm | undefined;

  const indicatorTree = useMemo(
    () =>
      (catalogue.data?.groups ?? []).map((g) => ({
        value: `group:${g.code}`,
        title: locale === 'en' ? g.nameEn : g.nameVi,
        selectable: false,
        children: (catalogue.data?.indicators ?? [])
          .filter((i) => i.group === g.code)
          .map((i) => ({
            value: i.code,
            title: `${locale === 'en' ? i.nameEn : i.nameVi} (${i.code})`,
          })),
      })),
    [catalogue.data, locale],
  );
  const catalogueOrder = useMemo(
    () => new Map((catalogue.data?.indicators ?? []).map((i, n) => [i.code, n])),
    [catalogue.data],
  );

  const todayIds = useMemo(() => (today.data?.items ?? []).map((u) => u.id), [today.data]);
  const formerIds = useMemo(
    () => (former.data?.items ?? []).map((u) => u.id).filter((id) => !todayIds.includes(id)),
    [former.data, todayIds],
  );
  const unitOptions = [
    {
      label: t('statistics.forms.unitsToday', { n: todayIds.length }),
      options: sortVi(today.data?.items ?? [], (u) => u.nameVi).map((u) => ({
        value: u.id,
        label: u.nameVi,
      })),
    },
    {
      label: t('statistics.forms.unitsFormer', {
        date: formatDate(BEFORE_REFORM),
        n: formerIds.length,
      }),
      options: sortVi(
        (former.data?.items ?? []).filter((u) => formerIds.includes(u.id)),
        (u) => u.nameVi,
      ).map((u) => ({ value: u.id, label: `${u.nameVi} · ${t('units.former')}` })),
    },
  ];

  const initial: Partial<FormInput> = existing
    ? {
        code: existing.code,
        nameVi: existing.nameVi,
        nameEn: existing.nameEn,
        description: existing.description,
        periodType: existing.periodType,
        periodForm: existing.periodForm,
        firstPeriod: existing.firstPeriod,
        opensAfterDays: existing.opensAfterDays,
        deadlineAfterDays: existing.deadlineAfterDays,
        locksAfterDays: existing.locksAfterDays,
        active: existing.active,
        indicators: existing.indicators,
        units: existing.units,
      }
    : {
        periodType: 'year',
        periodForm: 'statistical',
        firstPeriod: String(new Date().getFullYear()),
        opensAfterDays: -15,
        deadlineAfterDays: 45,
        locksAfterDays: 90,
        active: true,
        indicators: [],
        units: [],
      };

  const addUnits = (ids: string[]) => {
    const current = (form.getFieldValue('units') as string[] | undefined) ?? [];
    form.setFieldValue('units', [...new Set([...current, ...ids])]);
  };

  const example = `${EXAMPLES[periodType ?? 'year']}${periodForm === 'administrative' ? '-AD' : ''}`;

  return (
    <FormModal<FormInput>
      title={existing ? t('statistics.forms.editTitle') : t('statistics.forms.createTitle')}
      open={open}
      onClose={onClose}
      form={form}
      width={820}
      submitting={save.isPending}
      initialValues={initial}
      onSubmit={(values) => {
        const body = blankToNull({
          ...values,
          code: values.code.trim().toUpperCase(),
          indicators: [...values.indicators]
            .filter((c) => !c.startsWith('group:'))
            .sort((a, b) => (catalogueOrder.get(a) ?? 0) - (catalogueOrder.get(b) ?? 0)),
        });
        save.mutate(body, { onSuccess: (r) => onSaved(r.id), onError: (e) => onError(e, form) });
      }}
    >
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item
            name="code"
            label={t('statistics.forms.code')}
            rules={[
              required,
              {
                pattern: /^[A-Za-z0-9][A-Za-z0-9._-]{1,39}$/,
                message: t('statistics.forms.codeRule'),
              },
            ]}
          >
            <Input maxLength={40} placeholder="BM-KHCN-QUY" />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item name="nameVi" label={t('statistics.forms.nameVi')} rules={[required]}>
            <Input maxLength={300} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="nameEn" label={t('statistics.forms.nameEn')} rules={[required]}>
            <Input maxLength={300} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="description" label={t('statistics.forms.descriptionField')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={4000} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="periodType" label={t('statistics.forms.periodType')} rules={[required]}>
            <Select options={optionsOf(PERIOD_TYPES, PERIOD_TYPE_LABELS, locale)} />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item name="periodForm" label={t('statistics.forms.periodForm')} rules={[required]}>
            <Select options={optionsOf(PERIOD_FORMS, PERIOD_FORM_LABELS, locale)} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item
            name="firstPeriod"
            label={t('statistics.forms.firstPeriod')}
            extra={t('statistics.forms.firstPeriodHint', { example })}
            dependencies={['periodType', 'periodForm']}
            rules={[
              required,
              ({ getFieldValue }) => ({
                validator: (_, value: string | undefined) => {
                  if (!value) return Promise.resolve();
                  const p = parsePeriod(value.trim());
                  return p &&
                    p.type === getFieldValue('periodType') &&
                    p.form === getFieldValue('periodForm')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('statistics.forms.firstPeriodRule', { example })));
                },
              }),
            ]}
          >
            <Input maxLength={12} placeholder={example} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }}>
            {t('statistics.forms.calendarHint')}
          </Typography.Text>
        </Col>
        {(['opensAfterDays', 'deadlineAfterDays', 'locksAfterDays'] as const).map((name) => (
          <Col xs={24} md={8} key={name}>
            <Form.Item
              name={name}
              label={t(`statistics.forms.${name}`)}
              dependencies={
                name === 'opensAfterDays' ? [] : ['opensAfterDays', 'deadlineAfterDays']
              }
              rules={[
                required,
                ({ getFieldValue }) => ({
                  validator: (_, value: number | null | undefined) => {
                    const before =
                      name === 'deadlineAfterDays'
                        ? getFieldValue('opensAfterDays')
                        : name === 'locksAfterDays'
                          ? getFieldValue('deadlineAfterDays')
                          : null;
                    return typeof value !== 'number' ||
                      typeof before !== 'number' ||
                      before <= value
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('statistics.forms.calendarOrder')));
                  },
                }),
              ]}
            >
              <InputNumber
                min={-366}
                max={3660}
                precision={0}
                style={{ width: '100%' }}
                suffix={t('statistics.forms.days')}
              />
            </Form.Item>
          </Col>
        ))}
        <Col span={24}>
          <Form.Item
            name="indicators"
            label={t('statistics.forms.indicators')}
            rules={[
              {
                required: true,
                type: 'array',
                min: 1,
                message: t('statistics.forms.indicatorsRequired'),
              },
            ]}
          >
            <TreeSelect
              treeData={indicatorTree}
              treeCheckable
              showCheckedStrategy={TreeSelect.SHOW_CHILD}
              loading={catalogue.isPending}
              maxTagCount="responsive"
              placeholder={t('statistics.forms.indicatorsPlaceholder')}
              showSearch={{
                filterTreeNode: (input, node) =>
                  foldVi(String(node.title ?? '')).includes(foldVi(input.trim())),
              }}
              listHeight={360}
            />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item label={t('statistics.forms.units')} required>
            <Flex vertical gap={8}>
              <Flex gap={8} wrap>
                <Button size="small" onClick={() => addUnits(todayIds)}>
                  {t('statistics.forms.addToday', { n: todayIds.length })}
                </Button>
                <Button size="small" onClick={() => addUnits(formerIds)}>
                  {t('statistics.forms.addFormer', { n: formerIds.length })}
                </Button>
                <Button size="small" onClick={() => form.setFieldValue('units', [])}>
                  {t('statistics.forms.clearUnits')}
                </Button>
              </Flex>
              <Form.Item
                name="units"
                noStyle
                rules={[
                  {
                    required: true,
                    type: 'array',
                    min: 1,
                    message: t('statistics.forms.unitsRequired'),
                  },
                ]}
              >
                <Select
                  mode="multiple"
                  aria-label={t('statistics.forms.units')}
                  options={unitOptions}
                  maxTagCount="responsive"
                  loading={today.isPending || former.isPending}
                  placeholder={t('statistics.forms.unitsPlaceholder')}
                  showSearch={searchLabels}
                />
              </Form.Item>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('statistics.forms.unitsHint')}
              </Typography.Text>
            </Flex>
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="active" label={t('statistics.forms.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
