import type { AttachableEntities } from '../attachments/attachments.registry.js';
import { findProgramme, partiesOf } from './programmes.repo.js';
import { PROGRAMME_ENTITY, programmeTarget } from './programmes.service.js';

export const programmesAttachables: AttachableEntities = {
  [PROGRAMME_ENTITY]: {
    label: 'chương trình phối hợp',
    async target(q, id) {
      if (!(await findProgramme(q, id))) return null;
      return programmeTarget(q, await partiesOf(q, [id]));
    },
    readAction: 'coordination.read',
    writeAction: 'coordination.manage',
    purposes: ['signed_document', 'other'],
  },
};
