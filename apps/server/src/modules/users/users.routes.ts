import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../http/access.js';
import { errorResponses, uuidParam } from '../../http/schemas.js';
import {
  createUserBody,
  listUsersQuery,
  rescopeBody,
  rescopeCandidate,
  resetPasswordBody,
  setAssignmentsBody,
  updateUserBody,
  userListResponse,
  userSchema,
} from './users.schemas.js';
import * as service from './users.service.js';

const tags = ['Người dùng'];
const responses = { 200: userSchema, ...errorResponses, 409: errorResponses[400] };

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = app.deps;

  app.get(
    '/users',
    {
      config: { access: 'users.read' },
      schema: {
        tags,
        summary: 'Danh sách người dùng (sắp xếp theo tên hiển thị)',
        description:
          'Tìm theo tên đăng nhập hoặc tên hiển thị (không dấu cũng được); lọc theo vai trò, đơn vị của phân quyền, trạng thái hoạt động.',
        querystring: listUsersQuery,
        response: { 200: userListResponse, ...errorResponses },
      },
    },
    async (request) => service.listUsers(deps, request.query),
  );

  app.get(
    '/users/rescoping',
    {
      config: { access: 'users.manage' },
      schema: {
        tags,
        summary: 'Phân quyền gắn với đơn vị đã hết hiệu lực, kèm đơn vị kế thừa hiện nay',
        description:
          'Sau sắp xếp đơn vị hành chính 2025, các phân quyền gắn với tỉnh cũ không tự chuyển: quản trị viên chuyển từng phân quyền sang đơn vị kế thừa.',
        response: { 200: z.object({ items: z.array(rescopeCandidate) }), ...errorResponses },
      },
    },
    async () => ({ items: await service.rescopeCandidates(deps) }),
  );

  app.get(
    '/users/:id',
    {
      config: { access: 'users.read' },
      schema: {
        tags,
        summary: 'Một người dùng và các phân quyền',
        params: uuidParam,
        response: { 200: userSchema, ...errorResponses },
      },
    },
    async (request) => service.getUser(deps, request.params.id),
  );

  app.post(
    '/users',
    {
      config: { access: 'users.manage' },
      schema: {
        tags,
        summary: 'Tạo người dùng',
        body: createUserBody,
        response: { ...responses, 201: userSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createUser(deps, ctxOf(request), request.body)),
  );

  app.patch(
    '/users/:id',
    {
      config: { access: 'users.manage' },
      schema: {
        tags,
        summary: 'Sửa thông tin, bật/tắt tài khoản (tắt tài khoản kết thúc các phiên)',
        params: uuidParam,
        body: updateUserBody,
        response: responses,
      },
    },
    async (request) => service.updateUser(deps, ctxOf(request), request.params.id, request.body),
  );

  app.put(
    '/users/:id/assignments',
    {
      config: { access: 'users.manage' },
      schema: {
        tags,
        summary: 'Thay toàn bộ phân quyền của người dùng',
        description:
          'Phạm vi suy ra từ trường được điền: scopeUnitId (tỉnh/thành phố, phải còn hiệu lực hôm nay), scopeOrganisationId (tổ chức) hoặc không có (toàn quốc).',
        params: uuidParam,
        body: setAssignmentsBody,
        response: responses,
      },
    },
    async (request) =>
      service.setAssignments(deps, ctxOf(request), request.params.id, request.body.assignments),
  );

  app.post(
    '/users/:id/password',
    {
      config: { access: 'users.manage' },
      schema: {
        tags,
        summary: 'Đặt lại mật khẩu (các phiên của người dùng bị kết thúc)',
        params: uuidParam,
        body: resetPasswordBody,
        response: responses,
      },
    },
    async (request) => service.resetPassword(deps, ctxOf(request), request.params.id, request.body),
  );

  app.post(
    '/users/:id/unlock',
    {
      config: { access: 'users.manage' },
      schema: {
        tags,
        summary: 'Mở khóa tài khoản bị tạm khóa do đăng nhập sai',
        params: uuidParam,
        response: responses,
      },
    },
    async (request) => service.unlockUser(deps, ctxOf(request), request.params.id),
  );

  app.post(
    '/role-assignments/:id/rescope',
    {
      config: { access: 'users.manage' },
      schema: {
        tags,
        summary: 'Chuyển một phân quyền từ đơn vị đã hết hiệu lực sang đơn vị kế thừa',
        params: uuidParam,
        body: rescopeBody,
        response: responses,
      },
    },
    async (request) =>
      service.rescopeAssignment(deps, ctxOf(request), request.params.id, request.body.toUnitId),
  );
};
