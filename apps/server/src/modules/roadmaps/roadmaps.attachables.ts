import type { AttachableEntities } from '../attachments/attachments.registry.js';
import { findRoadmap } from './roadmaps.repo.js';
import { ROADMAP_ENTITY, roadmapTarget } from './roadmaps.service.js';

export const roadmapsAttachables: AttachableEntities = {
  [ROADMAP_ENTITY]: {
    label: 'lộ trình triển khai',
    async target(q, id) {
      const roadmap = await findRoadmap(q, id);
      return roadmap ? roadmapTarget(q, roadmap) : null;
    },
    readAction: 'coordination.read',
    writeAction: 'roadmaps.write',
    purposes: ['output', 'other'],
  },
};
