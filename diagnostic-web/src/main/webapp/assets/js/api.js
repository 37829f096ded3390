// Calls to Repère's API: session cookie, anti-CSRF token on every change, problem details in French.

let csrf = null;

export function setCsrf(token) {
  csrf = token;
}

/** The server answered with an error (RFC 9457 problem details in `problem`). */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `Erreur ${status}`);
    this.status = status;
    this.problem = problem || {};
  }
}

/** The server could not be reached (no network, or the request was cut). */
export class NetworkError extends Error {
  constructor() {
    super('Hors connexion');
  }
}

export async function api(method, path, body, headers = {}) {
  if (method !== 'GET' && !csrf && path !== '/api/v1/session') {
    // the page opened without network (or before logging in again): fetch the session's token first
    const session = await api('GET', '/api/v1/session');
    csrf = session.csrfToken;
  }
  const h = {Accept: 'application/json, application/problem+json', ...headers};
  if (body !== undefined) h['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrf) h['X-CSRF-Token'] = csrf;
  let response;
  try {
    response = await fetch(path, {
      method, headers: h, credentials: 'same-origin', cache: 'no-store',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new NetworkError();
  }
  if (response.status === 204) return null;
  const text = await response.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch (e) {
    data = null;
  }
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

/** Whether an error means "try again later": no network, or the server briefly unavailable. */
export function isTransient(e) {
  return e instanceof NetworkError || (e instanceof ApiError && (e.status >= 500 || e.status === 409 || e.status === 429));
}

/** A random key (UUID v4) for Idempotency-Key; crypto.randomUUID exists only over HTTPS or on localhost. */
export function randomKey() {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const x = [...b].map(v => v.toString(16).padStart(2, '0')).join('');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

/**
 * Sends a file as the request body (XMLHttpRequest rather than fetch: only it reports the upload's
 * progress, which a large directory file needs). Resolves to the JSON answer; rejects like api().
 */
export async function upload(path, file, contentType, onProgress) {
  if (!csrf) {
    const session = await api('GET', '/api/v1/session');
    csrf = session.csrfToken;
  }
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    xhr.setRequestHeader('Content-Type', contentType);
    xhr.setRequestHeader('X-CSRF-Token', csrf);
    if (onProgress) {
      xhr.upload.addEventListener('progress', e => { if (e.lengthComputable) onProgress(e.loaded, e.total); });
    }
    xhr.addEventListener('error', () => reject(new NetworkError()));
    xhr.addEventListener('abort', () => reject(new NetworkError()));
    xhr.addEventListener('load', () => {
      let data = null;
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch (e) {
        data = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(data);
      else reject(new ApiError(xhr.status, data));
    });
    xhr.send(file);
  });
}
