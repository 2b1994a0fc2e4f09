import type { AttachableEntities } from '../attachments/attachments.registry.js';
import { findProposal } from './proposals.repo.js';
import { PROPOSAL_ENTITY, proposalTarget } from './proposals.service.js';

export const proposalsAttachables: AttachableEntities = {
  [PROPOSAL_ENTITY]: {
    label: 'kiến nghị, đề xuất',
    async target(q, id) {
      const proposal = await findProposal(q, id);
      return proposal ? proposalTarget(q, proposal) : null;
    },
    readAction: 'coordination.read',
    writeAction: 'proposals.write',
    purposes: ['evidence', 'other'],
  },
};
