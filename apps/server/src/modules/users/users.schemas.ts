import { z } from 'zod';
import { LIMITS, LOCALES, ROLES, SCOPE_KINDS } from '@caunoi/shared';
import { optionalText, pageMeta, paging, text } from '../../http/schemas.js';

export const assignmentSchema = z
  .object({
    id: z.string(),
    role: z.enum(ROLES),
    scopeKind: z.enum(SCOPE_KINDS),
    scopeUnitId: z.string().nullable(),
    scopeOrganisationId: z.string().nullable(),
    unit: z
      .object({
        id: z.string(),
        code: z.string(),
        nameVi: z.string(),
        validFrom: z.string(),
        validTo: z.string().nullable(),
        validToday: z.boolean(),
      })
      .nullable(),
    organisationName: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'RoleAssignment' });

export const userSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    email: z.string().nullable(),
    organisationId: z.string().nullable(),
    organisationName: z.string().nullable(),
    isActive: z.boolean(),
    mustChangePassword: z.boolean(),
    locked: z.boolean(),
    lockedUntil: z.string().nullable(),
    lastLoginAt: z.string().nullable(),
    preferences: z.object({ locale: z.enum(LOCALES) }),
    createdAt: z.string(),
    updatedAt: z.string(),
    assignments: z.array(assignmentSchema),
  })
  .meta({ id: 'User' });

export const username = z
  .string()
  .transform((s) => s.trim().toLowerCase())
  .pipe(
    z
      .string()
      .min(LIMITS.usernameMin, { message: `Tên đăng nhập tối thiểu ${LIMITS.usernameMin} ký tự.` })
      .max(LIMITS.usernameMax, { message: `Tên đăng nhập tối đa ${LIMITS.usernameMax} ký tự.` })
      .regex(LIMITS.usernamePattern, {
        message:
          'Tên đăng nhập chỉ gồm chữ thường không dấu, chữ số, dấu chấm, gạch ngang, gạch dưới.',
      }),
  );

export const password = z
  .string()
  .min(LIMITS.passwordMin, { message: `Mật khẩu phải có ít nhất ${LIMITS.passwordMin} ký tự.` })
  .max(LIMITS.passwordMax, { message: `Mật khẩu tối đa ${LIMITS.passwordMax} ký tự.` });

export const assignmentInput = z
  .object({
    role: z.enum(ROLES, { message: `Vai trò phải là một trong: ${ROLES.join(', ')}.` }),
    scopeUnitId: z.string().nullable().optional(),
    scopeOrganisationId: z.uuid().nullable().optional(),
  })
  .meta({ id: 'RoleAssignmentRequest' });

export const createUserBody = z.object({
  username,
  displayName: text(LIMITS.displayNameMax),
  email: z.email({ message: 'Địa chỉ email không hợp lệ.' }).nullable().optional(),
  password,
  mustChangePassword: z.boolean().default(true),
  organisationId: z.uuid().nullable().optional(),
  assignments: z.array(assignmentInput).max(20).default([]),
});

export const updateUserBody = z
  .object({
    displayName: text(LIMITS.displayNameMax).optional(),
    email: z.email({ message: 'Địa chỉ email không hợp lệ.' }).nullable().optional(),
    organisationId: z.uuid().nullable().optional(),
    isActive: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'Không có trường nào để cập nhật.' });

export const setAssignmentsBody = z.object({ assignments: z.array(assignmentInput).max(20) });

export const resetPasswordBody = z.object({
  newPassword: password,
  mustChangePassword: z.boolean().default(true),
});

export const rescopeBody = z.object({
  toUnitId: z.string().min(1, { message: 'Chọn đơn vị kế thừa.' }),
});

export const listUsersQuery = z.object({
  q: z.string().max(LIMITS.searchMax).optional(),
  role: z.enum(ROLES).optional(),
  unitId: z.string().optional(),
  active: z.enum(['true', 'false']).optional(),
  ...paging,
});

export const userListResponse = z.object({ ...pageMeta, items: z.array(userSchema) });

export const rescopeCandidate = z
  .object({
    assignment: assignmentSchema,
    user: z.object({ id: z.string(), username: z.string(), displayName: z.string() }),
    successors: z.array(
      z.object({ id: z.string(), code: z.string(), nameVi: z.string(), weight: z.number() }),
    ),
  })
  .meta({ id: 'RescopeCandidate' });

export { optionalText };
