import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PiiUnitBasis } from '@caunoi/shared';
import { isApiError } from '../../api/client';
import type { FrameworkIssue } from './api';

/** Built from public sources, not the official list. */
export function IllustrativeTag() {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('pii.editions.illustrativeHint')}>
      <Tag color="gold">{t('pii.editions.illustrative')}</Tag>
    </Tooltip>
  );
}

/** The provinces an edition ranks: the 63 before 1 July 2025 or today's 34. */
export function UnitBasisTag({ basis }: { basis: PiiUnitBasis }) {
  const { t } = useTranslation();
  return (
    <Tag color={basis === 'provinces-34' ? 'blue' : 'default'}>
      {t(`pii.editions.basis.${basis}`)}
    </Tag>
  );
}

/** Where a refusal of the framework points: `{ row, column, code }` in the error's details. */
export function frameworkIssueOf(error: unknown): FrameworkIssue | null {
  if (!isApiError(error) || typeof error.details !== 'object' || error.details === null) {
    return null;
  }
  const d = error.details as Record<string, unknown>;
  const issue: FrameworkIssue = {};
  if (typeof d.row === 'number') issue.row = d.row;
  if (typeof d.column === 'string' && d.column !== '') issue.column = d.column;
  if (typeof d.code === 'string') issue.code = d.code;
  return issue.row === undefined && issue.column === undefined ? null : issue;
}
