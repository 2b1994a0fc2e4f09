import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../http/schemas.js';
import { AppError } from '../../http/errors.js';
import { presentLineage, presentUnit, presentUnitDetail } from './units.presenter.js';
import {
  lineageResponse,
  listQuery,
  listResponse,
  mapQuery,
  mapResponse,
  resolveQuery,
  unitDetail,
  unitIdParam,
  unitSnapshot,
} from './units.schemas.js';
import { listUnits, representativeDate, requireUnit, unitCall } from './units.service.js';

const tags = ['Đơn vị hành chính'];

export const unitRoutes: FastifyPluginAsyncZod = async (app) => {
  const registry = () => app.deps.units.registry;

  app.get(
    '/units',
    {
      config: { access: 'units.read' },
      schema: {
        tags,
        summary: 'Các đơn vị hành chính cấp tỉnh có hiệu lực vào một ngày',
        description:
          '63 đơn vị đến 30/06/2025, 34 đơn vị từ 01/07/2025. Sắp xếp theo thứ tự chữ cái tiếng Việt.',
        querystring: listQuery,
        response: { 200: listResponse, ...errorResponses },
      },
    },
    async (request) => {
      const { asOf, units } = listUnits(registry(), request.query.asOf, request.query.q);
      return { asOf, count: units.length, items: units.map((u) => presentUnit(registry(), u)) };
    },
  );

  app.get(
    '/units/resolve',
    {
      config: { access: 'units.read' },
      schema: {
        tags,
        summary: 'Đơn vị mang một mã số vào một ngày (mã số không đủ để định danh đơn vị)',
        querystring: resolveQuery,
        response: { 200: unitSnapshot, ...errorResponses },
      },
    },
    async (request) => {
      const { code, date } = request.query;
      const unit = unitCall(() => registry().resolveCode(code, date));
      if (!unit)
        throw new AppError('NOT_FOUND', `Không có đơn vị nào mang mã ${code} vào ngày ${date}.`);
      return registry().snapshot(unit, date);
    },
  );

  app.get(
    '/units/:id',
    {
      config: { access: 'units.read' },
      schema: {
        tags,
        summary: 'Một đơn vị: tên qua các thời kỳ, đơn vị tiền thân và kế thừa',
        params: unitIdParam,
        querystring: listQuery.pick({ asOf: true }),
        response: { 200: unitDetail, ...errorResponses },
      },
    },
    async (request) => {
      const unit = requireUnit(registry(), request.params.id);
      const date = request.query.asOf ?? representativeDate(unit);
      if (!registry().isValidOn(unit, date)) {
        throw new AppError('VALIDATION_ERROR', `${unit.id} không có hiệu lực vào ngày ${date}.`);
      }
      return presentUnitDetail(registry(), unit, date);
    },
  );

  app.get(
    '/units/:id/lineage',
    {
      config: { access: 'units.read' },
      schema: {
        tags,
        summary: 'Đơn vị tiền thân và đơn vị kế thừa, kèm ngày hiệu lực',
        params: unitIdParam,
        response: { 200: lineageResponse, ...errorResponses },
      },
    },
    async (request) => {
      const unit = requireUnit(registry(), request.params.id);
      return presentLineage(registry(), unit, representativeDate(unit));
    },
  );

  app.get(
    '/units/:id/map',
    {
      config: { access: 'units.read' },
      schema: {
        tags,
        summary:
          'Đơn vị bao phủ đơn vị này vào một ngày khác (theo chiều thời gian xuôi hoặc ngược)',
        description:
          'Trọng số là tỷ lệ của đơn vị cũ nằm trong đơn vị mới; số liệu cộng dồn của các đơn vị cũ cộng vào đơn vị mới theo Σ trọng số × giá trị.',
        params: unitIdParam,
        querystring: mapQuery,
        response: { 200: mapResponse, ...errorResponses },
      },
    },
    async (request) => {
      const reg = registry();
      requireUnit(reg, request.params.id);
      const mapping = unitCall(() =>
        reg.map(request.params.id, request.query.from, request.query.to),
      );
      return {
        ...mapping,
        units: mapping.units.map((m) => ({
          unit: reg.snapshot(reg.require(m.unitId), mapping.toDate),
          weight: m.weight,
          path: m.path,
        })),
      };
    },
  );
};
