import { Flex, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { ROLE_LABELS } from '@caunoi/shared';
import type { RoleAssignment } from '../../api/types';
import { useLocale } from '../../i18n/locale';
import { formatDate } from '../../lib/format';
import { scopeLabel } from '../auth/permissions';

/** Role assignments as tags: "Province officer · Hải Phòng"; a former province is flagged. */
export function AssignmentTags({ assignments }: { assignments: RoleAssignment[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (assignments.length === 0) return <Tag>{t('scope.noRole')}</Tag>;
  return (
    <Flex gap={4} wrap>
      {assignments.map((a) => {
        const stale = a.unit !== null && !a.unit.validToday;
        const label = `${ROLE_LABELS[a.role][locale]} · ${scopeLabel(a, t('scope.national'))}`;
        return stale ? (
          <Tooltip key={a.id} title={t('users.staleScope', { date: formatDate(a.unit?.validTo) })}>
            <Tag color="warning" style={{ marginInlineEnd: 0 }}>
              {label} ⚠
            </Tag>
          </Tooltip>
        ) : (
          <Tag
            key={a.id}
            color={a.role === 'system_admin' ? 'red' : 'blue'}
            style={{ marginInlineEnd: 0 }}
          >
            {label}
          </Tag>
        );
      })}
    </Flex>
  );
}
