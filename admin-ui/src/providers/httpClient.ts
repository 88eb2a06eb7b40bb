import { fetchUtils, HttpError } from 'react-admin';
import { session } from './session';

export const API_URL = '/api';

interface ErrorBody {
  message?: string;
  errors?: Record<string, string>;
  correlationId?: string;
}

/** fetchJson with the bearer token; API errors become HttpErrors whose body react-admin maps to fields. */
export async function httpClient(url: string, options: fetchUtils.Options = {}) {
  const headers = new Headers(options.headers ?? { Accept: 'application/json' });
  const token = session.token();
  if (token) headers.set('Authorization', `Bearer ${token}`);
  try {
    return await fetchUtils.fetchJson(url, { ...options, headers });
  } catch (e) {
    if (e instanceof HttpError) {
      const body = (e.body ?? {}) as ErrorBody;
      const message = body.message ?? e.message;
      throw new HttpError(
        body.correlationId && e.status >= 500 ? `${message} (reference ${body.correlationId})` : message,
        e.status,
        body,
      );
    }
    throw e;
  }
}
