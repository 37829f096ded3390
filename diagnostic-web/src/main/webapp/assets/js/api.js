// Calls to Repère's API: session cookie, anti-CSRF token on every change, problem details in French.

let csrf = null;

export function setCsrf(token) {
  csrf = token;
}

/**
 * The server answered with an error (RFC 9457 problem details in `problem`). A server error carries
 * its incident number (`urn:repere:incident:…`) for the administrator; `retryAfter` is in seconds.
 */
export class ApiError extends Error {
  constructor(status, problem, retryAfter = null) {
    super(problem?.detail || problem?.title || (status >= 500
      ? `Erreur du serveur (${status}) : ce qui n'a pas été envoyé reste sur cet appareil. Réessayez plus tard.`
      : `Erreur ${status}`));
    this.status = status;
    this.problem = problem || {};
    this.retryAfter = retryAfter;
    this.incident = /^urn:repere:incident:/.test(this.problem.instance || '') ? this.problem.instance.slice(20) : null;
  }
}

/** Retry-After in seconds (delay form; an HTTP date counts from now), or null. */
function retryAfterSeconds(value) {
  if (!value) return null;
  const s = /^\d+$/.test(value.trim()) ? Number(value) : (Date.parse(value) - Date.now()) / 1000;
  return Number.isFinite(s) ? Math.min(Math.max(s, 1), 300) : null;
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
  if (!response.ok) throw new ApiError(response.status, data, retryAfterSeconds(response.headers.get('Retry-After')));
  return data;
}

/**
 * Whether an error means "try again later": no network (a proxy's 502/504 too: Repère could not be
 * reached), the server briefly unavailable (503, 429: see retryDelay), or a concurrent change (409).
 * A 500 is not: sending the same thing again gives the same bug; see isServerError.
 */
export function isTransient(e) {
  return e instanceof NetworkError
    || (e instanceof ApiError && [409, 429, 502, 503, 504].includes(e.status));
}

/** Repère answered but cannot serve now (its database down, read-only or overloaded): not the network's fault. */
export function isUnavailable(e) {
  return e instanceof ApiError && [429, 503].includes(e.status);
}

/** A bug on the server (500…): say so with its incident number, keep the unsent data, do not loop. */
export function isServerError(e) {
  return e instanceof ApiError && e.status >= 500 && !isTransient(e);
}

/** How long to wait before trying again: the server's Retry-After, else `fallbackMs`. */
export function retryDelay(e, fallbackMs) {
  return e instanceof ApiError && e.retryAfter ? e.retryAfter * 1000 : fallbackMs;
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
      else reject(new ApiError(xhr.status, data, retryAfterSeconds(xhr.getResponseHeader('Retry-After'))));
    });
    xhr.send(file);
  });
}
