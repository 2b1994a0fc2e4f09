import type { ReactNode } from 'react';

/** A plain bordered list: one line per item, with optional content on the right. */
export function SimpleList<T>({
  items,
  rowKey,
  render,
  extra,
}: {
  items: readonly T[];
  rowKey: (item: T) => string;
  render: (item: T) => ReactNode;
  extra?: (item: T) => ReactNode;
}) {
  return (
    <ul className="simple-list">
      {items.map((item) => (
        <li key={rowKey(item)}>
          <span>{render(item)}</span>
          {extra && <span>{extra(item)}</span>}
        </li>
      ))}
    </ul>
  );
}
