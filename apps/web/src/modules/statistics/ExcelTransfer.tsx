import { useState } from 'react';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Modal, Table, Tag, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, buildQuery, isApiError } from '../../api/client';
import { formatStatNumber } from './grid/model';
import type { ReportKeys, ReportView } from './types';

interface ValuePair {
  num: number | null;
  txt: string | null;
}

interface Issue {
  sheet: string;
  cell: string | null;
  code: string;
  message: string;
}

/** What the server answers to an upload, previewed or committed. */
export interface UploadResult {
  dryRun: boolean;
  committed: boolean;
  uploadId: string | null;
  workbook: {
    formCode: string;
    periodCode: string;
    units: Array<{ unitId: string; nameVi: string }>;
  };
  summary: {
    created: number;
    updated: number;
    unchanged: number;
    errors: number;
    warnings: number;
  };
  changes: Array<{
    sheet: string;
    cell: string;
    indicatorCode: string;
    optionCode: string;
    old: ValuePair | null;
    new: ValuePair;
    comment?: string | null;
  }>;
  errors: Issue[];
  warnings: Issue[];
}

const shown = (v: ValuePair | null) =>
  v === null || (v.num === null && v.txt === null)
    ? '—'
    : v.num !== null
      ? formatStatNumber(v.num)
      : (v.txt ?? '');

function upload(keys: ReportKeys, file: File, dryRun: boolean): Promise<UploadResult> {
  const form = new FormData();
  form.append('file', file);
  return api<UploadResult>('/statistics/uploads', {
    method: 'POST',
    query: { dryRun, ...keys },
    body: form,
  }).catch((e: unknown) => {
    // A refused commit answers with the same preview in its details.
    if (isApiError(e) && e.code === 'UPLOAD_INVALID' && e.details) return e.details as UploadResult;
    throw e;
  });
}

/**
 * The report's Excel round trip: download the template of this province and period, fill it in
 * Excel, upload it, read the preview of every change and every error by cell, then write it all
 * at once (or nothing).
 */
export function ExcelTransfer({ keys, view }: { keys: ReportKeys; view: ReportView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<UploadResult | null>(null);
  const names = new Map(
    view.indicators.flatMap((i) =>
      i.cells.map((c) => [
        `${i.code}.${c.optionCode}`,
        c.optionNameVi ? `${i.nameVi} — ${c.optionNameVi}` : i.nameVi,
      ]),
    ),
  );

  const check = useMutation({
    mutationFn: (f: File) => upload(keys, f, true),
    onSuccess: (result) => setPreview(result),
    onError: (e) => void message.error(isApiError(e) ? e.message : String(e)),
  });
  const commit = useMutation({
    mutationFn: (f: File) => upload(keys, f, false),
    onSuccess: async (result) => {
      if (!result.committed) {
        setPreview(result);
        return;
      }
      setPreview(null);
      setFile(null);
      void message.success(
        t('statistics.excel.committed', {
          created: result.summary.created,
          updated: result.summary.updated,
        }),
      );
      await qc.invalidateQueries({ queryKey: ['statistics'] });
    },
    onError: (e) => void message.error(isApiError(e) ? e.message : String(e)),
  });

  const templateHref = `/api/v1/statistics/templates${buildQuery({
    formId: keys.formId,
    periodCode: keys.periodCode,
    unitIds: keys.unitId,
  })}`;

  return (
    <Flex gap={8} wrap>
      <Button icon={<DownloadOutlined />} href={templateHref} download>
        {t('statistics.excel.download')}
      </Button>
      {view.editable && (
        <Upload
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          showUploadList={false}
          beforeUpload={(f) => {
            setFile(f);
            check.mutate(f);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={check.isPending}>
            {t('statistics.excel.upload')}
          </Button>
        </Upload>
      )}
      <Modal
        open={preview !== null}
        width={960}
        title={t('statistics.excel.previewTitle', { name: file?.name ?? '' })}
        onCancel={() => setPreview(null)}
        okText={t('statistics.excel.commit')}
        cancelText={t('statistics.excel.cancel')}
        okButtonProps={{
          disabled: !preview || preview.summary.errors > 0 || preview.changes.length === 0,
          loading: commit.isPending,
        }}
        onOk={() => file && commit.mutate(file)}
        destroyOnHidden
      >
        {preview && (
          <Flex vertical gap={12}>
            <Flex gap={8} wrap>
              <Tag color="green">
                {t('statistics.excel.created', { n: preview.summary.created })}
              </Tag>
              <Tag color="blue">
                {t('statistics.excel.updated', { n: preview.summary.updated })}
              </Tag>
              <Tag>{t('statistics.excel.unchanged', { n: preview.summary.unchanged })}</Tag>
              <Tag color={preview.summary.errors > 0 ? 'red' : 'default'}>
                {t('statistics.excel.errors', { n: preview.summary.errors })}
              </Tag>
              <Tag color={preview.summary.warnings > 0 ? 'orange' : 'default'}>
                {t('statistics.excel.warnings', { n: preview.summary.warnings })}
              </Tag>
            </Flex>
            {preview.summary.errors > 0 && (
              <Alert type="error" showIcon message={t('statistics.excel.fixErrors')} />
            )}
            {preview.errors.length > 0 && (
              <Table<Issue>
                size="small"
                rowKey={(r, i) => `${r.sheet}!${r.cell ?? ''}#${i}`}
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
                dataSource={preview.errors}
                aria-label={t('statistics.excel.errorsTable')}
                columns={[
                  { title: t('statistics.excel.sheet'), dataIndex: 'sheet', width: 160 },
                  { title: t('statistics.excel.cell'), dataIndex: 'cell', width: 80 },
                  {
                    title: t('statistics.excel.message'),
                    dataIndex: 'message',
                    render: (m: string) => <Typography.Text type="danger">{m}</Typography.Text>,
                  },
                ]}
              />
            )}
            {preview.warnings.length > 0 && (
              <Alert
                type="warning"
                showIcon
                message={t('statistics.excel.warningsTitle')}
                description={
                  <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                    {preview.warnings.slice(0, 20).map((w, i) => (
                      <li key={i}>
                        {w.cell ? `${w.sheet}!${w.cell}: ` : `${w.sheet}: `}
                        {w.message}
                      </li>
                    ))}
                  </ul>
                }
              />
            )}
            {preview.changes.length > 0 && (
              <Table
                size="small"
                rowKey={(r) => `${r.sheet}!${r.cell}`}
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
                dataSource={preview.changes}
                aria-label={t('statistics.excel.changesTable')}
                columns={[
                  { title: t('statistics.excel.cell'), dataIndex: 'cell', width: 80 },
                  {
                    title: t('statistics.excel.indicator'),
                    render: (_, r) =>
                      names.get(`${r.indicatorCode}.${r.optionCode}`) ?? r.indicatorCode,
                  },
                  {
                    title: t('statistics.excel.old'),
                    width: 120,
                    align: 'right',
                    render: (_, r) => shown(r.old),
                  },
                  {
                    title: t('statistics.excel.new'),
                    width: 120,
                    align: 'right',
                    render: (_, r) => <strong>{shown(r.new)}</strong>,
                  },
                ]}
              />
            )}
          </Flex>
        )}
      </Modal>
    </Flex>
  );
}
