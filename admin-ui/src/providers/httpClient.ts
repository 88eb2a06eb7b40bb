import { fetchUtils, HttpError } from 'react-admin';
import { apiErrorText, NETWORK_TEXT, plainFieldErrors, type ApiErrorBody } from './errorText';
import { session } from './session';

export const API_URL = '/api';

/**
 * fetchJson with the bearer token. A failed request becomes an HttpError whose message is a sentence a person can
 * read (errorText.ts) and whose `errors` react-admin shows beside each field, worded the same way; the API's own
 * words stay in `body.apiMessage` and `body.apiErrors` for whoever debugs.
 */
export async function httpClient(url: string, options: fetchUtils.Options = {}) {
  const headers = new Headers(options.headers ?? { Accept: 'application/json' });
  const token = session.token();
  if (token) headers.set('Authorization', `Bearer ${token}`);
  try {
    return await fetchUtils.fetchJson(url, { ...options, headers });
  } catch (e) {
    if (e instanceof HttpError) {
      const body = (e.body ?? {}) as ApiErrorBody;
      throw new HttpError(apiErrorText(e.status, { message: e.message, ...body }), e.status, {
        ...body,
        apiMessage: body.message,
        apiErrors: body.errors,
        errors: plainFieldErrors(body.errors) ?? body.errors,
      });
    }
    // fetch itself failed: no network, or the server is down.
    if (e instanceof TypeError) throw new Error(NETWORK_TEXT, { cause: e });
    throw e;
  }
}
