import type { Language } from './i18n.js';

/** One problem with one field of a request, as the API reports it in `details`. */
export type FieldProblem = { path: string; code?: string; message: string };

/** An error answer of the API: `{ error, message, details? }` (docs/api/API.md), `message` already localized. */
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

  /** The per-field problems of a validation error, if that is what this is. */
  get fieldProblems(): FieldProblem[] {
    if (!Array.isArray(this.details)) return [];
    return this.details.filter(
      (d): d is FieldProblem => typeof d === 'object' && d !== null && typeof d.path === 'string' && typeof d.message === 'string',
    );
  }
}

/** Said by the client itself when no answer came back (offline, server down, not JSON). */
const clientText = {
  network: {
    vi: 'Không kết nối được với máy chủ. Vui lòng kiểm tra mạng và thử lại.',
    en: 'Could not reach the server. Please check your connection and try again.',
  },
  unexpected: {
    vi: 'Máy chủ trả lời không như mong đợi (mã {status}). Vui lòng thử lại.',
    en: 'The server gave an unexpected answer (status {status}). Please try again.',
  },
};

export type ApiClientOptions = {
  /** The language the user chose: sent as Accept-Language, so `message` comes back in it. */
  language: () => Language;
  /** Called when the session is missing or has ended (a 401 other than a wrong password). */
  onUnauthenticated?: (error: ApiError) => void;
  /** Defaults to the page's own origin. */
  baseUrl?: string;
  fetch?: typeof fetch;
};

type RawBody = { body: Blob | string; contentType: string };

export type Query = Record<string, string | number | boolean | undefined | null>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

export type ApiClient = ReturnType<typeof createApiClient>;

/** The JSON API seen from the browser: the session travels in its HttpOnly cookie. */
export function createApiClient(options: ApiClientOptions) {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));

  async function request<T>(method: string, path: string, body?: unknown, raw?: RawBody, extra?: Record<string, string>): Promise<T> {
    const language = options.language();
    const headers: Record<string, string> = { ...extra, Accept: 'application/json', 'Accept-Language': language };
    if (raw) headers['Content-Type'] = raw.contentType;
    else if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await doFetch((options.baseUrl ?? '') + path, {
        method,
        headers,
        credentials: 'same-origin',
        body: raw ? raw.body : body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new ApiError(0, 'network', clientText.network[language]);
    }
    const payload = await readJson(response).catch(() => undefined);
    if (response.ok) return payload as T;

    const error =
      payload && typeof payload === 'object' && typeof (payload as { message?: unknown }).message === 'string'
        ? new ApiError(
            response.status,
            String((payload as { error?: unknown }).error ?? 'error'),
            (payload as { message: string }).message,
            (payload as { details?: unknown }).details,
          )
        : new ApiError(
            response.status,
            'unexpected',
            clientText.unexpected[language].replace('{status}', String(response.status)),
          );
    // A wrong password is also a 401, but it is an answer to show, not an ended session.
    if (response.status === 401 && error.code !== 'invalid_credentials') options.onUnauthenticated?.(error);
    throw error;
  }

  return {
    get: <T>(path: string, query?: Query) => request<T>('GET', withQuery(path, query)),
    post: <T>(path: string, body?: unknown) => request<T>('POST', path, body),
    /** A body sent as it is, not as JSON: a CSV file's bytes or text, with its media type. */
    postRaw: <T>(path: string, body: Blob | string, contentType: string) => request<T>('POST', path, undefined, { body, contentType }),
    patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
    put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
    delete: <T>(path: string) => request<T>('DELETE', path),
    /** Any method with headers of its own (`If-Match` for a save made from a version read). */
    send: <T>(method: string, path: string, body: unknown, headers: Record<string, string>) => request<T>(method, path, body, undefined, headers),
  };
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  return text ? JSON.parse(text) : undefined;
}
