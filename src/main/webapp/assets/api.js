// The REST API, as the web pages use it: same-origin fetch with the session cookie, the CSRF
// token on every change, and problem details turned into ApiError.
import { lang } from './i18n.js';

let csrfToken = null;

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }

  /** The problem's stable code ({@code version_conflict}, {@code last_admin} …). */
  get code() {
    return this.problem.code || (this.problem.error && this.problem.error.code) || null;
  }
}

export function setCsrf(token) {
  csrfToken = token;
}

export async function api(method, path, body, headers = {}) {
  const init = {
    method,
    credentials: 'same-origin',
    headers: { 'Accept': 'application/json', 'Accept-Language': lang(), 'X-Requested-With': 'fetch', ...headers }
  };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  if (!['GET', 'HEAD'].includes(method) && csrfToken) {
    init.headers['X-CSRF-Token'] = csrfToken;
  }
  const response = await fetch(`api/${path}`, init);
  const text = await response.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch (notJson) {
    // e.g. a proxy's HTML error page: the status still tells what happened
    data = null;
  }
  if (!response.ok) {
    throw new ApiError(response.status, data || { title: `HTTP ${response.status}` });
  }
  return { data, etag: response.headers.get('ETag'), status: response.status };
}
