import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { todayInVietnam } from '@caunoi/shared';
import { FormModal } from '../../components/FormModal';
import { IsoDatePicker } from '../../components/IsoDatePicker';
import { useApiErrorHandler } from '../../lib/forms';
import { useCreateTasks } from './api';
import { emptyRow, TaskFields, toInput, type TaskFormRow } from './TaskFields';
import type { TaskSource } from './TasksPanel';

interface BatchForm {
  assignedOn: string;
  tasks: TaskFormRow[];
}

/** Assigns several tasks of one source at once (e.g. the points of a conclusion notice). */
export function BatchTaskModal({
  source,
  open,
  onClose,
}: {
  source: TaskSource;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<BatchForm>();
  const create = useCreateTasks();
  const onError = useApiErrorHandler();
  return (
    <FormModal<BatchForm>
      title={t('tasks.batch.title')}
      open={open}
      onClose={onClose}
      form={form}
      width={1040}
      submitting={create.isPending}
      okText={t('tasks.batch.submit')}
      initialValues={{ assignedOn: todayInVietnam(), tasks: [emptyRow()] }}
      onSubmit={(values) =>
        create.mutate(
          { ...source, assignedOn: values.assignedOn, tasks: values.tasks.map(toInput) },
          {
            onSuccess: (res) => {
              message.success(t('tasks.batch.created', { n: res.items.length }));
              onClose();
            },
            onError: (e) => onError(e, form),
          },
        )
      }
    >
      <Form.Item
        name="assignedOn"
        label={t('tasks.fields.assignedOn')}
        rules={[{ required: true, message: t('validation.required') }]}
        style={{ maxWidth: 240 }}
      >
        <IsoDatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.List name="tasks">
        {(rows, { add, remove }) => (
          <>
            {rows.map((row, i) => (
              <Card
                key={row.key}
                size="small"
                style={{ marginBottom: 12 }}
                title={
                  <Typography.Text type="secondary">
                    {t('tasks.batch.row', { n: i + 1 })}
                  </Typography.Text>
                }
                extra={
                  rows.length > 1 && (
                    <Button
                      type="text"
                      danger
                      size="small"
                      icon={<DeleteOutlined />}
                      onClick={() => remove(row.name)}
                      aria-label={t('tasks.batch.removeRow', { n: i + 1 })}
                    />
                  )
                }
              >
                <TaskFields name={[row.name]} path={['tasks', row.name]} />
              </Card>
            ))}
            <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add(emptyRow())}>
              {t('tasks.batch.addRow')}
            </Button>
          </>
        )}
      </Form.List>
    </FormModal>
  );
}
