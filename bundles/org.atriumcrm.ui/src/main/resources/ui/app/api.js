// The one way the UI talks to the server: the public API, same-origin, with the session cookie
// (HttpOnly, set by POST /api/v1/session) and the CSRF token on every unsafe method.

let csrfToken = null;
// the UI's language, asked of the server too: problems (validation messages at the fields) come back in it
let uiLanguage = null;

export function setCsrfToken(token) {
  csrfToken = token;
}

export function setApiLanguage(language) {
  uiLanguage = language;
}

function languageHeader() {
  return uiLanguage ? { 'Accept-Language': uiLanguage === 'zh-CN' ? 'zh-CN, zh;q=0.9' : 'en' } : {};
}

/** An error answer of the API: status and the problem+json body (detail shown to the user). */
export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

export async function api(method, path, body) {
  return (await apiAnswer(method, path, body)).data;
}

/** {data, etag} of an answer: the ETag is the If-Match of a later write (optimistic locking). */
export async function apiAnswer(method, path, body, extraHeaders = {}) {
  const headers = {
    ...languageHeader(),
    ...extraHeaders,
    Accept: 'application/json, application/problem+json',
    // lets the server answer 401 without a Basic challenge, so the browser never shows its own prompt
    'X-Requested-With': 'XMLHttpRequest',
  };
  // a File or Blob (an upload) goes as the raw body; anything else as JSON
  const raw = typeof Blob !== 'undefined' && body instanceof Blob;
  if (body !== undefined) headers['Content-Type'] = raw ? (body.type || 'application/octet-stream') : 'application/json';
  if (!['GET', 'HEAD', 'OPTIONS'].includes(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  const response = await fetch(path, {
    method,
    headers,
    body: body === undefined || raw ? body : JSON.stringify(body),
    credentials: 'same-origin',
    cache: 'no-store',
  });
  if (response.status === 204) return { data: null, etag: null };
  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await response.json().catch(() => null) : null;
  if (!response.ok) throw new ApiError(response.status, data);
  return { data, etag: response.headers.get('ETag') };
}

/**
 * A call whose answer is a file (a printed PDF): the Response itself, so the caller reads its headers (where the
 * server kept the copy) or its bytes; an error answer is thrown as for JSON calls.
 */
export async function apiFile(method, path, body) {
  const headers = { Accept: 'application/pdf, application/problem+json', 'X-Requested-With': 'XMLHttpRequest' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (!['GET', 'HEAD', 'OPTIONS'].includes(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  const response = await fetch(path, {
    method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin', cache: 'no-store',
  });
  if (!response.ok) throw new ApiError(response.status, await response.json().catch(() => null));
  return response;
}

/** An error for the user: the problem's detail and, for a validation problem, each field's message. */
export function problemText(e) {
  const errors = e && e.problem && e.problem.errors;
  return errors && errors.length ? `${e.message} — ${errors.map((x) => `${x.field}: ${x.message}`).join('; ')}` : e.message;
}

/** A file the API answers (a PDF of a document action), as a Blob; a problem answer throws an ApiError. */
export async function apiBlob(method, path, body) {
  const headers = { Accept: 'application/pdf, application/problem+json', 'X-Requested-With': 'XMLHttpRequest' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (!['GET', 'HEAD', 'OPTIONS'].includes(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin', cache: 'no-store' });
  if (!response.ok) {
    const type = response.headers.get('Content-Type') || '';
    throw new ApiError(response.status, type.includes('json') ? await response.json().catch(() => null) : null);
  }
  return response.blob();
}
