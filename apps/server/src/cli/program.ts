import { Command, CommanderError, Option } from 'commander';
import { ROLE_LABELS, ROLES } from '@caunoi/shared';
import { createDeps } from '../bootstrap.js';
import { dataImport, type DataImportOptions } from './commands/data.js';
import { dbMigrate, dbSeed, assertSeedAllowed } from './commands/db.js';
import {
  indexAudit,
  indexCompute,
  type IndexAuditOptions,
  type IndexOutOptions,
} from './commands/index-engine.js';
import {
  indexSensitivity,
  indexUncertainty,
  type IndexUncertaintyOptions,
} from './commands/index-uncertainty.js';
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

  /* ───── index ───── */
  const index = program
    .command('index')
    .description(
      'Chỉ số tổng hợp (Bộ chỉ số ĐMST cấp tỉnh): tính và phân tích trên tệp iData/iMeta của COINr, không cần cơ sở dữ liệu (composite index)',
    );
  localiseHelpCommand(index);

  const engineInputs = (command: Command) =>
    command
      .requiredOption(
        '--data <iData.csv>',
        'Số liệu theo đơn vị (iData của COINr): cột uCode và một cột mỗi chỉ số, mẫu số, nhóm (unit data)',
      )
      .requiredOption(
        '--meta <iMeta.csv>',
        'Khung chỉ số (iMeta của COINr): Level, iCode, Direction, Weight, Parent, Type, có thể thêm Denominator, goalpost_lower, goalpost_upper, goalpost_scale (framework)',
      )
      .requiredOption(
        '--config <pipeline.json>',
        'Cấu hình các bước: denominate, impute, screen, treat, normalise, aggregate; bước nào không có thì bỏ qua (pipeline configuration)',
      )
      .requiredOption(
        '--out <thư_mục>',
        'Thư mục ghi kết quả; có hay chưa có đều được, chỉ ghi khi mọi bước thành công (output folder)',
      );

  const engineHelp = (examples: string[]) =>
    [
      '',
      'Tệp CSV kết quả: cột đầu là uCode, các cột sau là mã chỉ số theo thứ tự trong iMeta; NA là thiếu;',
      'số ghi đủ độ chính xác (không làm tròn). Lỗi trong tệp đầu vào được báo kèm tệp, dòng (dòng tiêu đề là 1)',
      'và cột, dòng cuối có dạng file=… row=… column=… code=…; khi có lỗi không ghi tệp nào. Mã thoát: 0 khi thành công, 1 khi có lỗi.',
      '',
      'Ví dụ pipeline.json:',
      '  {"denominate": true, "impute": {"method": "group-mean", "group": "EurAsia_group"},',
      '   "screen": {"minDataShare": 0.9},',
      '   "treat": {"winmax": 5, "skewThreshold": 2, "kurtosisThreshold": 3.5, "fallback": "log_CT"},',
      '   "normalise": {"method": "minmax", "range": [0, 100]}, "aggregate": {"method": "arithmetic"}}',
      '',
      'Ví dụ:',
      ...examples.map((e) => `  ${e}`),
      '',
    ].join('\n');

  engineInputs(
    index
      .command('compute')
      .description(
        'Tính chỉ số: ghi denominated.csv, imputed.csv, screened.csv, treated.csv, normalised.csv, aggregated.csv (mọi cấp), ranks.csv, treatment.csv, mỗi tệp một bước đã chạy (compute the index)',
      ),
  )
    .addHelpText(
      'after',
      engineHelp([
        `${RUN} index compute --data iData.csv --meta iMeta.csv --config pipeline.json --out ket-qua`,
      ]),
    )
    .action(async (options: IndexOutOptions) => {
      await indexCompute(options, io.stdout);
    });

  engineInputs(
    index
      .command('audit')
      .description(
        'Phân tích thống kê: correlations.csv (tương quan với cấp trên và với chỉ số chung), correlation_matrices.csv, cronbach.csv, pca.csv, strengths.csv (điểm mạnh, điểm yếu), efficiency.csv (statistical audit)',
      ),
  )
    .option(
      '--efficiency <đầu_ra,đầu_vào>',
      'Mã hai chỉ số tổng hợp để tính tỷ số hiệu quả đầu ra ÷ đầu vào, ví dụ OUTPUT,INPUT (efficiency ratio)',
    )
    .addHelpText(
      'after',
      engineHelp([
        `${RUN} index audit --data iData.csv --meta iMeta.csv --config pipeline.json --out phan-tich --efficiency Sust,Conn`,
      ]),
    )
    .action(async (options: IndexAuditOptions) => {
      await indexAudit(options, io.stdout);
    });

  const specHelp = [
    '',
    'Ví dụ ua.json (mỗi lần chạy chọn ngẫu nhiên, đều nhau và độc lập, một phương án cho mỗi lựa chọn; trọng số',
    'của mỗi cấp nêu trong weightNoise thành w + (2u − 1)·f·w, như get_noisy_weights của COINr):',
    '  {"runs": 1000, "seed": 42,',
    '   "alternatives": {"treat.winmax": [1, 2, 3, 4, 5],',
    '                    "normalise": [{"method": "minmax", "range": [1, 100]}, {"method": "zscore", "mean": 10, "sd": 2}],',
    '                    "aggregate.method": ["arithmetic", "geometric"]},',
    '   "weightNoise": {"2": 0.25, "3": 0.25}}',
    'Khóa của alternatives: một bước (normalise) hoặc đường dẫn có dấu chấm vào cấu hình (treat.winmax).',
    'Tùy chọn: "target" (mã chỉ số tổng hợp cần xếp hạng, mặc định chỉ số cấp cao nhất), "bootstrap" (số mẫu',
    'bootstrap của khoảng tin cậy độ nhạy, mặc định 1000). Cùng seed cho cùng kết quả, với mọi số luồng.',
  ];
  const workersOption = (command: Command) =>
    command
      .requiredOption(
        '--spec <ua.json>',
        'Các lựa chọn không chắc chắn: runs, seed, alternatives, weightNoise (uncertainty specification)',
      )
      .option(
        '--workers <số>',
        'Số luồng xử lý song song (mặc định: số bộ xử lý có sẵn) (worker threads)',
      );

  workersOption(
    engineInputs(
      index
        .command('uncertainty')
        .description(
          'Phân tích bất định Monte Carlo: ghi rankstats.csv (uCode, Nominal, Mean, Median, Q5, Q95 của thứ hạng chỉ số chung qua các lần chạy; Q5, Q95 theo quantile loại 7 của R) (uncertainty analysis)',
        ),
    ),
  )
    .addHelpText(
      'after',
      [
        ...specHelp,
        'Lần chạy không tính được (ví dụ trung bình nhân gặp giá trị ≤ 0) được bỏ qua, như COINr.',
        '',
        'Ví dụ:',
        `  ${RUN} index uncertainty --data iData.csv --meta iMeta.csv --config pipeline.json --spec ua.json --out bat-dinh`,
        '',
      ].join('\n'),
    )
    .action(async (options: IndexUncertaintyOptions) => {
      await indexUncertainty(options, io.stdout);
    });

  workersOption(
    engineInputs(
      index
        .command('sensitivity')
        .description(
          'Phân tích độ nhạy (chỉ số Sobol bậc một và toàn phần, thiết kế Saltelli, khoảng tin cậy bootstrap) của mức thay đổi thứ hạng trung bình: ghi sensitivity.csv (factor, Si, Si_low, Si_high, STi, STi_low, STi_high) (sensitivity analysis)',
        ),
    ),
  )
    .addHelpText(
      'after',
      [
        ...specHelp,
        'Với độ nhạy, runs là N: chạy N·(d + 2) lần, d là số yếu tố (mỗi khóa của alternatives và mỗi cấp của',
        'weightNoise là một yếu tố; cần ít nhất hai).',
        '',
        'Ví dụ:',
        `  ${RUN} index sensitivity --data iData.csv --meta iMeta.csv --config pipeline.json --spec ua.json --out do-nhay`,
        '',
      ].join('\n'),
    )
    .action(async (options: IndexUncertaintyOptions) => {
      await indexSensitivity(options, io.stdout);
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
