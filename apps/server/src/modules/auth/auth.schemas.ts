import { z } from 'zod';
import { LIMITS, LOCALES } from '@caunoi/shared';
import { text } from '../../http/schemas.js';
import { userSchema } from '../users/users.schemas.js';

export const loginBody = z.object({
  username: z.string().min(1, { message: 'Nhập tên đăng nhập.' }).max(LIMITS.usernameMax),
  password: z.string().min(1, { message: 'Nhập mật khẩu.' }).max(LIMITS.passwordMax),
});

export const meResponse = z
  .object({
    user: userSchema,
    csrfToken: z
      .string()
      .nullable()
      .meta({ description: 'Gửi lại trong header X-CSRF-Token cho mọi thao tác ghi' }),
    channel: z.enum(['web', 'api', 'cli', 'system']),
  })
  .meta({ id: 'Me' });

export const sessionResponse = z
  .object({
    me: meResponse
      .nullable()
      .meta({ description: 'Người dùng của phiên, hoặc null khi chưa đăng nhập' }),
    expired: z.boolean().meta({ description: 'Có cookie phiên nhưng phiên đã hết hạn' }),
  })
  .meta({ id: 'Session' });

export const changePasswordBody = z.object({
  currentPassword: z
    .string()
    .min(1, { message: 'Nhập mật khẩu hiện tại.' })
    .max(LIMITS.passwordMax),
  newPassword: z
    .string()
    .min(LIMITS.passwordMin, {
      message: `Mật khẩu mới phải có ít nhất ${LIMITS.passwordMin} ký tự.`,
    })
    .max(LIMITS.passwordMax),
});

export const preferencesBody = z
  .object({ locale: z.enum(LOCALES).optional() })
  .refine((b) => Object.values(b).some((v) => v !== undefined), {
    message: 'Không có tùy chọn nào để lưu.',
  });

export const apiTokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    tokenPrefix: z.string(),
    createdAt: z.string(),
    expiresAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiToken' });

export const createTokenBody = z.object({
  name: text(LIMITS.apiTokenNameMax),
  expiresInDays: z.number().int().min(1).max(3650).nullable().optional(),
});

export const createTokenResponse = apiTokenSchema.extend({
  token: z.string().meta({ description: 'Chỉ hiển thị một lần' }),
});
