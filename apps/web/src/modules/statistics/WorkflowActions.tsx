import { useState } from 'react';
import {
  CheckCircleOutlined,
  CheckOutlined,
  RollbackOutlined,
  SendOutlined,
  UnlockOutlined,
} from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { REPORT_ACTION_LABELS, type ReportAction } from '@caunoi/shared';
import { isApiError } from '../../api/client';
import { useLocale } from '../../i18n/locale';
import { useReportTransition } from './api';
import type { Blocker, ReportKeys, ReportView } from './types';

const ICONS: Record<ReportAction, typeof SendOutlined> = {
  submit: SendOutlined,
  approve: CheckOutlined,
  accept: CheckCircleOutlined,
  return: RollbackOutlined,
  reopen: UnlockOutlined,
};

/** Steps that need a written comment: the reason of a return or of a reopening. */
const WITH_COMMENT: ReadonlySet<ReportAction> = new Set(['return', 'reopen']);

/**
 * The workflow steps the report's `actions` allow the caller: submit, approve and accept after a
 * confirmation; return and reopen with a required comment.
 */
export function WorkflowActions({
  view,
  keys,
  unsaved,
  onRefused,
}: {
  view: ReportView;
  keys: ReportKeys;
  /** Edits not saved yet: the report cannot be sent before they are. */
  unsaved: boolean;
  /** A step refused because of the report's content (the blockers the server found). */
  onRefused: (blockers: Blocker[]) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message, modal } = App.useApp();
  const transition = useReportTransition(keys);
  const [asking, setAsking] = useState<ReportAction | null>(null);
  const [form] = Form.useForm<{ comment: string }>();

  const run = async (action: ReportAction, comment?: string) => {
    if (!view.id) return;
    try {
      await transition.mutateAsync({ id: view.id, action, comment });
      message.success(t(`statistics.workflow.done.${action}`));
      setAsking(null);
    } catch (e) {
      if (isApiError(e) && e.code === 'REPORT_NOT_READY') {
        const blockers = (e.details as { blockers?: Blocker[] } | undefined)?.blockers ?? [];
        onRefused(blockers);
      }
      message.error(e instanceof Error ? e.message : t('errors.unexpected'));
    }
  };

  const start = (action: ReportAction) => {
    if (WITH_COMMENT.has(action)) {
      form.resetFields();
      setAsking(action);
      return;
    }
    modal.confirm({
      title: t(`statistics.workflow.confirm.${action}`),
      content: t(`statistics.workflow.explain.${action}`),
      okText: REPORT_ACTION_LABELS[action][locale],
      cancelText: t('common.cancel'),
      onOk: () => run(action),
    });
  };

  if (view.actions.length === 0) return null;
  return (
    <>
      {view.actions.map((action) => {
        const Icon = ICONS[action];
        const blocked = action === 'submit' && unsaved;
        const button = (
          <Button
            key={action}
            type={action === 'return' || action === 'reopen' ? 'default' : 'primary'}
            danger={action === 'return'}
            icon={<Icon />}
            disabled={blocked}
            loading={transition.isPending && transition.variables?.action === action}
            onClick={() => start(action)}
          >
            {REPORT_ACTION_LABELS[action][locale]}
          </Button>
        );
        return blocked ? (
          <Tooltip key={action} title={t('statistics.workflow.saveFirst')}>
            <span>{button}</span>
          </Tooltip>
        ) : (
          button
        );
      })}
      <Modal
        open={asking !== null}
        title={asking ? REPORT_ACTION_LABELS[asking][locale] : ''}
        okText={asking ? REPORT_ACTION_LABELS[asking][locale] : ''}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: asking === 'return' }}
        confirmLoading={transition.isPending}
        onOk={() => form.submit()}
        onCancel={() => !transition.isPending && setAsking(null)}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          requiredMark
          onFinish={(v) => asking && void run(asking, v.comment.trim())}
          style={{ marginTop: 16 }}
        >
          <Form.Item
            name="comment"
            label={
              asking === 'reopen'
                ? t('statistics.workflow.reason')
                : t('statistics.workflow.comment')
            }
            rules={[
              {
                required: true,
                whitespace: true,
                message:
                  asking === 'reopen'
                    ? t('statistics.workflow.reasonRequired')
                    : t('statistics.workflow.commentRequired'),
              },
            ]}
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={4000} autoFocus />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
