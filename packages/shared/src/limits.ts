export const LIMITS = {
  usernameMin: 3,
  usernameMax: 64,
  /** Usernames: lower-case letters, digits, dot, dash and underscore. */
  usernamePattern: /^[a-z0-9][a-z0-9._-]*$/,
  passwordMin: 8,
  passwordMax: 256,
  displayNameMax: 200,
  nameMax: 500,
  textMax: 10_000,
  pageSizeDefault: 50,
  pageSizeMax: 500,
  apiTokenNameMax: 100,
  searchMax: 200,
} as const;

/** ISO calendar date, YYYY-MM-DD. */
export const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export const LOCALES = ['vi', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
