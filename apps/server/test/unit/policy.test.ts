import { describe, expect, it } from 'vitest';
import type { Role, ScopeKind } from '@caunoi/shared';
import { allows, allowsOn, scopeOf, type Actor } from '../../src/policy/policy.js';

function actor(...assignments: Array<[Role, ScopeKind, string?]>): Actor {
  return {
    userId: 'u',
    username: 'u',
    displayName: 'U',
    channel: 'web',
    assignments: assignments.map(([role, scopeKind, scope], i) => ({
      id: String(i),
      role,
      scopeKind,
      scopeUnitId: scopeKind === 'province' ? scope! : null,
      scopeOrganisationId: scopeKind === 'organisation' ? scope! : null,
    })),
  };
}

const HP = '31@2025-07-01';
const NB = '37@2025-07-01';

describe('the policy', () => {
  it('denies everything to nobody and to an account without roles', () => {
    expect(allows(null, 'units.read')).toBe(false);
    expect(allows(actor(), 'units.read')).toBe(false);
    expect(scopeOf(actor(), 'coordination.read')).toEqual({
      everywhere: false,
      unitIds: [],
      organisationIds: [],
    });
  });

  it('lets a province see and write its own coordination records only', () => {
    const officer = actor(['province_officer', 'province', HP]);
    expect(allowsOn(officer, 'coordination.read', { unitIds: [HP] })).toBe(true);
    expect(allowsOn(officer, 'coordination.read', { unitIds: [NB] })).toBe(false);
    expect(allowsOn(officer, 'proposals.write', { unitIds: [HP] })).toBe(true);
    expect(allows(officer, 'coordination.manage')).toBe(false);
    expect(scopeOf(officer, 'coordination.read')).toEqual({
      everywhere: false,
      unitIds: [HP],
      organisationIds: [],
    });
  });

  it('lets a Ministry unit see everything but report only on what it leads', () => {
    const unit = actor(['ministry_unit_officer', 'organisation', 'org-vu']);
    expect(scopeOf(unit, 'coordination.read')).toEqual({ everywhere: true });
    expect(allowsOn(unit, 'tasks.report', { organisationIds: ['org-bo', 'org-vu'] })).toBe(true);
    expect(allowsOn(unit, 'tasks.report', { organisationIds: ['org-bo', 'org-cuc'] })).toBe(false);
    expect(allows(unit, 'proposals.write')).toBe(false);
  });

  it('gives a viewer read access within its own scope kind, and no write anywhere', () => {
    const national = actor(['viewer', 'national']);
    const provincial = actor(['viewer', 'province', NB]);
    expect(scopeOf(national, 'coordination.read')).toEqual({ everywhere: true });
    expect(allowsOn(provincial, 'coordination.read', { unitIds: [NB] })).toBe(true);
    expect(allowsOn(provincial, 'coordination.read', { unitIds: [HP] })).toBe(false);
    for (const action of [
      'coordination.manage',
      'tasks.report',
      'proposals.write',
      'roadmaps.write',
    ] as const) {
      expect(allows(national, action)).toBe(false);
    }
  });

  it('combines several assignments', () => {
    const both = actor(['province_officer', 'province', HP], ['viewer', 'province', NB]);
    expect(scopeOf(both, 'coordination.read')).toEqual({
      everywhere: false,
      unitIds: [HP, NB],
      organisationIds: [],
    });
    expect(allowsOn(both, 'proposals.write', { unitIds: [NB] })).toBe(false);
    expect(scopeOf(actor(['ministry_coordinator', 'national']), 'coordination.manage')).toEqual({
      everywhere: true,
    });
  });
});
