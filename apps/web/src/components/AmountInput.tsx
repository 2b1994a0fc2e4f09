import { InputNumber, type InputNumberProps } from 'antd';
import { formatNumber } from '../lib/format';

/**
 * A sum of money (e.g. million VND) typed and shown the Vietnamese way: 1.234,5 — dots group the
 * thousands, the comma marks the decimals.
 */
export function AmountInput(props: Omit<InputNumberProps<number>, 'formatter' | 'parser'>) {
  return (
    <InputNumber<number>
      min={0}
      precision={2}
      decimalSeparator=","
      formatter={(value, info) =>
        info.userTyping ? info.input : value === undefined ? '' : formatNumber(Number(value))
      }
      parser={(text) => Number((text ?? '').replace(/\./g, '').replace(',', '.'))}
      style={{ width: '100%' }}
      {...props}
    />
  );
}
