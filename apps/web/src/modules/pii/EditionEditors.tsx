import { useMemo } from 'react';
import {
  Col,
  Divider,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Switch,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import type { PiiNode } from '@caunoi/shared';
import { FormModal } from '../../components/FormModal';
import { useLocale } from '../../i18n/locale';
import { searchLabels } from '../../lib/selectSearch';
import type { EditionSaveInput } from './api';
import { parentChoices } from './framework';
import { nameOf } from './model';

interface RowValues {
  nameVi: string;
  nameEn?: string | null;
  weight: number;
  direction: 1 | -1;
  parent?: string | null;
  sourceIndicator?: string | null;
  denominator?: string | null;
  unitVi?: string | null;
}

const blank = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);

/** One row of the framework: names, weight, direction, parent, the statistics it reads. */
export function RowModal({
  node,
  nodes,
  sources,
  onClose,
  onDone,
}: {
  node: PiiNode | null;
  nodes: readonly PiiNode[];
  /** The catalogue's indicators (and options) a row may read. */
  sources: { value: string; label: string }[];
  onClose: () => void;
  onDone: (next: PiiNode) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [form] = Form.useForm<RowValues>();
  const required = { required: true, message: t('validation.required') };
  const scored = node?.type === 'Indicator' || node?.type === 'Aggregate';
  const reads = node?.type === 'Indicator' || node?.type === 'Denominator';

  const parents = useMemo(
    () =>
      node
        ? parentChoices(nodes, node).map((n) => ({
            value: n.code,
            label: `${n.code} — ${nameOf(n, locale)}`,
          }))
        : [],
    [node, nodes, locale],
  );
  const denominators = useMemo(
    () =>
      nodes
        .filter((n) => n.type === 'Denominator')
        .map((n) => ({ value: n.code, label: `${n.code} — ${n.nameVi}` })),
    [nodes],
  );

  return (
    <FormModal<RowValues>
      title={node ? t('pii.editions.rowTitle', { code: node.code }) : ''}
      open={node !== null}
      onClose={onClose}
      form={form}
      width={720}
      submitting={false}
      okText={t('pii.editions.apply')}
      initialValues={node ?? undefined}
      onSubmit={(v) =>
        node &&
        onDone({
          ...node,
          nameVi: v.nameVi.trim(),
          nameEn: blank(v.nameEn),
          unitVi: reads ? blank(v.unitVi) : node.unitVi,
          ...(scored ? { weight: v.weight, parent: v.parent ?? null } : {}),
          ...(node.type === 'Indicator'
            ? { direction: v.direction, denominator: v.denominator ?? null }
            : {}),
          ...(reads ? { sourceIndicator: v.sourceIndicator ?? null } : {}),
        })
      }
    >
      <Typography.Paragraph type="secondary">{t('pii.editions.rowHint')}</Typography.Paragraph>
      <Row gutter={16}>
        <Col span={24}>
          <Form.Item name="nameVi" label={t('pii.editions.nameVi')} rules={[required]}>
            <Input maxLength={500} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="nameEn" label={t('pii.editions.nameEn')}>
            <Input maxLength={500} />
          </Form.Item>
        </Col>
        {scored && (
          <>
            <Col xs={24} md={8}>
              <Form.Item name="weight" label={t('pii.editions.weight')} rules={[required]}>
                <InputNumber min={0} max={1000} step={0.1} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={16}>
              <Form.Item name="parent" label={t('pii.editions.parent')}>
                <Select
                  allowClear
                  showSearch={searchLabels}
                  options={parents}
                  placeholder={t('pii.editions.noParent')}
                />
              </Form.Item>
            </Col>
          </>
        )}
        {node?.type === 'Indicator' && (
          <>
            <Col xs={24} md={12}>
              <Form.Item name="direction" label={t('pii.editions.direction')} rules={[required]}>
                <Radio.Group
                  options={[
                    { value: 1, label: t('pii.editions.directionUp') },
                    { value: -1, label: t('pii.editions.directionDown') },
                  ]}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="denominator" label={t('pii.editions.denominator')}>
                <Select
                  allowClear
                  options={denominators}
                  placeholder={t('pii.editions.noDenominator')}
                />
              </Form.Item>
            </Col>
          </>
        )}
        {reads && (
          <>
            <Col xs={24} md={16}>
              <Form.Item
                name="sourceIndicator"
                label={t('pii.editions.source')}
                extra={t('pii.editions.sourceHint')}
              >
                <Select
                  allowClear
                  showSearch={searchLabels}
                  options={sources}
                  placeholder={t('pii.editions.noSource')}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="unitVi" label={t('pii.editions.unit')}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
          </>
        )}
      </Row>
    </FormModal>
  );
}

const FALLBACKS = ['log_CT', 'log_GII', 'none'] as const;
const NORMALISE_METHODS = ['minmax', 'zscore', 'rank', 'prank', 'dist2max'] as const;
const AGGREGATE_METHODS = ['arithmetic', 'geometric', 'harmonic'] as const;

/** What the settings form edits of an edition: its header and the engine's configuration. */
type EditionSettings = Omit<EditionSaveInput, 'nodes'>;

interface SettingsValues {
  title: string;
  dataYear: number;
  notes?: string | null;
  treat: boolean;
  winmax: number | null;
  skewThreshold: number;
  kurtosisThreshold: number;
  fallback: (typeof FALLBACKS)[number];
  normalise: (typeof NORMALISE_METHODS)[number];
  rangeLow: number;
  rangeHigh: number;
  mean: number;
  sd: number;
  aggregate: (typeof AGGREGATE_METHODS)[number];
}

const objectAt = (config: Record<string, unknown>, key: string): Record<string, unknown> => {
  const v = config[key];
  return typeof v === 'object' && v !== null && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : {};
};
const numberOr = (v: unknown, fallback: number) => (typeof v === 'number' ? v : fallback);

/** The configuration's parts shown on the page, with the engine's defaults where unset. */
export function readConfig(config: Record<string, unknown>) {
  const treat = objectAt(config, 'treat');
  const normalise = objectAt(config, 'normalise');
  const aggregate = objectAt(config, 'aggregate');
  const range = Array.isArray(normalise.range) ? (normalise.range as unknown[]) : [];
  return {
    treat: 'treat' in config,
    winmax: treat.winmax === null ? null : numberOr(treat.winmax, 5),
    skewThreshold: numberOr(treat.skewThreshold, 2),
    kurtosisThreshold: numberOr(treat.kurtosisThreshold, 3.5),
    fallback: (FALLBACKS as readonly unknown[]).includes(treat.fallback)
      ? (treat.fallback as SettingsValues['fallback'])
      : 'log_CT',
    normalise: (NORMALISE_METHODS as readonly unknown[]).includes(normalise.method)
      ? (normalise.method as SettingsValues['normalise'])
      : 'minmax',
    rangeLow: numberOr(range[0], 0),
    rangeHigh: numberOr(range[1], 100),
    mean: numberOr(normalise.mean, 0),
    sd: numberOr(normalise.sd, 1),
    aggregate: (AGGREGATE_METHODS as readonly unknown[]).includes(aggregate.method)
      ? (aggregate.method as SettingsValues['aggregate'])
      : 'arithmetic',
  };
}

/** The edition's title, data year, notes and the engine's configuration (other keys kept). */
export function SettingsModal({
  open,
  settings,
  onClose,
  onDone,
}: {
  open: boolean;
  settings: EditionSettings;
  onClose: () => void;
  onDone: (next: EditionSettings) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<SettingsValues>();
  const required = { required: true, message: t('validation.required') };
  const treatOn = Form.useWatch('treat', form);
  const method = Form.useWatch('normalise', form);
  const initial: SettingsValues = {
    title: settings.title,
    dataYear: settings.dataYear,
    notes: settings.notes,
    ...readConfig(settings.config),
  };

  const submit = (v: SettingsValues) => {
    const config: Record<string, unknown> = { ...settings.config };
    if (v.treat) {
      config.treat = {
        winmax: v.winmax ?? null,
        skewThreshold: v.skewThreshold,
        kurtosisThreshold: v.kurtosisThreshold,
        fallback: v.fallback,
      };
    } else delete config.treat;
    config.normalise =
      v.normalise === 'zscore'
        ? { method: v.normalise, mean: v.mean, sd: v.sd }
        : v.normalise === 'minmax'
          ? { method: v.normalise, range: [v.rangeLow, v.rangeHigh] }
          : { method: v.normalise };
    config.aggregate = { method: v.aggregate };
    onDone({
      title: v.title.trim(),
      dataYear: v.dataYear,
      notes: blank(v.notes),
      config,
    });
  };

  return (
    <FormModal<SettingsValues>
      title={t('pii.editions.settingsTitle')}
      open={open}
      onClose={onClose}
      form={form}
      width={720}
      submitting={false}
      okText={t('pii.editions.apply')}
      initialValues={initial}
      onSubmit={submit}
    >
      <Row gutter={16}>
        <Col xs={24} md={16}>
          <Form.Item name="title" label={t('pii.editions.title')} rules={[required]}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="dataYear" label={t('pii.editions.dataYear')} rules={[required]}>
            <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="notes" label={t('common.notes')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={4000} />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start" plain>
        {t('pii.editions.config.treatment')}
      </Divider>
      <Row gutter={16}>
        <Col span={24}>
          <Form.Item name="treat" valuePropName="checked" label={t('pii.editions.config.treatOn')}>
            <Switch />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            name="skewThreshold"
            label={t('pii.editions.config.skew')}
            rules={treatOn ? [required] : []}
          >
            <InputNumber min={0.01} step={0.25} disabled={!treatOn} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            name="kurtosisThreshold"
            label={t('pii.editions.config.kurtosis')}
            rules={treatOn ? [required] : []}
          >
            <InputNumber step={0.5} disabled={!treatOn} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            name="winmax"
            label={t('pii.editions.config.winmax')}
            extra={t('pii.editions.config.winmaxHint')}
          >
            <InputNumber min={0} precision={0} disabled={!treatOn} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="fallback" label={t('pii.editions.config.fallback')}>
            <Select
              disabled={!treatOn}
              options={FALLBACKS.map((f) => ({
                value: f,
                label: t(`pii.editions.config.fallbacks.${f}`),
              }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start" plain>
        {t('pii.editions.config.normalisation')}
      </Divider>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="normalise" label={t('pii.editions.config.method')} rules={[required]}>
            <Select
              options={NORMALISE_METHODS.map((m) => ({
                value: m,
                label: t(`pii.editions.config.normalise.${m}`),
              }))}
            />
          </Form.Item>
        </Col>
        {method === 'minmax' && (
          <>
            <Col xs={12} md={6}>
              <Form.Item
                name="rangeLow"
                label={t('pii.editions.config.rangeLow')}
                rules={[required]}
              >
                <InputNumber style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item
                name="rangeHigh"
                label={t('pii.editions.config.rangeHigh')}
                dependencies={['rangeLow']}
                rules={[
                  required,
                  ({ getFieldValue }) => ({
                    validator: (_, v: number | null) =>
                      typeof v !== 'number' || v > (getFieldValue('rangeLow') as number)
                        ? Promise.resolve()
                        : Promise.reject(new Error(t('pii.editions.config.rangeOrder'))),
                  }),
                ]}
              >
                <InputNumber style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </>
        )}
        {method === 'zscore' && (
          <>
            <Col xs={12} md={6}>
              <Form.Item name="mean" label={t('pii.editions.config.mean')} rules={[required]}>
                <InputNumber style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="sd" label={t('pii.editions.config.sd')} rules={[required]}>
                <InputNumber min={0.0001} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </>
        )}
      </Row>
      <Divider titlePlacement="start" plain>
        {t('pii.editions.config.aggregation')}
      </Divider>
      <Form.Item name="aggregate" label={t('pii.editions.config.method')} rules={[required]}>
        <Select
          options={AGGREGATE_METHODS.map((m) => ({
            value: m,
            label: t(`pii.editions.config.aggregate.${m}`),
          }))}
        />
      </Form.Item>
    </FormModal>
  );
}
