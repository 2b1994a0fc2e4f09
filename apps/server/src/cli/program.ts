import { Command, CommanderError, Option } from 'commander';
import { ROLE_LABELS, ROLES } from '@caunoi/shared';
import { createDeps } from '../bootstrap.js';
import { dataImport, type DataImportOptions } from './commands/data.js';
import { dbMigrate, dbSeed, assertSeedAllowed } from './commands/db.js';
import { unitsList, type UnitsListOptions } from './commands/units.js';
import { userCreate, type UserCreateOptions } from './commands/user.js';
import { localise, localiseHelpCommand, translateCommanderError } from './commander-vi.js';
import { describeError } from './errors.js';
import type { CliIO } from './io.js';
import { withDatabase, type CliRuntime } from './runtime.js';
import { UnitsCache } from '../modules/units/units.service.js';
import { todayInVietnam } from '@caunoi/shared';
import { OUTPUT_FORMATS } from './format.js';

const RUN = 'npm run caunoi --';

/** The `caunoi` program: commands wired to their implementations through `runtime` and `io`. */
export function buildProgram(io: CliIO, runtime: CliRuntime): Command {
  const program = localise(new Command('caunoi'))
    .description(
      'Công cụ dòng lệnh của Cầu Nối: quản trị cơ sở dữ liệu, người dùng, danh mục đơn vị hành chính và nhập số liệu thống kê.\n' +
        'Dùng cùng cấu hình với máy chủ: DATABASE_URL (PostgreSQL), nếu không có thì cơ sở dữ liệu nhúng trong DATA_DIR (mặc định ./.data).\n' +
        `Chạy: ${RUN} <lệnh> [tùy chọn]`,
    )
    .configureOutput({
      writeOut: (text) => io.stdout(text),
      writeErr: (text) => io.stderr(text),
      outputError: (text, write) => write(translateCommanderError(text)),
    })
    .exitOverride();
  localiseHelpCommand(program);

  /* ───── db ───── */
  const db = program
    .command('db')
    .description('Cơ sở dữ liệu: cập nhật cấu trúc, nạp dữ liệu mẫu (database)');
  localiseHelpCommand(db);

  db.command('migrate')
    .description(
      'Cập nhật cấu trúc cơ sở dữ liệu và dữ liệu tham chiếu (đơn vị hành chính, tổ chức), như khi máy chủ khởi động; không nạp dữ liệu mẫu (apply migrations and reference data)',
    )
    .addHelpText('after', `\nVí dụ:\n  ${RUN} db migrate\n`)
    .action(async () => {
      await withDatabase(runtime, (database, config) => dbMigrate(database, config, io.stdout), {
        requireMigrated: false,
      });
    });

  db.command('seed')
    .description(
      'Nạp dữ liệu mẫu để dùng thử: chỉ khi cơ sở dữ liệu chưa có người dùng nào; không bao giờ khi NODE_ENV=production (seed demo data)',
    )
    .option('--demo', 'Nạp dữ liệu mẫu: tài khoản, tổ chức, người (demo data)')
    .addHelpText(
      'after',
      `\nMật khẩu chung của các tài khoản mẫu lấy từ biến môi trường CAUNOI_DEMO_PASSWORD (mặc định demo1234).\n\nVí dụ:\n  ${RUN} db seed --demo\n`,
    )
    .action(async (options: { demo?: boolean }) => {
      const config = runtime.loadConfig();
      assertSeedAllowed(config, options);
      await withDatabase(
        runtime,
        (database) => dbSeed(database, config, options, io.stdout, io.osUser),
        { requireMigrated: false, config },
      );
    });

  /* ───── user ───── */
  const user = program.command('user').description('Người dùng (users)');
  localiseHelpCommand(user);

  user
    .command('create')
    .description(
      'Tạo một người dùng với vai trò và phạm vi, ghi nhật ký kiểm toán với người thực hiện cli:<tài khoản hệ điều hành> (create a user)',
    )
    .requiredOption(
      '--username <tên>',
      'Tên đăng nhập: chữ thường không dấu, chữ số, dấu chấm, gạch ngang, gạch dưới (username)',
    )
    .requiredOption('--display-name <họ_tên>', 'Tên hiển thị, ví dụ "Nguyễn Văn An" (display name)')
    .option('--email <địa_chỉ>', 'Thư điện tử (email)')
    .addOption(
      new Option(
        '--role <role...>',
        `Vai trò, có thể ghi nhiều lần (role): ${ROLES.map((r) => `${r} = ${ROLE_LABELS[r].vi}`).join('; ')}`,
      ),
    )
    .option(
      '--province <mã>',
      'Tỉnh/thành phố làm phạm vi của các vai trò: mã tỉnh (ví dụ 31, hiểu theo danh mục hôm nay) hoặc mã đơn vị (ví dụ 31@2025-07-01) (province scope)',
    )
    .option(
      '--organisation <mã>',
      'Tổ chức của người dùng, theo mã (ví dụ BKHCN.VU-PTDP) hoặc mã định danh; cũng là phạm vi của vai trò ministry_unit_officer (organisation)',
    )
    .addOption(
      new Option(
        '--password-stdin',
        'Đọc mật khẩu từ đầu vào chuẩn, khuyên dùng (read the password from stdin)',
      ).conflicts('password'),
    )
    .option(
      '--password <mật_khẩu>',
      'Mật khẩu ghi trực tiếp (có thể lưu trong lịch sử lệnh) (password)',
    )
    .option(
      '--must-change-password',
      'Buộc đổi mật khẩu khi đăng nhập lần đầu (must change password)',
    )
    .addHelpText(
      'after',
      [
        '',
        'Phạm vi: có --province thì mọi vai trò gắn với tỉnh/thành phố đó; vai trò ministry_unit_officer gắn với',
        '--organisation; các vai trò còn lại có phạm vi toàn quốc. Vai trò không hợp với phạm vi sẽ bị từ chối.',
        '',
        'Ví dụ:',
        `  printf '%s\\n' "$MAT_KHAU" | ${RUN} user create --username quantri --display-name "Quản trị viên" --role system_admin --organisation BKHCN.VP --password-stdin`,
        `  ${RUN} user create --username hp.cv2 --display-name "Chuyên viên Sở KH&CN Hải Phòng" --role province_officer --province 31 --password-stdin --must-change-password`,
        '',
      ].join('\n'),
    )
    .action(async (options: UserCreateOptions) => {
      await withDatabase(runtime, async (database, config) => {
        const deps = await createDeps(config, database, io.now);
        await userCreate(deps, options, {
          out: io.stdout,
          err: io.stderr,
          readStdin: io.readStdin,
          osUser: io.osUser,
        });
      });
    });

  /* ───── units ───── */
  const units = program
    .command('units')
    .description('Danh mục đơn vị hành chính cấp tỉnh (provincial units)');
  localiseHelpCommand(units);

  units
    .command('list')
    .description(
      'Liệt kê các đơn vị có hiệu lực vào một ngày, theo thứ tự chữ cái tiếng Việt (list the units valid on a day)',
    )
    .option('--as-of <YYYY-MM-DD>', 'Ngày tra cứu (mặc định: hôm nay, giờ Việt Nam) (date)')
    .option(
      '--format <định_dạng>',
      `Định dạng: ${OUTPUT_FORMATS.join(', ')} (mặc định table); csv theo RFC 4180, có BOM UTF-8 để Excel hiển thị đúng tiếng Việt (output format)`,
    )
    .addHelpText(
      'after',
      [
        '',
        'Cột: id, code, name_vi, name_en, type, region_vi, valid_from, valid_to, predecessors',
        '(predecessors: các đơn vị tiền thân "mã tên", ngăn cách bởi dấu ;). Dạng json là một mảng đối tượng.',
        '',
        'Ví dụ:',
        `  ${RUN} units list --as-of 2024-12-31`,
        `  ${RUN} units list --as-of 2025-07-01 --format csv > don-vi-2025-07-01.csv`,
        '',
      ].join('\n'),
    )
    .action(async (options: UnitsListOptions) => {
      await withDatabase(runtime, async (database) => {
        const cache = new UnitsCache(database);
        const registry = await cache.reload();
        unitsList(registry, options, io.stdout, todayInVietnam(io.now()));
      });
    });

  /* ───── data ───── */
  const data = program
    .command('data')
    .description('Số liệu thống kê: nhập hàng loạt cho mọi tỉnh và kỳ (statistics data)');
  localiseHelpCommand(data);

  data
    .command('import')
    .description(
      'Nhập số liệu từ tệp CSV hoặc JSON: kiểm tra mọi dòng, có lỗi thì không ghi gì, không lỗi thì ghi tất cả trong một giao dịch; lịch sử từng giá trị ghi kênh "nhập hàng loạt" và người thực hiện cli:<tài khoản hệ điều hành> (bulk import)',
    )
    .argument('<tệp>', 'Đường dẫn tệp .csv hoặc .json (file)')
    .option('--dry-run', 'Chạy thử: kiểm tra và đếm, không ghi gì (dry run)')
    .option(
      '--format <định_dạng>',
      'csv hoặc json; mặc định theo đuôi tệp, không có đuôi thì theo nội dung (file format)',
    )
    .option('--json', 'In kết quả dạng JSON, kèm danh sách lỗi (print the summary as JSON)')
    .addHelpText(
      'after',
      [
        '',
        'CSV: dòng đầu là tiêu đề indicator,option,unit,period,value,comment (dấu phẩy hoặc dấu chấm phẩy, UTF-8).',
        '  indicator  mã chỉ tiêu, ví dụ TASK_IMPLEMENTED',
        '  option     mã phân tổ (để trống nếu chỉ tiêu không phân tổ); số tổng được tính, không nhập',
        '  unit       mã đơn vị (31@2025-07-01) hoặc mã tỉnh hiểu theo ngày cuối kỳ (36 năm 2024 là Nam Định cũ)',
        '  period     2024, 2024H1, 2024Q3, 2024M07; thêm -AD cho kỳ báo cáo hành chính',
        '  value      1.234,5 hoặc 1,234.5; ô trống là trống (xóa số đã lưu), không phải 0',
        '  comment    ghi chú (để trống thì giữ ghi chú đã có)',
        'JSON: mảng các bản ghi có cùng các trường, hoặc {"values": [...]}; value có thể là số.',
        '',
        'Mã thoát: 0 khi thành công, 1 khi tệp có lỗi (không ghi gì).',
        '',
        'Ví dụ:',
        `  ${RUN} data import so-lieu-2024.csv --dry-run`,
        `  ${RUN} data import so-lieu-2024.csv`,
        `  ${RUN} data import so-lieu.json --json > ket-qua.json`,
        '',
      ].join('\n'),
    )
    .action(async (file: string, options: DataImportOptions) => {
      await withDatabase(runtime, async (database) => {
        const registry = await new UnitsCache(database).reload();
        await dataImport(database, registry, file, options, {
          out: io.stdout,
          osUser: io.osUser,
        });
      });
    });

  return program;
}

/** Runs the program on `argv` (without the node and script paths); returns the exit code. */
export async function runCli(argv: string[], io: CliIO, runtime: CliRuntime): Promise<number> {
  const program = buildProgram(io, runtime);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    const described = describeError(error);
    io.stderr(`${described.message}\n`);
    if (!described.user) {
      if (io.env.CAUNOI_DEBUG && error instanceof Error && error.stack) {
        io.stderr(`${error.stack}\n`);
      } else {
        io.stderr('(Đặt biến môi trường CAUNOI_DEBUG=1 để xem chi tiết lỗi.)\n');
      }
    }
    return 1;
  }
}
