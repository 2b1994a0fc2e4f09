import type { ErrorBody } from '@caunoi/shared';

export interface FieldIssue {
  path: string;
  message: string;
}

/** An error answered by the API (or a network failure, with status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Field-level issues from a validation error, with the `body.` prefix removed. */
  get fieldIssues(): FieldIssue[] {
    if (!Array.isArray(this.details)) return [];
    return this.details.flatMap((d: unknown) => {
      if (typeof d !== 'object' || d === null) return [];
      const { path, message } = d as Record<string, unknown>;
      if (typeof path !== 'string' || typeof message !== 'string') return [];
      return [{ path: path.replace(/^(body|querystring|params)(\.|$)/, ''), message }];
    });
  }

  get mustChangePassword(): boolean {
    return (
      this.status === 403 &&
      typeof this.details === 'object' &&
      this.details !== null &&
      (this.details as Record<string, unknown>).mustChangePassword === true
    );
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

type Query = Record<string, string | number | boolean | null | undefined>;

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** Let the request finish even if the page is left or reloaded meanwhile (small bodies only). */
  keepalive?: boolean;
}

interface ClientHooks {
  /** A signed-in request was refused with 401: the session is gone. */
  onUnauthenticated?: () => void;
  /** The account must change its password before doing anything else. */
  onPasswordChangeRequired?: () => void;
}

let csrfToken: string | null = null;
let hooks: ClientHooks = {};
let networkErrorMessage = 'Không kết nối được tới máy chủ. Kiểm tra kết nối mạng và thử lại.';

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setClientHooks(next: ClientHooks): void {
  hooks = next;
}

export function setNetworkErrorMessage(message: string): void {
  networkErrorMessage = message;
}

export function buildQuery(query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

const AUTH_PATHS = ['/auth/login', '/auth/me'];

/** Calls `/api/v1{path}`; resolves with the JSON body, or rejects with an ApiError. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  // A FormData body (file upload) sets its own multipart content type.
  const isForm = options.body instanceof FormData;
  if (options.body !== undefined && !isForm) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(`/api/v1${path}${buildQuery(options.query)}`, {
      method,
      headers,
      credentials: 'same-origin',
      body:
        options.body === undefined
          ? undefined
          : isForm
            ? (options.body as FormData)
            : JSON.stringify(options.body),
      signal: options.signal,
      keepalive: options.keepalive,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'NETWORK_ERROR', networkErrorMessage);
  }

  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }

  if (!response.ok) {
    const body = (data as ErrorBody | null)?.error;
    const error = new ApiError(
      response.status,
      body?.code ?? 'HTTP_ERROR',
      body?.message ?? `${response.status} ${response.statusText}`,
      body?.details,
    );
    if (response.status === 401 && !AUTH_PATHS.includes(path)) hooks.onUnauthenticated?.();
    if (error.mustChangePassword) hooks.onPasswordChangeRequired?.();
    throw error;
  }
  return data as T;
}
