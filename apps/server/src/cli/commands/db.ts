import { prepareDatabase, type PrepareResult } from '../../bootstrap.js';
import type { AppConfig } from '../../config.js';
import type { Database } from '../../db/database.js';
import { countUsers } from '../../modules/users/users.repo.js';
import { DEMO_USERS, seedDemo, type DemoSeedResult } from '../../seed/demo.js';
import { CliError, type Writer } from '../io.js';
import { cliCtx, describeDatabase } from '../runtime.js';

/** `db migrate`: migrations and reference data, never the demo data. */
export async function dbMigrate(
  database: Database,
  config: AppConfig,
  out: Writer,
): Promise<PrepareResult> {
  const result = await prepareDatabase(database, config, { demo: false });
  const { migrations, reference } = result;
  out(
    [
      `Đã cập nhật ${describeDatabase(database, config)}.`,
      `  Bản chuyển đổi cấu trúc (migration) vừa áp dụng: ${migrations.applied} (tổng cộng ${migrations.total}).`,
      `  Đơn vị hành chính được thêm hoặc cập nhật: ${reference.unitsChanged}.`,
      `  Tổ chức tham chiếu được thêm: ${reference.organisationsAdded}.`,
      '',
    ].join('\n'),
  );
  return result;
}

export interface DbSeedOptions {
  demo?: boolean;
}

/** Refuses what `db seed` must never do; checked before the database is even opened. */
export function assertSeedAllowed(config: AppConfig, options: DbSeedOptions): void {
  if (!options.demo) {
    throw new CliError(
      'Hãy ghi rõ loại dữ liệu cần nạp: npm run caunoi -- db seed --demo (dữ liệu mẫu để dùng thử).',
    );
  }
  if (config.production) {
    throw new CliError(
      'Không nạp dữ liệu mẫu khi NODE_ENV=production: tài khoản mẫu dùng chung một mật khẩu đã biết.',
    );
  }
}

/**
 * `db seed --demo`: brings the database up to date, then adds the demo accounts, organisations
 * and people if the database has no user yet. Returns null when it left the database unchanged.
 */
export async function dbSeed(
  database: Database,
  config: AppConfig,
  options: DbSeedOptions,
  out: Writer,
  osUser: string,
): Promise<DemoSeedResult | null> {
  assertSeedAllowed(config, options);
  await dbMigrate(database, config, out);
  const existing = await countUsers(database.db);
  if (existing > 0) {
    out(
      `Không nạp dữ liệu mẫu: cơ sở dữ liệu đã có ${existing} người dùng (dữ liệu mẫu chỉ nạp vào cơ sở dữ liệu chưa có người dùng nào). Không có gì thay đổi.\n`,
    );
    return null;
  }
  const result = await seedDemo(cliCtx(database, osUser), { password: config.demoPassword });
  const password =
    config.demoPassword === 'demo1234'
      ? 'demo1234 (mặc định)'
      : 'giá trị của biến môi trường CAUNOI_DEMO_PASSWORD';
  out(
    [
      `Đã nạp dữ liệu mẫu: ${result.users} tài khoản, ${result.organisations} tổ chức, ${result.people} người.`,
      `  Số liệu thống kê 2019–2025: ${result.statisticsValues} giá trị (minh họa, trừ ${result.statisticsRealValues} số liệu nêu trong bài báo nguồn), ${result.statisticsReports} báo cáo.`,
      `  Số liệu đầu vào Bộ chỉ số ĐMST cấp địa phương 2023–2025: ${result.piiValues} giá trị (minh họa), ${result.piiReports} báo cáo.`,
      `  Tài khoản: ${DEMO_USERS.map((u) => u.username).join(', ')}.`,
      `  Mật khẩu chung: ${password}.`,
      '',
    ].join('\n'),
  );
  return result;
}
