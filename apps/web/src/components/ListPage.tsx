import { useState, type ReactNode } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

/** A list page's "create" dialog: once the new record is saved, its page (`{path}/{id}`) opens. */
export function useCreateDialog(path: string) {
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  return {
    open,
    start: () => setOpen(true),
    close: () => setOpen(false),
    saved: (record: { id: string }) => {
      setOpen(false);
      navigate(`${path}/${record.id}`);
    },
  };
}

/** The button in a list page's header that starts creating a record. */
export function CreateButton({ onClick, children }: { onClick: () => void; children: ReactNode }) {
  return (
    <Button type="primary" icon={<PlusOutlined />} onClick={onClick}>
      {children}
    </Button>
  );
}

/** The row of filters above a list, wrapping on narrow screens. */
export function FilterBar({ children }: { children: ReactNode }) {
  return (
    <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
      {children}
    </Flex>
  );
}

/** A list's search box: searches on Enter (or the button), starting from the address bar's value. */
export function SearchBox({
  value,
  onSearch,
  width = 280,
  ...rest
}: {
  value: string | undefined;
  onSearch: (text: string) => void;
  placeholder: string;
  width?: number;
  'aria-label'?: string;
}) {
  const { t } = useTranslation();
  return (
    <Input.Search
      allowClear
      defaultValue={value}
      onSearch={onSearch}
      style={{ width }}
      aria-label={t('common.search')}
      {...rest}
    />
  );
}
