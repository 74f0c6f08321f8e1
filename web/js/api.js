// Calls to the HTTP API with the ID token. Errors come back as ApiError (problem+json read).

import { loadConfig } from './config.js';
import { idToken, clearToken } from './auth.js';

export class ApiError extends Error {
  constructor({ status, title, detail = '', type = '', errors = [] }) {
    super(detail || title || `The request failed (${status}).`);
    this.name = 'ApiError';
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.type = type;
    this.slug = type ? type.split(/[/#:]/).filter(Boolean).pop() : '';
    this.errors = errors;
  }
}

/** Pages listen for this to show the sign-in prompt (see page.js). */
function signedOut() {
  clearToken();
  window.dispatchEvent(new CustomEvent('wm:unauthorised'));
}

async function readBody(response) {
  const text = await response.text().catch(() => '');
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * api('/me') → {status, data}. Throws ApiError: status 0 when the service could not be reached,
 * 401 when the token is missing or refused (the token is then cleared and the page told).
 */
export async function api(path, { method = 'GET', body, idempotencyKey, signal } = {}) {
  const config = await loadConfig();
  const token = idToken();
  if (!token) {
    signedOut();
    throw new ApiError({ status: 401, title: 'Please sign in', detail: 'Your sign-in has ended. Please sign in again.' });
  }
  const headers = { Accept: 'application/json, application/problem+json', Authorization: `Bearer ${token}` };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;

  let response;
  try {
    response = await fetch(config.apiUrl + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
      signal,
    });
  } catch (error) {
    if (error?.name === 'AbortError') throw error;
    throw new ApiError({
      status: 0,
      title: 'No connection',
      detail: 'We could not reach the service. Please check your internet connection and try again.',
    });
  }

  const data = await readBody(response);
  if (response.ok) return { status: response.status, data };
  if (response.status === 401) signedOut();
  const problem = data && typeof data === 'object' ? data : {};
  throw new ApiError({
    status: response.status,
    title: problem.title || response.statusText || 'Something went wrong',
    detail: typeof problem.detail === 'string' ? problem.detail : '',
    type: typeof problem.type === 'string' ? problem.type : '',
    errors: Array.isArray(problem.errors) ? problem.errors : [],
  });
}

/** The answer's JSON only. */
export async function getJson(path, options) {
  return (await api(path, options)).data;
}

/** A fresh Idempotency-Key (a UUID): one per submission of a form. */
export function newIdempotencyKey() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A path segment, encoded. */
export const seg = (value) => encodeURIComponent(String(value));

/** A sentence for an error, for people rather than developers. */
export function friendlyError(error, what = 'this') {
  if (!(error instanceof ApiError)) return `Something went wrong while loading ${what}. Please refresh the page to try again.`;
  if (error.status === 0) return error.detail;
  if (error.status === 401) return 'Your sign-in has ended. Please sign in again.';
  if (error.status === 403 || error.status === 404) return `We could not find ${what}, or your account cannot see it.`;
  if (error.status >= 500) return `Something went wrong on our side while loading ${what}. Please try again in a few minutes.`;
  return error.detail || error.title || `We could not load ${what}.`;
}
