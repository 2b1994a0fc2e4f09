import { formatDateVi } from '@caunoi/shared';

const numberFormat = new Intl.NumberFormat('vi-VN');
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** 2025-07-01 → 01/07/2025; empty → an em dash. */
export function formatDate(date: string | null | undefined): string {
  return date ? formatDateVi(date) : '—';
}

/** An instant, shown in Vietnam time: 22/11/2026 15:30:05. */
export function formatDateTime(instant: string | null | undefined): string {
  if (!instant) return '—';
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) return instant;
  const p = Object.fromEntries(dateTimeFormat.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}:${p.second}`;
}

export function formatNumber(n: number): string {
  return numberFormat.format(n);
}

/** 01/07/2025 – 30/06/2026, or "01/07/2025 – present" for an open end. */
export function formatPeriod(
  from: string | null | undefined,
  to: string | null | undefined,
  present: string,
): string {
  if (!from && !to) return '—';
  return `${from ? formatDateVi(from) : '…'} – ${to ? formatDateVi(to) : present}`;
}
