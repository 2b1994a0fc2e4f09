import { useState } from 'react';
import { Col, Empty, Flex, Row, Segmented, Switch, Table, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';

interface DiffRow {
  key: string;
  before: unknown;
  after: unknown;
  changed: boolean;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const show = (v: unknown): string =>
  v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);

/** Field-by-field comparison of two records, nested objects flattened to dotted keys. */
function diffRows(before: unknown, after: unknown): DiffRow[] {
  const flatten = (v: unknown, prefix = '', out: Record<string, unknown> = {}) => {
    if (isRecord(v)) {
      for (const [k, x] of Object.entries(v)) flatten(x, prefix ? `${prefix}.${k}` : k, out);
    } else if (prefix) out[prefix] = v;
    return out;
  };
  const b = flatten(before);
  const a = flatten(after);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys.map((key) => ({
    key,
    before: b[key],
    after: a[key],
    changed: JSON.stringify(b[key]) !== JSON.stringify(a[key]),
  }));
}

function Value({ value, tone }: { value: unknown; tone?: 'removed' | 'added' }) {
  if (value === undefined) return <Typography.Text type="secondary">—</Typography.Text>;
  const style =
    tone === 'removed' ? { color: '#a8071a' } : tone === 'added' ? { color: '#135200' } : undefined;
  return (
    <Typography.Text
      style={{
        ...style,
        wordBreak: 'break-word',
        fontFamily: 'ui-monospace, monospace',
        fontSize: 12,
      }}
    >
      {value === null ? 'null' : show(value)}
    </Typography.Text>
  );
}

export function DiffView({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'diff' | 'json'>('diff');
  const [onlyChanged, setOnlyChanged] = useState(before != null && after != null);
  const rows = diffRows(before, after);
  const visible = onlyChanged ? rows.filter((r) => r.changed) : rows;

  if (before == null && after == null) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('audit.noData')} />;
  }

  const columns: TableProps<DiffRow>['columns'] = [
    {
      title: t('audit.field'),
      dataIndex: 'key',
      width: 240,
      render: (k: string) => <Typography.Text code>{k}</Typography.Text>,
    },
    {
      title: t('audit.before'),
      dataIndex: 'before',
      render: (v: unknown, r) => <Value value={v} tone={r.changed ? 'removed' : undefined} />,
    },
    {
      title: t('audit.after'),
      dataIndex: 'after',
      render: (v: unknown, r) => <Value value={v} tone={r.changed ? 'added' : undefined} />,
    },
  ];

  return (
    <Flex vertical gap={8}>
      <Flex gap={16} align="center">
        <Segmented<'diff' | 'json'>
          size="small"
          value={mode}
          onChange={setMode}
          options={[
            { value: 'diff', label: t('audit.diff') },
            { value: 'json', label: t('audit.rawJson') },
          ]}
        />
        {mode === 'diff' && (
          <Flex gap={6} align="center">
            <Switch size="small" checked={onlyChanged} onChange={setOnlyChanged} />
            <Typography.Text>{t('audit.onlyChanged')}</Typography.Text>
          </Flex>
        )}
      </Flex>
      {mode === 'diff' ? (
        <Table<DiffRow>
          rowKey="key"
          size="small"
          columns={columns}
          dataSource={visible}
          pagination={false}
          rowClassName={(r) => (r.changed ? 'diff-changed' : '')}
          locale={{ emptyText: t('audit.noChanges') }}
        />
      ) : (
        <Row gutter={16}>
          {(['before', 'after'] as const).map((side) => (
            <Col xs={24} md={12} key={side}>
              <Typography.Text strong>{t(`audit.${side}`)}</Typography.Text>
              <pre className="json-block">
                {JSON.stringify(side === 'before' ? before : after, null, 2) ?? 'null'}
              </pre>
            </Col>
          ))}
        </Row>
      )}
    </Flex>
  );
}
