import type { CardProps } from 'antd';

/** Dashboard cards: as tall as their row, titles wrapping on a narrow screen. */
export const cardProps: CardProps = {
  size: 'small',
  style: { height: '100%' },
  styles: { title: { whiteSpace: 'normal' } },
};
