import type { AttachmentPurpose } from '@caunoi/shared';
import type { Ctx } from '../../core/context.js';
import type { Queryable } from '../../db/database.js';
import type { Action, Target } from '../../policy/policy.js';

/**
 * A kind of record files can be attached to. Each module that has such records describes them
 * here; the attachments module asks the policy with the record's target.
 */
export interface AttachableEntity {
  /** Vietnamese name of the kind of record, for messages. */
  label: string;
  /** Where the record sits for the policy, or null when it does not exist. */
  target(q: Queryable, id: string): Promise<Target | null>;
  /** Where the record sits for `writeAction`, when it differs from `target` (e.g. only its lead). */
  writeTarget?(q: Queryable, id: string): Promise<Target | null>;
  readAction: Action;
  writeAction: Action;
  purposes: readonly AttachmentPurpose[];
  /**
   * When a record's rules are more than one action on one target (e.g. an engagement a province
   * may read but only write when every province involved is its own), the module decides here;
   * otherwise the actions above are asked on the target.
   */
  access?(q: Queryable, ctx: Ctx, id: string): Promise<{ read: boolean; write: boolean } | null>;
}

export type AttachableEntities = Record<string, AttachableEntity>;
