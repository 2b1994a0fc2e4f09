export type PiiErrorCode =
  | 'CSV_SYNTAX'
  | 'MISSING_COLUMN'
  | 'DUPLICATE_CODE'
  | 'DUPLICATE_UNIT'
  | 'INVALID_VALUE'
  | 'INVALID_TYPE'
  | 'INVALID_LEVEL'
  | 'UNKNOWN_PARENT'
  | 'INVALID_PARENT'
  | 'CYCLE'
  | 'EMPTY_AGGREGATE'
  | 'UNKNOWN_DENOMINATOR'
  | 'MISSING_INDICATOR'
  | 'MISSING_DENOMINATOR'
  | 'MISSING_GROUP'
  | 'NON_NUMERIC_VALUE'
  | 'NON_POSITIVE_VALUE'
  | 'INVALID_WEIGHTS'
  | 'INVALID_CONFIG'
  | 'INVALID_SPEC';

export interface PiiErrorLocation {
  /** 1-based row of the input table (data rows, header excluded) or CSV line, when known. */
  readonly row?: number;
  /** Column name, when known. */
  readonly column?: string;
}

/** Every error thrown by this package: a stable `code` plus a message naming the place. */
export class PiiError extends Error {
  readonly row: number | undefined;
  readonly column: string | undefined;

  constructor(
    readonly code: PiiErrorCode,
    message: string,
    location: PiiErrorLocation = {},
  ) {
    super(message);
    this.name = 'PiiError';
    this.row = location.row;
    this.column = location.column;
  }
}
