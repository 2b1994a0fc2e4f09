/**
 * Stable error codes of the API. The HTTP status of each code never changes; the message is
 * Vietnamese and may be reworded.
 */
export const ERROR_CODES = {
  VALIDATION_ERROR: { status: 400, message: 'Dữ liệu gửi lên không hợp lệ.' },
  BAD_REQUEST: { status: 400, message: 'Yêu cầu không hợp lệ.' },
  UNAUTHENTICATED: { status: 401, message: 'Bạn cần đăng nhập để tiếp tục.' },
  INVALID_CREDENTIALS: { status: 401, message: 'Tên đăng nhập hoặc mật khẩu không đúng.' },
  SESSION_EXPIRED: { status: 401, message: 'Phiên làm việc đã hết hạn, vui lòng đăng nhập lại.' },
  INVALID_TOKEN: {
    status: 401,
    message: 'Mã truy cập (API token) không hợp lệ hoặc đã bị thu hồi.',
  },
  CSRF_INVALID: {
    status: 403,
    message: 'Thiếu hoặc sai mã chống giả mạo yêu cầu (X-CSRF-Token). Hãy tải lại trang.',
  },
  FORBIDDEN: { status: 403, message: 'Bạn không có quyền thực hiện thao tác này.' },
  ACCOUNT_DISABLED: { status: 403, message: 'Tài khoản đã bị khóa bởi quản trị viên.' },
  NOT_FOUND: { status: 404, message: 'Không tìm thấy dữ liệu yêu cầu.' },
  ROUTE_NOT_FOUND: { status: 404, message: 'Không tìm thấy địa chỉ yêu cầu.' },
  METHOD_NOT_ALLOWED: { status: 405, message: 'Phương thức không được hỗ trợ.' },
  CONFLICT: { status: 409, message: 'Dữ liệu bị trùng hoặc xung đột với dữ liệu hiện có.' },
  REPORT_LOCKED: {
    status: 409,
    message: 'Số liệu của báo cáo đang bị khóa, không thể thay đổi.',
  },
  REPORT_NOT_READY: {
    status: 409,
    message:
      'Báo cáo chưa đủ điều kiện để gửi: còn lỗi, cảnh báo chưa giải thích hoặc thiếu minh chứng.',
  },
  INVALID_TRANSITION: {
    status: 409,
    message: 'Không thể thực hiện bước này ở trạng thái hiện tại của báo cáo.',
  },
  WORKBOOK_UNREADABLE: {
    status: 400,
    message: 'Không đọc được tệp: cần một tệp Excel .xlsx.',
  },
  WORKBOOK_NOT_TEMPLATE: {
    status: 400,
    message:
      'Tệp không phải mẫu nhập liệu tải từ hệ thống. Hãy tải mẫu Excel của biểu và kỳ báo cáo.',
  },
  WORKBOOK_MISMATCH: {
    status: 400,
    message:
      'Tệp là mẫu của biểu, kỳ hoặc đơn vị khác với trang đang mở; không có số liệu nào được ghi.',
  },
  UPLOAD_INVALID: {
    status: 400,
    message: 'Tệp tải lên còn lỗi; không có số liệu nào được ghi.',
  },
  PII_FRAMEWORK_INVALID: {
    status: 400,
    message: 'Khung chỉ số không hợp lệ; không có thay đổi nào được ghi.',
  },
  PII_EDITION_HAS_RUNS: {
    status: 409,
    message: 'Ấn bản đã có lần tính chỉ số nên không thể xóa.',
  },
  PII_NO_DATA: {
    status: 409,
    message: 'Chưa có số liệu nào được Bộ chấp nhận để tính chỉ số.',
  },
  PII_INDICATOR_NO_DATA: {
    status: 409,
    message: 'Có chỉ số không có số liệu được chấp nhận ở tỉnh, thành phố nào.',
  },
  PII_UNIT_NO_DATA: {
    status: 409,
    message: 'Có tỉnh, thành phố không có số liệu nào được chấp nhận.',
  },
  PII_BASIS_MISMATCH: {
    status: 409,
    message:
      'Số liệu của năm đã chọn không quy đổi được về các tỉnh, thành phố mà chỉ số xếp hạng.',
  },
  PII_COMPUTE_FAILED: {
    status: 409,
    message: 'Không tính được chỉ số với khung, cấu hình và số liệu hiện có.',
  },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'Dữ liệu gửi lên quá lớn.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'Định dạng dữ liệu không được hỗ trợ.' },
  ACCOUNT_LOCKED: {
    status: 423,
    message: 'Tài khoản tạm thời bị khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau.',
  },
  RATE_LIMITED: { status: 429, message: 'Quá nhiều yêu cầu. Vui lòng thử lại sau ít phút.' },
  INTERNAL_ERROR: {
    status: 500,
    message: 'Lỗi hệ thống. Vui lòng thử lại hoặc liên hệ quản trị viên.',
  },
  SERVICE_UNAVAILABLE: { status: 503, message: 'Dịch vụ tạm thời không khả dụng.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** The body of every error response. */
export interface ErrorBody {
  error: {
    code: ErrorCode | (string & {});
    message: string;
    details?: unknown;
  };
}
