import type { EngagementKind } from '@caunoi/shared';
import { formatDate } from '../../lib/format';
import type { Engagement } from './types';

export const KIND_COLORS: Record<EngagementKind, string> = {
  working_session: 'blue',
  conference: 'purple',
  signing_ceremony: 'gold',
  field_survey: 'cyan',
};

/** 16/03/2023, or 16/03/2023 – 17/03/2023 for several days. */
export const formatDays = (e: Pick<Engagement, 'startsOn' | 'endsOn'>) =>
  e.endsOn === e.startsOn
    ? formatDate(e.startsOn)
    : `${formatDate(e.startsOn)} – ${formatDate(e.endsOn)}`;
