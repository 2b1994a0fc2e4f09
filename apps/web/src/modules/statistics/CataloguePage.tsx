import { useMemo, useState } from 'react';
import {
  Alert,
  Card,
  Descriptions,
  Flex,
  Input,
  Table,
  Tabs,
  Tag,
  Typography,
  type TableProps,
} from 'antd';
import { useTranslation } from 'react-i18next';
import {
  DIRECTION_LABELS,
  foldVi,
  PERIOD_AGGREGATION_LABELS,
  UNIT_AGGREGATION_LABELS,
  VALUE_TYPE_LABELS,
} from '@caunoi/shared';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { useLocale } from '../../i18n/locale';
import { useDebounced } from '../../lib/useDebounced';
import { useCatalogue } from './api';
import { formatStatNumber } from './grid/model';
import type { Catalogue, CatalogueIndicator, CatalogueRule } from './types';

/** The indicator catalogue: groups, indicators with their definitions, disaggregations, rules. */
export default function CataloguePage() {
  const { t } = useTranslation();
  const query = useCatalogue();
  return (
    <>
      <PageHeader
        title={t('statistics.menu.catalogue')}
        description={t('statistics.catalogue.description')}
      />
      <QueryState query={query}>{(c) => <CatalogueView catalogue={c} />}</QueryState>
    </>
  );
}

function CatalogueView({ catalogue }: { catalogue: Catalogue }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [search, setSearch] = useState('');
  const needle = foldVi(useDebounced(search, 200).trim());
  const disaggregations = useMemo(
    () => new Map(catalogue.disaggregations.map((d) => [d.code, d])),
    [catalogue.disaggregations],
  );
  const names = useMemo(
    () => new Map(catalogue.indicators.map((i) => [i.code, locale === 'en' ? i.nameEn : i.nameVi])),
    [catalogue.indicators, locale],
  );
  const matches = (i: CatalogueIndicator) =>
    needle === '' || foldVi(`${i.code} ${i.nameVi} ${i.nameEn} ${i.definitionVi}`).includes(needle);
  const rulesOf = (code: string) =>
    catalogue.rules.filter((r) => new RegExp(`\\b${code}\\b`).test(r.expression));

  const columns: TableProps<CatalogueIndicator>['columns'] = [
    {
      title: t('statistics.catalogue.indicator'),
      key: 'name',
      render: (_, i) => (
        <Flex vertical>
          <Typography.Text strong>{locale === 'en' ? i.nameEn : i.nameVi}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {i.code}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('statistics.catalogue.unit'),
      key: 'unit',
      width: 120,
      render: (_, i) => (locale === 'en' ? i.unitEn : i.unitVi),
    },
    {
      title: t('statistics.catalogue.valueType'),
      key: 'valueType',
      width: 120,
      render: (_, i) => VALUE_TYPE_LABELS[i.valueType][locale],
    },
    {
      title: t('statistics.catalogue.aggregation'),
      key: 'aggregation',
      width: 200,
      render: (_, i) =>
        i.ratio ? (
          <Flex vertical>
            <span>{UNIT_AGGREGATION_LABELS[i.unitAggregation][locale]}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {i.ratio.numerator} ÷ {i.ratio.denominator} × {formatStatNumber(i.ratio.factor)}
            </Typography.Text>
          </Flex>
        ) : (
          UNIT_AGGREGATION_LABELS[i.unitAggregation][locale]
        ),
    },
    {
      title: t('statistics.catalogue.disaggregation'),
      key: 'disaggregation',
      width: 170,
      render: (_, i) => {
        const d = i.disaggregation ? disaggregations.get(i.disaggregation) : undefined;
        return d ? (locale === 'en' ? d.nameEn : d.nameVi) : '—';
      },
    },
    {
      title: t('statistics.catalogue.evidence'),
      key: 'evidence',
      width: 100,
      render: (_, i) =>
        i.evidenceRequired ? (
          <Tag color="gold">{t('statistics.catalogue.evidenceRequired')}</Tag>
        ) : null,
    },
  ];

  const details = (i: CatalogueIndicator) => {
    const d = i.disaggregation ? disaggregations.get(i.disaggregation) : undefined;
    const rules = rulesOf(i.code);
    return (
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'definition',
            label: t('statistics.catalogue.definition'),
            children: (
              <span style={{ whiteSpace: 'pre-line' }}>
                {locale === 'en' ? i.definitionEn : i.definitionVi}
              </span>
            ),
          },
          ...(d
            ? [
                {
                  key: 'options',
                  label: t('statistics.catalogue.options'),
                  children: (
                    <Flex gap={4} wrap>
                      {d.options.map((o) => (
                        <Tag key={o.code}>{locale === 'en' ? o.nameEn : o.nameVi}</Tag>
                      ))}
                    </Flex>
                  ),
                },
              ]
            : []),
          ...(i.ratio
            ? [
                {
                  key: 'ratio',
                  label: t('statistics.catalogue.ratio'),
                  children: t('statistics.catalogue.ratioText', {
                    numerator: names.get(i.ratio.numerator) ?? i.ratio.numerator,
                    denominator: names.get(i.ratio.denominator) ?? i.ratio.denominator,
                    factor: formatStatNumber(i.ratio.factor),
                  }),
                },
              ]
            : []),
          {
            key: 'period',
            label: t('statistics.catalogue.periodAggregation'),
            children: PERIOD_AGGREGATION_LABELS[i.periodAggregation][locale],
          },
          {
            key: 'direction',
            label: t('statistics.catalogue.direction'),
            children: DIRECTION_LABELS[i.direction][locale],
          },
          { key: 'source', label: t('statistics.catalogue.source'), children: i.sourceVi || '—' },
          {
            key: 'legal',
            label: t('statistics.catalogue.legalBasis'),
            children: i.legalBasis || '—',
          },
          ...(rules.length > 0
            ? [
                {
                  key: 'rules',
                  label: t('statistics.catalogue.rulesOf'),
                  children: (
                    <ul style={{ margin: 0, paddingLeft: 18 }}>
                      {rules.map((r) => (
                        <li key={r.code}>
                          <code>{r.expression}</code> —{' '}
                          {locale === 'en' ? r.messageEn : r.messageVi}
                        </li>
                      ))}
                    </ul>
                  ),
                },
              ]
            : []),
        ]}
      />
    );
  };

  const groups = catalogue.groups
    .map((g) => ({
      group: g,
      indicators: catalogue.indicators.filter((i) => i.group === g.code && matches(i)),
    }))
    .filter((g) => g.indicators.length > 0);

  const ruleColumns: TableProps<CatalogueRule>['columns'] = [
    { title: t('statistics.catalogue.ruleCode'), dataIndex: 'code', width: 240 },
    {
      title: t('statistics.catalogue.expression'),
      key: 'expression',
      width: 300,
      render: (_, r) => <code style={{ whiteSpace: 'pre-wrap' }}>{r.expression}</code>,
    },
    {
      title: t('statistics.catalogue.severity'),
      key: 'severity',
      width: 120,
      render: (_, r) =>
        r.severity === 'error' ? (
          <Tag color="red">{t('statistics.marks.error')}</Tag>
        ) : (
          <Tag color="orange">{t('statistics.marks.warning')}</Tag>
        ),
    },
    {
      title: t('statistics.catalogue.message'),
      key: 'message',
      render: (_, r) => (locale === 'en' ? r.messageEn : r.messageVi),
    },
    {
      title: t('statistics.catalogue.scope'),
      key: 'scope',
      width: 160,
      render: (_, r) =>
        r.scopeFormCodes || r.scopeUnitIds
          ? [...(r.scopeFormCodes ?? []), ...(r.scopeUnitIds ?? [])].join(', ')
          : t('statistics.catalogue.everywhere'),
    },
  ];

  return (
    <>
      {catalogue.syntheticValues && (
        <Alert
          type="warning"
          showIcon
          title={t('statistics.syntheticNotice')}
          style={{ marginBottom: 16 }}
        />
      )}
      <Card>
        <Tabs
          items={[
            {
              key: 'indicators',
              label: t('statistics.catalogue.indicatorsTab', { n: catalogue.indicators.length }),
              children: (
                <Flex vertical gap={16}>
                  <Input.Search
                    allowClear
                    aria-label={t('statistics.catalogue.search')}
                    placeholder={t('statistics.catalogue.search')}
                    value={search}
                    onChange={(e) => setSearch(e.target.value)}
                    style={{ maxWidth: 420 }}
                  />
                  {groups.length === 0 && (
                    <Typography.Text type="secondary">{t('common.noMatch')}</Typography.Text>
                  )}
                  {groups.map(({ group, indicators }) => (
                    <section key={group.code} aria-labelledby={`group-${group.code}`}>
                      <Typography.Title
                        level={5}
                        id={`group-${group.code}`}
                        style={{ marginTop: 0 }}
                      >
                        {locale === 'en' ? group.nameEn : group.nameVi}{' '}
                        <Typography.Text
                          type="secondary"
                          style={{ fontWeight: 'normal', fontSize: 13 }}
                        >
                          ({indicators.length})
                        </Typography.Text>
                      </Typography.Title>
                      <Table<CatalogueIndicator>
                        rowKey="code"
                        size="small"
                        columns={columns}
                        dataSource={indicators}
                        pagination={false}
                        scroll={{ x: 980 }}
                        expandable={{ expandedRowRender: details }}
                      />
                    </section>
                  ))}
                </Flex>
              ),
            },
            {
              key: 'disaggregations',
              label: t('statistics.catalogue.disaggregationsTab', {
                n: catalogue.disaggregations.length,
              }),
              children: (
                <Table
                  rowKey="code"
                  size="small"
                  pagination={false}
                  dataSource={catalogue.disaggregations}
                  columns={[
                    { title: t('statistics.catalogue.ruleCode'), dataIndex: 'code', width: 200 },
                    {
                      title: t('statistics.catalogue.disaggregation'),
                      key: 'name',
                      width: 260,
                      render: (_, d) => (locale === 'en' ? d.nameEn : d.nameVi),
                    },
                    {
                      title: t('statistics.catalogue.options'),
                      key: 'options',
                      render: (_, d) => (
                        <Flex gap={4} wrap>
                          {d.options.map((o) => (
                            <Tag key={o.code}>{locale === 'en' ? o.nameEn : o.nameVi}</Tag>
                          ))}
                        </Flex>
                      ),
                    },
                  ]}
                />
              ),
            },
            {
              key: 'rules',
              label: t('statistics.catalogue.rulesTab', { n: catalogue.rules.length }),
              children: (
                <Table<CatalogueRule>
                  rowKey="code"
                  size="small"
                  pagination={false}
                  dataSource={catalogue.rules}
                  columns={ruleColumns}
                  scroll={{ x: 1000 }}
                />
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
