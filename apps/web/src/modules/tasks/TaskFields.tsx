import { useState } from 'react';
import { Col, Form, Input, Radio, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  RECURRENCE_LABELS,
  RECURRENCES,
  TASK_PRIORITIES,
  TASK_PRIORITY_LABELS,
  type Recurrence,
  type TaskPriority,
} from '@caunoi/shared';
import { IsoDatePicker } from '../../components/IsoDatePicker';
import { useLocale } from '../../i18n/locale';
import { optionsOf } from '../../lib/labels';
import { useDebounced } from '../../lib/useDebounced';
import { useOrganisations } from '../organisations/api';
import { OrganisationSelect } from '../organisations/OrganisationSelect';
import type { TaskDetail, TaskInput, TaskOrganisation } from './types';

/** A task as the forms hold it: `periodic` chooses between a deadline and a reporting cycle. */
export interface TaskFormRow {
  number?: string | null;
  title: string;
  description?: string | null;
  leadOrganisationId?: string;
  cooperatorOrganisationIds: string[];
  periodic: boolean;
  deadline?: string | null;
  recurrence?: Recurrence | null;
  recurrenceEndsOn?: string | null;
  expectedProduct?: string | null;
  priority: TaskPriority;
}

export const emptyRow = (): TaskFormRow => ({
  title: '',
  cooperatorOrganisationIds: [],
  periodic: false,
  priority: 'normal',
});

const blank = (v: string | null | undefined) => (v && v.trim() !== '' ? v : null);

export function toInput(row: TaskFormRow): TaskInput {
  return {
    number: blank(row.number),
    title: row.title,
    description: blank(row.description),
    leadOrganisationId: row.leadOrganisationId!,
    cooperatorOrganisationIds: row.cooperatorOrganisationIds ?? [],
    deadline: row.periodic ? null : (row.deadline ?? null),
    recurrence: row.periodic ? (row.recurrence ?? null) : null,
    recurrenceEndsOn: row.periodic ? (row.recurrenceEndsOn ?? null) : null,
    expectedProduct: blank(row.expectedProduct),
    priority: row.priority,
  };
}

export function toRow(task: TaskDetail): TaskFormRow {
  return {
    number: task.number,
    title: task.title,
    description: task.description,
    leadOrganisationId: task.leadOrganisation.id,
    cooperatorOrganisationIds: task.cooperators.map((c) => c.id),
    periodic: task.recurrence !== null,
    deadline: task.deadline,
    recurrence: task.recurrence,
    recurrenceEndsOn: task.recurrenceEndsOn,
    expectedProduct: task.expectedProduct,
    priority: task.priority,
  };
}

/** Several organisations, found by searching the directory (their names stay once chosen). */
export function CooperatorsSelect({
  value,
  onChange,
  known = [],
  asOf,
  id,
}: {
  value?: string[];
  onChange?: (ids: string[]) => void;
  known?: Array<{ id: string; nameVi: string }>;
  asOf?: string;
  id?: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const list = useOrganisations({ q: q || undefined, asOf, pageSize: 30 });
  // Names of the organisations picked while searching: they stay shown after the search moves on.
  const [picked, setPicked] = useState<Record<string, string>>({});
  const names = new Map<string, string>([
    ...Object.entries(picked),
    ...known.map((o) => [o.id, o.nameVi] as const),
    ...(list.data?.items ?? []).map(
      (o) => [o.id, o.unit ? `${o.nameVi} · ${o.unit.nameVi}` : o.nameVi] as const,
    ),
  ]);
  const shown = new Set([...(value ?? []), ...(list.data?.items.map((o) => o.id) ?? [])]);
  return (
    <Select<string[], { value: string; label: string }>
      id={id}
      mode="multiple"
      allowClear
      value={value}
      onChange={(ids, options) => {
        const chosen = [options ?? []].flat().filter((o) => o?.value);
        setPicked((p) => ({ ...p, ...Object.fromEntries(chosen.map((o) => [o.value, o.label])) }));
        onChange?.(ids);
      }}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={list.isFetching}
      options={[...shown].map((v) => ({ value: v, label: names.get(v) ?? v }))}
      placeholder={t('tasks.fields.cooperatorsPlaceholder')}
      notFoundContent={list.isFetching ? t('common.loading') : t('common.noMatch')}
      onBlur={() => setSearch('')}
    />
  );
}

/**
 * The fields of one task. `name` is the path relative to the enclosing form list ([] outside a
 * list), `path` the absolute one (to watch the schedule choice).
 */
export function TaskFields({
  name,
  path,
  known,
  withDescription = false,
}: {
  name: (string | number)[];
  path: (string | number)[];
  known?: TaskOrganisation[];
  withDescription?: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  // Offer the organisations in existence on the assignment date (the form's `assignedOn`).
  const assignedOn = Form.useWatch<string | undefined>('assignedOn', Form.useFormInstance());
  const required = { required: true, message: t('validation.required') };
  const max = (n: number) => ({ max: n, message: t('validation.max', { n }) });
  return (
    <Row gutter={12}>
      <Col xs={6} md={3}>
        <Form.Item name={[...name, 'number']} label={t('tasks.fields.number')} rules={[max(20)]}>
          <Input placeholder={t('tasks.fields.auto')} />
        </Form.Item>
      </Col>
      <Col xs={18} md={21}>
        <Form.Item
          name={[...name, 'title']}
          label={t('tasks.fields.title')}
          rules={[{ ...required, whitespace: true }, max(500)]}
        >
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
      </Col>
      {withDescription && (
        <Col span={24}>
          <Form.Item
            name={[...name, 'description']}
            label={t('tasks.fields.description')}
            rules={[max(10_000)]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
          </Form.Item>
        </Col>
      )}
      <Col xs={24} md={12}>
        <Form.Item
          name={[...name, 'leadOrganisationId']}
          label={t('tasks.fields.lead')}
          rules={[required]}
        >
          <OrganisationSelect asOf={assignedOn} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name={[...name, 'cooperatorOrganisationIds']}
          label={t('tasks.fields.cooperators')}
        >
          <CooperatorsSelect known={known} asOf={assignedOn} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name={[...name, 'periodic']} label={t('tasks.fields.schedule')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: false, label: t('tasks.fields.oneOff') },
              { value: true, label: t('tasks.fields.periodic') },
            ]}
          />
        </Form.Item>
      </Col>
      <Form.Item noStyle dependencies={[[...path, 'periodic']]}>
        {({ getFieldValue }) =>
          getFieldValue([...path, 'periodic']) ? (
            <>
              <Col xs={12} md={8}>
                <Form.Item
                  name={[...name, 'recurrence']}
                  label={t('tasks.fields.recurrence')}
                  rules={[required]}
                >
                  <Select options={optionsOf(RECURRENCES, RECURRENCE_LABELS, locale)} />
                </Form.Item>
              </Col>
              <Col xs={12} md={8}>
                <Form.Item
                  name={[...name, 'recurrenceEndsOn']}
                  label={t('tasks.fields.recurrenceEndsOn')}
                >
                  <IsoDatePicker style={{ width: '100%' }} placeholder={t('tasks.fields.noEnd')} />
                </Form.Item>
              </Col>
            </>
          ) : (
            <Col xs={24} md={8}>
              <Form.Item
                name={[...name, 'deadline']}
                label={t('tasks.fields.deadline')}
                rules={[required]}
              >
                <IsoDatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          )
        }
      </Form.Item>
      <Col xs={24} md={16}>
        <Form.Item
          name={[...name, 'expectedProduct']}
          label={t('tasks.fields.expectedProduct')}
          rules={[max(500)]}
        >
          <Input />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name={[...name, 'priority']} label={t('tasks.fields.priority')}>
          <Select options={optionsOf(TASK_PRIORITIES, TASK_PRIORITY_LABELS, locale)} />
        </Form.Item>
      </Col>
    </Row>
  );
}
