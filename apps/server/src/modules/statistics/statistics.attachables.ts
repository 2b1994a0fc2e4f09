import { eq } from 'drizzle-orm';
import { LOCKED_REPORT_STATUSES } from '@caunoi/shared';
import { statValues } from '../../db/schema.js';
import { allowsOn } from '../../policy/policy.js';
import type { AttachableEntities } from '../attachments/attachments.registry.js';
import { coordinationTarget } from '../programmes/lineage.js';
import { reportsCoveringValue, VALUE_ENTITY } from './reports.repo.js';

/**
 * Evidence files of a reported value. Whoever reads the province's statistics reads them; its
 * officers add and remove them while no report holding the value is submitted or approved.
 */
export const statisticsAttachables: AttachableEntities = {
  [VALUE_ENTITY]: {
    label: 'số liệu',
    target: async () => null,
    readAction: 'statistics.read',
    writeAction: 'statistics.enter',
    purposes: ['evidence'],
    async access(q, ctx, id) {
      const [value] = await q.select().from(statValues).where(eq(statValues.id, id));
      if (!value) return null;
      const target = await coordinationTarget(q, [value.unitId], []);
      const locked = (await reportsCoveringValue(q, value)).some((r) =>
        LOCKED_REPORT_STATUSES.includes(r.status),
      );
      return {
        read: allowsOn(ctx.actor, 'statistics.read', target),
        write: !locked && allowsOn(ctx.actor, 'statistics.enter', target),
      };
    },
  },
};
