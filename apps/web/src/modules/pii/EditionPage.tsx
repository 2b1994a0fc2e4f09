import { useMemo, useState, type ReactNode } from 'react';
import {
  DownloadOutlined,
  EditOutlined,
  SaveOutlined,
  SettingOutlined,
  UploadOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import {
  Affix,
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Row,
  Table,
  Tag,
  Tooltip,
  Typography,
  Upload,
  type TableProps,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { PiiEdition, PiiNode } from '@caunoi/shared';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { useLocale } from '../../i18n/locale';
import { formatDateTime } from '../../lib/format';
import { useMe } from '../auth/session';
import { useCatalogue } from '../statistics/api';
import { managesPii } from './access';
import {
  editionExportHref,
  useEdition,
  useImportEdition,
  useSaveEdition,
  type EditionSaveInput,
  type FrameworkIssue,
} from './api';
import { RowModal, SettingsModal, readConfig } from './EditionEditors';
import { frameworkIssueOf, IllustrativeTag, UnitBasisTag } from './EditionParts';
import {
  COLUMN_OF_IMETA,
  countByLevel,
  frameworkTree,
  sourceChoices,
  sourceName,
  type TreeRow,
} from './framework';
import { formatValue, nameOf } from './model';

/** One framework edition: its tree of indicators, its configuration, import and export. */
export default function EditionPage() {
  const { id = '' } = useParams();
  const query = useEdition(id);
  // Kept here: an import's outcome outlives the draft that the imported edition replaces.
  const [imported, setImported] = useState<ImportOutcome | null>(null);
  // A new answer (saved, imported) starts a new draft.
  return (
    <QueryState query={query}>
      {(edition) => (
        <Edition
          key={`${edition.id}@${edition.updatedAt}`}
          edition={edition}
          imported={imported?.editionId === edition.id ? imported : null}
          setImported={setImported}
        />
      )}
    </QueryState>
  );
}

type Draft = EditionSaveInput;

const draftOf = (e: PiiEdition): Draft => ({
  title: e.title,
  dataYear: e.dataYear,
  notes: e.notes,
  config: e.config,
  nodes: e.nodes,
});

/** A refusal, named where it points: a framework row and column, or the configuration. */
interface Refusal {
  message: string;
  issue: FrameworkIssue | null;
}

type ImportOutcome = { editionId: string; file: string } & (
  { ok: true; indicators: number; aggregates: number } | { ok: false; refusal: Refusal }
);

const refusalOf = (error: unknown): Refusal => ({
  message: error instanceof Error ? error.message : String(error),
  issue: frameworkIssueOf(error),
});

function Edition({
  edition,
  imported,
  setImported,
}: {
  edition: PiiEdition;
  imported: ImportOutcome | null;
  setImported: (outcome: ImportOutcome | null) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const manages = managesPii(useMe());
  const catalogue = useCatalogue();
  const save = useSaveEdition(edition.id);
  const importFile = useImportEdition(edition.id);
  const [draft, setDraft] = useState<Draft>(() => draftOf(edition));
  const [editing, setEditing] = useState<PiiNode | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);

  const dirty = useMemo(
    () => JSON.stringify(draft) !== JSON.stringify(draftOf(edition)),
    [draft, edition],
  );
  const { tree, apart } = useMemo(() => frameworkTree(draft.nodes), [draft.nodes]);
  const counts = useMemo(() => countByLevel(draft.nodes), [draft.nodes]);
  const sources = useMemo(
    () => (catalogue.data ? sourceChoices(catalogue.data, locale) : []),
    [catalogue.data, locale],
  );
  const config = readConfig(draft.config);
  const issue = refusal?.issue ?? null;
  const issueRow = issue?.row;
  const issueField = issue?.column ? COLUMN_OF_IMETA[issue.column] : undefined;

  /** A cell's content, marked when the server's refusal names this row and column. */
  const cell = (r: TreeRow, field: keyof PiiNode, content: ReactNode) =>
    issueRow === r.row && issueField === field ? (
      <Tooltip title={refusal?.message}>
        <Typography.Text type="danger" data-testid="refused-cell">
          <WarningOutlined /> {content}
        </Typography.Text>
      </Tooltip>
    ) : (
      content
    );

  const levelLabel = (n: PiiNode) =>
    n.type === 'Denominator'
      ? t('pii.editions.levels.denominator')
      : n.type === 'Group'
        ? t('pii.editions.levels.group')
        : t(`pii.editions.levels.l${Math.min(Math.max(n.level ?? 1, 1), 5) as 1 | 2 | 3 | 4 | 5}`);

  const sourceCell = (n: PiiNode) => {
    if (!n.sourceIndicator) {
      return n.type === 'Indicator' || n.type === 'Denominator' ? (
        <Typography.Text type="secondary">{t('pii.editions.noSource')}</Typography.Text>
      ) : null;
    }
    const source = catalogue.data ? sourceName(catalogue.data, n.sourceIndicator, locale) : null;
    return (
      <Flex vertical>
        {source ? (
          <span>{source}</span>
        ) : (
          catalogue.data && <Tag color="red">{t('pii.editions.sourceUnknown')}</Tag>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {n.sourceIndicator}
        </Typography.Text>
      </Flex>
    );
  };

  const columns: TableProps<TreeRow>['columns'] = [
    {
      title: t('pii.editions.code'),
      key: 'code',
      width: 170,
      fixed: 'left',
      render: (_, r) => cell(r, 'code', <Typography.Text code>{r.node.code}</Typography.Text>),
    },
    {
      title: t('pii.editions.name'),
      key: 'name',
      render: (_, r) =>
        cell(
          r,
          'nameVi',
          <Flex vertical>
            <Typography.Text strong={r.node.type === 'Aggregate'}>
              {nameOf(r.node, locale)}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {levelLabel(r.node)}
              {locale !== 'en' && r.node.nameEn ? ` · ${r.node.nameEn}` : ''}
            </Typography.Text>
          </Flex>,
        ),
    },
    {
      title: t('pii.editions.weight'),
      key: 'weight',
      width: 80,
      align: 'right',
      render: (_, r) => cell(r, 'weight', formatValue(r.node.weight, 'vi')),
    },
    {
      title: t('pii.editions.direction'),
      key: 'direction',
      width: 100,
      render: (_, r) =>
        r.node.type === 'Indicator' &&
        cell(
          r,
          'direction',
          r.node.direction === 1 ? (
            <Tag color="green">↑ {t('pii.editions.directionUpShort')}</Tag>
          ) : (
            <Tag color="volcano">↓ {t('pii.editions.directionDownShort')}</Tag>
          ),
        ),
    },
    {
      title: t('pii.editions.unit'),
      key: 'unit',
      width: 110,
      render: (_, r) => cell(r, 'unitVi', r.node.unitVi),
    },
    {
      title: t('pii.editions.source'),
      key: 'source',
      width: 250,
      render: (_, r) =>
        cell(
          r,
          'sourceIndicator',
          <Flex vertical gap={2}>
            {sourceCell(r.node)}
            {r.node.denominator && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('pii.editions.dividedBy', { code: r.node.denominator })}
              </Typography.Text>
            )}
          </Flex>,
        ),
    },
    {
      title: t('pii.editions.placement'),
      key: 'placement',
      width: 110,
      render: (_, r) =>
        r.node.placement === 'confirmed' ? (
          <Tag color="green">{t('pii.editions.placementConfirmed')}</Tag>
        ) : r.node.placement === 'inferred' ? (
          <Tooltip title={t('pii.editions.placementInferredHint')}>
            <Tag color="orange">{t('pii.editions.placementInferred')}</Tag>
          </Tooltip>
        ) : null,
    },
    ...(manages
      ? [
          {
            title: '',
            key: 'edit',
            width: 56,
            fixed: 'right' as const,
            render: (_: unknown, r: TreeRow) => (
              <Button
                size="small"
                type="text"
                icon={<EditOutlined />}
                aria-label={t('pii.editions.rowTitle', { code: r.node.code })}
                onClick={() => setEditing(r.node)}
              />
            ),
          },
        ]
      : []),
  ];

  const rowProps = (r: TreeRow) => ({
    'data-code': r.node.code,
    'data-level': r.node.level ?? '',
    style: issueRow === r.row ? { background: '#fff1f0' } : undefined,
  });

  const onSave = () =>
    save.mutate(draft, {
      onSuccess: () => {
        setRefusal(null);
        void message.success(t('common.saved'));
      },
      onError: (e) => setRefusal(refusalOf(e)),
    });

  const onImport = (file: File) =>
    importFile.mutate(file, {
      onSuccess: (e) => {
        setRefusal(null);
        const c = countByLevel(e.nodes);
        setImported({
          editionId: edition.id,
          ok: true,
          file: file.name,
          indicators: c.get(1) ?? 0,
          aggregates: [...c].reduce((s, [level, n]) => (level > 1 ? s + n : s), 0),
        });
      },
      onError: (e) =>
        setImported({ editionId: edition.id, ok: false, file: file.name, refusal: refusalOf(e) }),
    });

  const issueText = (i: FrameworkIssue | null) =>
    i
      ? [
          i.row !== undefined ? t('pii.editions.atRow', { row: i.row }) : null,
          i.column ? t('pii.editions.atColumn', { column: i.column }) : null,
        ]
          .filter(Boolean)
          .join(', ')
      : '';
  const refusedCode = issueRow !== undefined ? draft.nodes[issueRow - 1]?.code : undefined;

  return (
    <>
      <PageHeader
        title={t('pii.editions.yearTitle', { year: edition.year })}
        description={draft.title}
        tags={
          <>
            {edition.illustrative && <IllustrativeTag />}
            <UnitBasisTag basis={edition.unitBasis} />
          </>
        }
        breadcrumbs={[
          { title: t('pii.menu.group') },
          { title: t('pii.menu.editions'), to: '/pii/editions' },
          { title: t('pii.editions.yearTitle', { year: edition.year }) },
        ]}
        extra={
          <>
            <Button
              icon={<DownloadOutlined />}
              href={editionExportHref(edition.id, 'csv')}
              download
            >
              {t('pii.editions.exportCsv')}
            </Button>
            <Button
              icon={<DownloadOutlined />}
              href={editionExportHref(edition.id, 'xlsx')}
              download
            >
              {t('pii.editions.exportXlsx')}
            </Button>
            {manages && (
              <Tooltip title={dirty ? t('pii.editions.importAfterSave') : undefined}>
                <span>
                  <Upload
                    accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                    showUploadList={false}
                    disabled={dirty || importFile.isPending}
                    beforeUpload={(f) => {
                      onImport(f);
                      return false;
                    }}
                  >
                    <Button
                      icon={<UploadOutlined />}
                      loading={importFile.isPending}
                      disabled={dirty}
                    >
                      {t('pii.editions.import')}
                    </Button>
                  </Upload>
                </span>
              </Tooltip>
            )}
          </>
        }
      />
      <Flex vertical gap={16}>
        {edition.illustrative && (
          <Alert
            type="warning"
            showIcon
            data-testid="illustrative-notice"
            title={t('pii.editions.illustrativeNotice')}
          />
        )}
        {imported && (
          <Alert
            type={imported.ok ? 'success' : 'error'}
            showIcon
            closable={{ onClose: () => setImported(null) }}
            data-testid="import-result"
            title={
              imported.ok
                ? t('pii.editions.imported', { file: imported.file })
                : t('pii.editions.importRefused', { file: imported.file })
            }
            description={
              imported.ok ? (
                t('pii.editions.importedCounts', {
                  indicators: imported.indicators,
                  aggregates: imported.aggregates,
                })
              ) : (
                <Flex vertical>
                  {imported.refusal.issue && (
                    <Typography.Text strong>
                      {t('pii.editions.errorAt', { where: issueText(imported.refusal.issue) })}
                    </Typography.Text>
                  )}
                  <span>{imported.refusal.message}</span>
                </Flex>
              )
            }
          />
        )}
        {manages && (dirty || refusal) && (
          <Affix offsetTop={64}>
            <Alert
              type={refusal ? 'error' : 'info'}
              showIcon
              data-testid="draft-bar"
              title={
                refusal
                  ? t('pii.editions.saveRefused', {
                      where: [issueText(issue), refusedCode].filter(Boolean).join(' — '),
                    })
                  : t('pii.editions.unsaved')
              }
              description={refusal?.message}
              action={
                <Flex gap={8}>
                  <Button
                    onClick={() => {
                      setDraft(draftOf(edition));
                      setRefusal(null);
                    }}
                    disabled={save.isPending || !dirty}
                  >
                    {t('pii.editions.discard')}
                  </Button>
                  <Button
                    type="primary"
                    icon={<SaveOutlined />}
                    loading={save.isPending}
                    disabled={!dirty}
                    onClick={onSave}
                  >
                    {t('common.save')}
                  </Button>
                </Flex>
              }
            />
          </Affix>
        )}
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <Card size="small" title={t('pii.editions.general')} style={{ height: '100%' }}>
              <Descriptions
                size="small"
                column={1}
                items={[
                  {
                    key: 'basis',
                    label: t('pii.editions.unitBasis'),
                    children: t(`pii.editions.basis.${edition.unitBasis}`),
                  },
                  { key: 'data', label: t('pii.editions.dataYear'), children: draft.dataYear },
                  {
                    key: 'structure',
                    label: t('pii.editions.structure'),
                    children: (
                      <span data-testid="structure">
                        {t('pii.editions.structureText', {
                          pillars: counts.get(3) ?? 0,
                          subPillars: counts.get(2) ?? 0,
                          indicators: counts.get(1) ?? 0,
                        })}
                      </span>
                    ),
                  },
                  { key: 'runs', label: t('pii.editions.runCount'), children: edition.runCount },
                  {
                    key: 'updated',
                    label: t('common.updatedAt'),
                    children: formatDateTime(edition.updatedAt),
                  },
                  ...(draft.notes
                    ? [
                        {
                          key: 'notes',
                          label: t('common.notes'),
                          children: <span style={{ whiteSpace: 'pre-line' }}>{draft.notes}</span>,
                        },
                      ]
                    : []),
                ]}
              />
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card
              size="small"
              title={t('pii.editions.config.title')}
              style={{ height: '100%' }}
              extra={
                manages && (
                  <Button
                    size="small"
                    icon={<SettingOutlined />}
                    onClick={() => setSettingsOpen(true)}
                  >
                    {t('common.edit')}
                  </Button>
                )
              }
            >
              <Descriptions
                size="small"
                column={1}
                data-testid="config"
                items={[
                  {
                    key: 'treat',
                    label: t('pii.editions.config.treatment'),
                    children: config.treat
                      ? t('pii.editions.config.treatText', {
                          skew: config.skewThreshold.toLocaleString('vi-VN'),
                          kurtosis: config.kurtosisThreshold.toLocaleString('vi-VN'),
                          winmax:
                            config.winmax === null
                              ? t('pii.editions.config.noLimit')
                              : String(config.winmax),
                          fallback: t(`pii.editions.config.fallbacks.${config.fallback}`),
                        })
                      : t('pii.editions.config.treatOff'),
                  },
                  {
                    key: 'normalise',
                    label: t('pii.editions.config.normalisation'),
                    children:
                      t(`pii.editions.config.normalise.${config.normalise}`) +
                      (config.normalise === 'minmax'
                        ? ` (${config.rangeLow}–${config.rangeHigh})`
                        : config.normalise === 'zscore'
                          ? ` (${config.mean}; ${config.sd})`
                          : ''),
                  },
                  {
                    key: 'aggregate',
                    label: t('pii.editions.config.aggregation'),
                    children: t(`pii.editions.config.aggregate.${config.aggregate}`),
                  },
                ]}
              />
            </Card>
          </Col>
        </Row>
        <Card size="small" title={t('pii.editions.framework')}>
          <Table<TreeRow>
            rowKey="key"
            size="small"
            data-testid="framework-tree"
            columns={columns}
            dataSource={tree}
            onRow={rowProps}
            expandable={{ defaultExpandAllRows: true }}
            pagination={false}
            scroll={{ x: 1320 }}
            locale={{ emptyText: t('pii.editions.empty') }}
          />
        </Card>
        {apart.length > 0 && (
          <Card size="small" title={t('pii.editions.denominators', { n: apart.length })}>
            <Table<TreeRow>
              rowKey="key"
              size="small"
              data-testid="framework-denominators"
              columns={columns.filter((c) => c.key !== 'weight' && c.key !== 'direction')}
              dataSource={apart}
              onRow={rowProps}
              pagination={false}
              scroll={{ x: 1140 }}
            />
          </Card>
        )}
      </Flex>
      <RowModal
        node={editing}
        nodes={draft.nodes}
        sources={sources}
        onClose={() => setEditing(null)}
        onDone={(next) => {
          setDraft((d) => ({
            ...d,
            nodes: d.nodes.map((n) => (n.code === next.code ? next : n)),
          }));
          setEditing(null);
        }}
      />
      <SettingsModal
        open={settingsOpen}
        settings={draft}
        onClose={() => setSettingsOpen(false)}
        onDone={(next) => {
          setDraft((d) => ({ ...d, ...next }));
          setSettingsOpen(false);
        }}
      />
    </>
  );
}
