// The one way the UI talks to the server: the public API, same-origin, with the session cookie
// (HttpOnly, set by POST /api/v1/session) and the CSRF token on every unsafe method.

let csrfToken = null;

export function setCsrfToken(token) {
  csrfToken = token;
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
  const headers = {
    Accept: 'application/json, application/problem+json',
    // lets the server answer 401 without a Basic challenge, so the browser never shows its own prompt
    'X-Requested-With': 'XMLHttpRequest',
  };
  // a file (a plugin jar) goes as it is, with its own type; everything else as JSON
  const raw = body instanceof Blob;
  if (body !== undefined) headers['Content-Type'] = raw ? body.type || 'application/octet-stream' : 'application/json';
  if (!['GET', 'HEAD', 'OPTIONS'].includes(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  const response = await fetch(path, {
    method,
    headers,
    body: body === undefined || raw ? body : JSON.stringify(body),
    credentials: 'same-origin',
    cache: 'no-store',
  });
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await response.json().catch(() => null) : null;
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}
