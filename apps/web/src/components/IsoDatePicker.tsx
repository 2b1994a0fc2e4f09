import { DatePicker, type DatePickerProps } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';

export const DATE_FORMAT = 'DD/MM/YYYY';
const ISO = 'YYYY-MM-DD';

type Props = Omit<DatePickerProps, 'value' | 'onChange' | 'format'> & {
  value?: string | null;
  onChange?: (value: string | null) => void;
};

/** A date picker that reads and writes ISO dates (YYYY-MM-DD) and shows DD/MM/YYYY. */
export function IsoDatePicker({ value, onChange, ...rest }: Props) {
  const { t } = useTranslation();
  return (
    <DatePicker
      placeholder={t('common.pickDate')}
      {...rest}
      format={DATE_FORMAT}
      value={value ? dayjs(value) : null}
      onChange={(d) => {
        const day = Array.isArray(d) ? d[0] : d;
        onChange?.(day ? day.format(ISO) : null);
      }}
    />
  );
}
