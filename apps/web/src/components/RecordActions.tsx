import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { App, Button, Flex, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useApiErrorHandler } from '../lib/forms';

/**
 * Deleting the record a page shows: asks first (`title`, `content`); once deleted, says so
 * (`deleted`, when given) and goes back to the list at `backTo`. A refusal is shown as an error.
 */
export function useConfirmDelete({
  title,
  content,
  remove,
  deleted,
  backTo,
}: {
  title: string;
  content: string;
  remove: () => Promise<unknown>;
  deleted?: string;
  backTo: string;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { modal, message } = App.useApp();
  const onError = useApiErrorHandler();
  return () =>
    modal.confirm({
      title,
      content,
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        remove().then(
          () => {
            if (deleted) message.success(deleted);
            navigate(backTo, { replace: true });
          },
          (e: unknown) => onError(e),
        ),
    });
}

/** The Edit and Delete buttons in a record page's header (deleting: see `useConfirmDelete`). */
export function RecordActions({
  onEdit,
  deleting,
  ...del
}: Parameters<typeof useConfirmDelete>[0] & {
  onEdit: () => void;
  /** The deletion is under way (the button spins). */
  deleting?: boolean;
}) {
  const { t } = useTranslation();
  const confirmDelete = useConfirmDelete(del);
  return (
    <>
      <Button icon={<EditOutlined />} onClick={onEdit}>
        {t('common.edit')}
      </Button>
      <Button danger icon={<DeleteOutlined />} onClick={confirmDelete} loading={deleting}>
        {t('common.delete')}
      </Button>
    </>
  );
}

/**
 * Small edit and delete buttons for one row of a list: deleting asks `confirm` first, and a
 * refusal is shown as an error. Without `onEdit`, only the delete button.
 */
export function RowActions({
  onEdit,
  onDelete,
  confirm,
  deleteLabel,
}: {
  onEdit?: () => void;
  onDelete: () => Promise<unknown>;
  confirm: string;
  /** The delete button's name (default "Xóa"). */
  deleteLabel?: string;
}) {
  const { t } = useTranslation();
  const onError = useApiErrorHandler();
  const label = deleteLabel ?? t('common.delete');
  return (
    <Flex gap={4}>
      {onEdit && (
        <Button
          type="text"
          size="small"
          icon={<EditOutlined />}
          aria-label={t('common.edit')}
          onClick={onEdit}
        />
      )}
      <Popconfirm
        title={confirm}
        okText={label}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: true }}
        onConfirm={() => onDelete().catch((e: unknown) => onError(e))}
      >
        <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={label} />
      </Popconfirm>
    </Flex>
  );
}
