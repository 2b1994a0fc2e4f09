import { allowsOn } from '../../policy/policy.js';
import type { AttachableEntities } from '../attachments/attachments.registry.js';
import { findEngagement, findNotice, unitsOf } from './engagements.repo.js';
import {
  ENGAGEMENT_ENTITY,
  engagementTarget,
  mayRead,
  mayWrite,
  NOTICE_ENTITY,
  noticeTarget,
} from './engagements.service.js';

/** Files follow the rules of the record they are attached to (see engagements.service). */
export const engagementsAttachables: AttachableEntities = {
  [ENGAGEMENT_ENTITY]: {
    label: 'sự kiện',
    async target(q, id) {
      const engagement = await findEngagement(q, id);
      if (!engagement) return null;
      const unitIds = (await unitsOf(q, [id])).get(id) ?? [];
      return engagementTarget(q, unitIds, engagement.hostOrganisationId);
    },
    async access(q, ctx, id) {
      const engagement = await findEngagement(q, id);
      if (!engagement) return null;
      const unitIds = (await unitsOf(q, [id])).get(id) ?? [];
      const target = await engagementTarget(q, unitIds, engagement.hostOrganisationId);
      return { read: mayRead(ctx, unitIds, target), write: await mayWrite(q, ctx, unitIds) };
    },
    readAction: 'coordination.read',
    writeAction: 'engagements.write',
    purposes: ['minutes', 'other'],
  },
  [NOTICE_ENTITY]: {
    label: 'thông báo kết luận',
    async target(q, id) {
      const notice = await findNotice(q, id);
      return notice ? (await noticeTarget(q, notice)).target : null;
    },
    async access(q, ctx, id) {
      const notice = await findNotice(q, id);
      if (!notice) return null;
      const { unitIds, target } = await noticeTarget(q, notice);
      return {
        read: mayRead(ctx, unitIds, target),
        write: allowsOn(ctx.actor, 'coordination.manage', target),
      };
    },
    readAction: 'coordination.read',
    writeAction: 'coordination.manage',
    purposes: ['signed_document'],
  },
};
