import { UploadOutlined } from '@ant-design/icons';
import type { UseMutationResult } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Upload,
  type FormInstance,
  type UploadFile,
} from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { todayInVietnam } from '@caunoi/shared';
import { FormModal } from '../../components/FormModal';
import { IsoDatePicker } from '../../components/IsoDatePicker';
import { blankToNull, useApiErrorHandler } from '../../lib/forms';
import { formatDate } from '../../lib/format';
import {
  useAnswerExplanation,
  useComplete,
  useDecideExtension,
  useReport,
  useRequestExplanation,
  useRequestExtension,
  useUpdateTask,
} from './api';
import { TaskFields, toInput, toRow, type TaskFormRow } from './TaskFields';
import type { TaskDetail, TaskExplanation, TaskExtension } from './types';

/** Which form is open on the task page. */
export type TaskAction =
  | { kind: 'edit' }
  | { kind: 'report' }
  | { kind: 'complete' }
  | { kind: 'extension' }
  | { kind: 'decide'; extension: TaskExtension }
  | { kind: 'explanation' }
  | { kind: 'answer'; explanation: TaskExplanation };

const filesOf = (list: UploadFile[] | undefined) =>
  (list ?? []).flatMap((f) => (f.originFileObj ? [f.originFileObj as File] : []));

/** Files picked in a form and uploaded after the record is saved. */
function FilesField({ label }: { label: string }) {
  const { t } = useTranslation();
  return (
    <Form.Item
      name="files"
      label={label}
      valuePropName="fileList"
      getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList}
    >
      <Upload multiple beforeUpload={() => false}>
        <Button icon={<UploadOutlined />}>{t('tasks.actions.pickFiles')}</Button>
      </Upload>
    </Form.Item>
  );
}

/** A form in a modal that runs `mutation` and closes with a message when it succeeds. */
function ActionForm<T extends object, V, R>({
  title,
  form,
  mutation,
  toBody,
  initialValues,
  okText,
  done,
  onClose,
  width,
  children,
}: {
  title: ReactNode;
  form: FormInstance<T>;
  mutation: UseMutationResult<R, Error, V>;
  toBody: (values: T) => V;
  initialValues?: Partial<T>;
  okText?: ReactNode;
  done: string;
  onClose: () => void;
  width?: number;
  children: ReactNode;
}) {
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  return (
    <FormModal<T>
      title={title}
      open
      onClose={onClose}
      form={form}
      width={width}
      submitting={mutation.isPending}
      initialValues={initialValues}
      okText={okText}
      onSubmit={(values) =>
        mutation.mutate(toBody(values), {
          onSuccess: () => {
            message.success(done);
            onClose();
          },
          onError: (e) => onError(e, form),
        })
      }
    >
      {children}
    </FormModal>
  );
}

const useRules = () => {
  const { t } = useTranslation();
  return {
    required: { required: true, whitespace: true, message: t('validation.required') },
    max: (n: number) => ({ max: n, message: t('validation.max', { n }) }),
  };
};

function ReportForm({ task, onClose }: { task: TaskDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const rules = useRules();
  const [form] = Form.useForm<{
    reportedOn: string;
    cycle?: string;
    narrative: string;
    percent?: number | null;
    difficulties?: string;
    requests?: string;
    files?: UploadFile[];
  }>();
  const openCycles = task.obligations.filter((o) => o.completion === 'open' && o.cycle);
  return (
    <ActionForm
      title={t('tasks.actions.report')}
      form={form}
      mutation={useReport(task.id)}
      toBody={({ files, ...v }) => ({ ...blankToNull(v), files: filesOf(files) })}
      initialValues={{
        reportedOn: todayInVietnam(),
        cycle: openCycles[0]?.cycle ?? undefined,
        percent: task.latestPercent,
      }}
      done={t('tasks.actions.reported')}
      okText={t('tasks.actions.send')}
      onClose={onClose}
      width={720}
    >
      <Form.Item name="reportedOn" label={t('tasks.report.reportedOn')} rules={[rules.required]}>
        <IsoDatePicker />
      </Form.Item>
      {task.recurrence && (
        <Form.Item name="cycle" label={t('tasks.report.cycle')} rules={[rules.required]}>
          <Select
            options={task.obligations.map((o) => ({
              value: o.cycle!,
              label: `${o.cycle} (${formatDate(o.startsOn)} – ${formatDate(o.dueOn)})${o.completion === 'done' ? ` · ${t('tasks.report.cycleDone')}` : ''}`,
            }))}
          />
        </Form.Item>
      )}
      <Form.Item
        name="narrative"
        label={t('tasks.report.narrative')}
        rules={[rules.required, rules.max(10_000)]}
      >
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} />
      </Form.Item>
      <Form.Item name="percent" label={t('tasks.report.percent')}>
        <InputNumber min={0} max={100} suffix="%" style={{ width: 140 }} />
      </Form.Item>
      <Form.Item
        name="difficulties"
        label={t('tasks.report.difficulties')}
        rules={[rules.max(10_000)]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <Form.Item name="requests" label={t('tasks.report.requests')} rules={[rules.max(10_000)]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <FilesField label={t('tasks.report.evidence')} />
    </ActionForm>
  );
}

function CompleteForm({ task, onClose }: { task: TaskDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const rules = useRules();
  const [form] = Form.useForm<{ completedOn: string; output: string; files?: UploadFile[] }>();
  return (
    <ActionForm
      title={t('tasks.actions.complete')}
      form={form}
      mutation={useComplete(task.id)}
      toBody={({ files, ...v }) => ({ ...v, files: filesOf(files) })}
      initialValues={{ completedOn: todayInVietnam() }}
      done={t('tasks.actions.completed')}
      okText={t('tasks.actions.send')}
      onClose={onClose}
    >
      <Form.Item
        name="completedOn"
        label={t('tasks.complete.completedOn')}
        rules={[rules.required]}
      >
        <IsoDatePicker />
      </Form.Item>
      <Form.Item
        name="output"
        label={t('tasks.complete.output')}
        extra={t('tasks.complete.outputHint')}
        rules={[rules.required, rules.max(10_000)]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <FilesField label={t('tasks.complete.files')} />
    </ActionForm>
  );
}

function ExtensionForm({ task, onClose }: { task: TaskDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const rules = useRules();
  const [form] = Form.useForm<{ requestedDeadline: string; reason: string }>();
  return (
    <ActionForm
      title={t('tasks.actions.requestExtension')}
      form={form}
      mutation={useRequestExtension(task.id)}
      toBody={(v) => v}
      done={t('tasks.actions.extensionRequested')}
      okText={t('tasks.actions.send')}
      onClose={onClose}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('tasks.extension.current', { date: formatDate(task.deadline) })}
      />
      <Form.Item
        name="requestedDeadline"
        label={t('tasks.extension.requestedDeadline')}
        rules={[rules.required]}
      >
        <IsoDatePicker
          disabledDate={(d) => !!task.deadline && d.format('YYYY-MM-DD') <= task.deadline}
        />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('tasks.extension.reason')}
        rules={[rules.required, rules.max(10_000)]}
      >
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
      </Form.Item>
    </ActionForm>
  );
}

function DecisionForm({ extension, onClose }: { extension: TaskExtension; onClose: () => void }) {
  const { t } = useTranslation();
  const rules = useRules();
  const [form] = Form.useForm<{ approve: boolean; note?: string }>();
  return (
    <ActionForm
      title={t('tasks.actions.decideExtension')}
      form={form}
      mutation={useDecideExtension()}
      toBody={(v) => ({ ...blankToNull(v), extensionId: extension.id })}
      initialValues={{ approve: true }}
      done={t('tasks.actions.extensionDecided')}
      onClose={onClose}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('tasks.extension.asked', {
          from: formatDate(extension.previousDeadline),
          to: formatDate(extension.requestedDeadline),
        })}
        description={extension.reason}
      />
      <Form.Item name="approve" label={t('tasks.extension.decision')}>
        <Radio.Group
          options={[
            { value: true, label: t('tasks.extension.approve') },
            { value: false, label: t('tasks.extension.refuse') },
          ]}
        />
      </Form.Item>
      <Form.Item noStyle dependencies={['approve']}>
        {({ getFieldValue }) => (
          <Form.Item
            name="note"
            label={t('tasks.extension.note')}
            rules={
              getFieldValue('approve') ? [rules.max(10_000)] : [rules.required, rules.max(10_000)]
            }
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
        )}
      </Form.Item>
    </ActionForm>
  );
}

function ExplanationForm({ task, onClose }: { task: TaskDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const rules = useRules();
  const [form] = Form.useForm<{ requestText: string; answerDueOn?: string | null }>();
  return (
    <ActionForm
      title={t('tasks.actions.requestExplanation')}
      form={form}
      mutation={useRequestExplanation(task.id)}
      toBody={(v) => v}
      done={t('tasks.actions.explanationRequested')}
      okText={t('tasks.actions.send')}
      onClose={onClose}
    >
      <Form.Item
        name="requestText"
        label={t('tasks.explanation.request')}
        rules={[rules.required, rules.max(10_000)]}
      >
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
      </Form.Item>
      <Form.Item name="answerDueOn" label={t('tasks.explanation.answerDueOn')}>
        <IsoDatePicker disabledDate={(d) => d.format('YYYY-MM-DD') < todayInVietnam()} />
      </Form.Item>
    </ActionForm>
  );
}

function AnswerForm({
  explanation,
  onClose,
}: {
  explanation: TaskExplanation;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const rules = useRules();
  const [form] = Form.useForm<{ answerText: string }>();
  return (
    <ActionForm
      title={t('tasks.actions.answerExplanation')}
      form={form}
      mutation={useAnswerExplanation()}
      toBody={(v) => ({ ...v, explanationId: explanation.id })}
      done={t('tasks.actions.explanationAnswered')}
      okText={t('tasks.actions.send')}
      onClose={onClose}
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('tasks.explanation.asked')}
        description={explanation.requestText}
      />
      <Form.Item
        name="answerText"
        label={t('tasks.explanation.answer')}
        rules={[rules.required, rules.max(10_000)]}
      >
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 10 }} />
      </Form.Item>
    </ActionForm>
  );
}

function EditForm({ task, onClose }: { task: TaskDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const rules = useRules();
  const [form] = Form.useForm<TaskFormRow & { assignedOn: string }>();
  return (
    <ActionForm
      title={t('tasks.actions.edit')}
      form={form}
      mutation={useUpdateTask(task.id)}
      toBody={({ assignedOn, ...row }) => ({ ...toInput(row), assignedOn })}
      initialValues={{ ...toRow(task), assignedOn: task.assignedOn }}
      done={t('common.saved')}
      onClose={onClose}
      width={960}
    >
      <Form.Item
        name="assignedOn"
        label={t('tasks.fields.assignedOn')}
        rules={[rules.required]}
        style={{ maxWidth: 240 }}
      >
        <IsoDatePicker style={{ width: '100%' }} />
      </Form.Item>
      <TaskFields
        name={[]}
        path={[]}
        known={[task.leadOrganisation, ...task.cooperators]}
        withDescription
      />
    </ActionForm>
  );
}

/** The form for `action` on `task` (rendered only while open, so each opening starts afresh). */
export function TaskActionModal({
  task,
  action,
  onClose,
}: {
  task: TaskDetail;
  action: TaskAction;
  onClose: () => void;
}) {
  switch (action.kind) {
    case 'edit':
      return <EditForm task={task} onClose={onClose} />;
    case 'report':
      return <ReportForm task={task} onClose={onClose} />;
    case 'complete':
      return <CompleteForm task={task} onClose={onClose} />;
    case 'extension':
      return <ExtensionForm task={task} onClose={onClose} />;
    case 'decide':
      return <DecisionForm extension={action.extension} onClose={onClose} />;
    case 'explanation':
      return <ExplanationForm task={task} onClose={onClose} />;
    case 'answer':
      return <AnswerForm explanation={action.explanation} onClose={onClose} />;
  }
}
