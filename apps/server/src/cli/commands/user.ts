import { eq, or } from 'drizzle-orm';
import {
  formatDateVi,
  ROLE_LABELS,
  ROLE_SCOPES,
  ROLES,
  todayInVietnam,
  type Role,
} from '@caunoi/shared';
import type { UnitRecord, UnitRegistry } from '@caunoi/units';
import type { AppDeps } from '../../core/deps.js';
import type { Queryable } from '../../db/database.js';
import { organisations } from '../../db/schema.js';
import { createUser } from '../../modules/users/users.service.js';
import { createUserBody } from '../../modules/users/users.schemas.js';
import { CliError, type Writer } from '../io.js';
import { cliCtx } from '../runtime.js';

export interface UserCreateOptions {
  username: string;
  displayName: string;
  email?: string;
  role?: string[] | string;
  province?: string;
  organisation?: string;
  password?: string;
  passwordStdin?: boolean;
  mustChangePassword?: boolean;
}

export interface UserCreateIO {
  out: Writer;
  err: Writer;
  readStdin: () => Promise<string>;
  osUser: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UNIT_ID = /^\d{1,2}@\d{4}-\d{2}-\d{2}$/;

function roleList(): string {
  return ROLES.map((r) => `${r} (${ROLE_LABELS[r].vi})`).join(', ');
}

export function parseRoles(values: readonly string[] | string | undefined): Role[] {
  const roles: Role[] = [];
  const list = values === undefined ? [] : typeof values === 'string' ? [values] : values;
  for (const value of list) {
    const role = value.trim();
    if (!(ROLES as readonly string[]).includes(role)) {
      throw new CliError(`Vai trò không hợp lệ: "${value}". Vai trò hợp lệ: ${roleList()}.`);
    }
    if (!roles.includes(role as Role)) roles.push(role as Role);
  }
  return roles;
}

/**
 * The provincial unit named by `--province`: a unit id (`31@2025-07-01`) as is, or a bare code
 * resolved on `today`, so that a code reused in 2025 means the unit that bears it now.
 */
export function resolveProvince(registry: UnitRegistry, value: string, today: string): UnitRecord {
  const text = value.trim();
  if (UNIT_ID.test(text)) {
    const [code, from] = text.split('@') as [string, string];
    const unit = registry.get(`${code.padStart(2, '0')}@${from}`);
    if (!unit) {
      throw new CliError(
        `Không có đơn vị hành chính ${text}. Mã đơn vị có dạng mã@ngày-bắt-đầu, ví dụ 31@2025-07-01; xem danh sách: npm run caunoi -- units list`,
      );
    }
    return unit;
  }
  if (!/^\d{1,2}$/.test(text)) {
    throw new CliError(
      `--province phải là mã tỉnh/thành phố (ví dụ 31) hoặc mã đơn vị (ví dụ 31@2025-07-01), nhận "${value}".`,
    );
  }
  const unit = registry.resolveCode(text, today);
  if (unit) return unit;
  const code = text.padStart(2, '0');
  const former = registry.units
    .filter((u) => u.code === code)
    .sort((a, b) => b.validFrom.localeCompare(a.validFrom))[0];
  if (!former) {
    throw new CliError(`Không có tỉnh/thành phố nào mang mã ${code}.`);
  }
  const lastDay = former.validTo ?? today;
  const formerName = registry.nameOn(former, lastDay).nameVi;
  const successors = registry
    .map(former.id, lastDay, today)
    .units.map((m) => `${registry.nameOn(registry.require(m.unitId), today).nameVi} (${m.unitId})`);
  throw new CliError(
    `Hôm nay (${formatDateVi(today)}) không có tỉnh/thành phố nào mang mã ${code}: mã này là của ${formerName} (${former.id}) đến ngày ${formatDateVi(lastDay)}.` +
      (successors.length > 0 ? ` Đơn vị kế thừa: ${successors.join(', ')}.` : ''),
  );
}

interface OrganisationRef {
  id: string;
  code: string | null;
  nameVi: string;
}

/** The organisation named by `--organisation`: its code (e.g. `BKHCN.VU-PTDP`) or its id. */
export async function findOrganisation(q: Queryable, value: string): Promise<OrganisationRef> {
  const text = value.trim();
  const [row] = await q
    .select({ id: organisations.id, code: organisations.code, nameVi: organisations.nameVi })
    .from(organisations)
    .where(
      UUID.test(text)
        ? or(eq(organisations.id, text.toLowerCase()), eq(organisations.code, text))
        : eq(organisations.code, text),
    );
  if (!row) {
    throw new CliError(`Không tìm thấy tổ chức có mã hoặc mã định danh "${value}".`);
  }
  return row;
}

/**
 * The scope each role gets from the command line: the province when `--province` is given;
 * otherwise the organisation for a role that only exists within an organisation
 * (ministry_unit_officer); otherwise the whole country. The users module then checks that each
 * role accepts its scope, as it does for the API.
 */
export function assignmentsFromOptions(
  roles: readonly Role[],
  unitId: string | null,
  organisationId: string | null,
) {
  return roles.map((role) => {
    const accepts = ROLE_SCOPES[role];
    if (unitId) return { role, scopeUnitId: unitId, scopeOrganisationId: null };
    if (organisationId && accepts.includes('organisation') && !accepts.includes('national')) {
      return { role, scopeUnitId: null, scopeOrganisationId: organisationId };
    }
    return { role, scopeUnitId: null, scopeOrganisationId: null };
  });
}

async function readPassword(options: UserCreateOptions, io: UserCreateIO): Promise<string> {
  if (options.passwordStdin && options.password !== undefined) {
    throw new CliError('Chỉ dùng một trong hai: --password-stdin hoặc --password.');
  }
  if (options.passwordStdin) {
    const text = await io.readStdin();
    const password = text.replace(/\r?\n$/, '');
    if (password === '') throw new CliError('Không đọc được mật khẩu từ đầu vào chuẩn (stdin).');
    return password;
  }
  if (options.password !== undefined) {
    io.err(
      'Lưu ý: mật khẩu ghi trên dòng lệnh có thể bị lưu trong lịch sử lệnh; nên dùng --password-stdin.\n',
    );
    return options.password;
  }
  throw new CliError(
    'Cần mật khẩu: --password-stdin (đọc từ đầu vào chuẩn, khuyên dùng) hoặc --password <mật khẩu>.',
  );
}

/** `user create`: one user and their role assignments, in one audited transaction. */
export async function userCreate(deps: AppDeps, options: UserCreateOptions, io: UserCreateIO) {
  const roles = parseRoles(options.role);
  const registry = deps.units.registry;
  const today = todayInVietnam(deps.now());
  const unit =
    options.province === undefined ? null : resolveProvince(registry, options.province, today);
  const organisation =
    options.organisation === undefined
      ? null
      : await findOrganisation(deps.database.db, options.organisation);
  const password = await readPassword(options, io);
  const input = createUserBody.parse({
    username: options.username,
    displayName: options.displayName,
    email: options.email ?? null,
    password,
    mustChangePassword: options.mustChangePassword ?? false,
    organisationId: organisation?.id ?? null,
    assignments: assignmentsFromOptions(roles, unit?.id ?? null, organisation?.id ?? null),
  });
  const user = await createUser(deps, cliCtx(deps.database, io.osUser), input);
  const lines = [
    `Đã tạo người dùng "${user.username}" (${user.displayName}), mã định danh ${user.id}.`,
  ];
  if (organisation) lines.push(`  Tổ chức: ${organisation.nameVi}.`);
  if (user.assignments.length === 0) {
    lines.push('  Chưa có vai trò nào: người dùng đăng nhập được nhưng chưa xem được dữ liệu.');
  }
  for (const a of user.assignments) {
    const scope = a.unit
      ? `${a.unit.nameVi} (${a.unit.id})`
      : a.organisationName
        ? a.organisationName
        : 'toàn quốc';
    lines.push(`  Vai trò: ${a.role} (${ROLE_LABELS[a.role].vi}), phạm vi: ${scope}.`);
  }
  if (user.mustChangePassword) lines.push('  Người dùng phải đổi mật khẩu khi đăng nhập lần đầu.');
  io.out(`${lines.join('\n')}\n`);
  return user;
}
