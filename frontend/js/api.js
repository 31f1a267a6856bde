// Every call a page makes to our own server goes through here: JSON with the session's CSRF token (the
// layout puts it in meta tags), RFC 9457 problems turned into readable messages, and uploads with progress.
// Pages get an api from createApi and never build requests, headers or error messages of their own.

/** The CSRF header of the page's session ({} on a page without a session, such as the login page). */
export function csrfHeader(doc) {
  const token = doc.querySelector('meta[name="_csrf"]')?.getAttribute('content');
  const name = doc.querySelector('meta[name="_csrf_header"]')?.getAttribute('content') || 'X-CSRF-TOKEN';
  return token ? { [name]: token } : {};
}

/** One line per entry of a problem's `errors`: "line 17: prompt is blank", "n: must be between 4 and 9". */
export function errorLines(problem) {
  const errors = Array.isArray(problem?.errors) ? problem.errors : [];
  return errors.map((error) => {
    const message = String(error.message ?? '');
    if (error.line !== undefined && error.line !== null) {
      return `line ${error.line}: ${message}`;
    }
    // Some messages already start with their field ("prompt is blank"): not named twice.
    if (error.field && !message.startsWith(`${error.field} `)) {
      return `${error.field}: ${message}`;
    }
    return message;
  });
}

/** What to tell the reader about a problem: its error lines, else its detail or title. */
export function problemMessages(problem, status) {
  const lines = errorLines(problem);
  if (lines.length > 0) {
    return lines;
  }
  const text = problem?.detail || problem?.title;
  if (text) {
    return [String(text)];
  }
  return [status ? `The server answered ${status}.` : 'The request failed.'];
}

/**
 * A refused or failed call. `status` is 0 when the server could not be reached; `problem` is the
 * problem+json body, or null when something else (a proxy, a servlet container page) answered.
 */
export class ApiError extends Error {
  constructor(status, problem, messages = problemMessages(problem, status)) {
    super(messages.join('\n'));
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.messages = messages;
  }
}

/** The lines to show for any error a call rejected with. */
export function messagesOf(error) {
  return Array.isArray(error?.messages) ? error.messages : [String(error?.message ?? error)];
}

const unreachable = () => new ApiError(0, null, ['The server cannot be reached.']);

function parseProblem(text) {
  try {
    const body = JSON.parse(text);
    return body !== null && typeof body === 'object' ? body : null;
  } catch {
    return null;
  }
}

/** Where a page goes when the server says its session has ended: the login page, which says so. */
export const SIGNED_OUT_PAGE = '/login?expired';

/**
 * The api of a page. `fetch`, `XMLHttpRequest` and `doc` are passed in so that node tests can give
 * fakes; pages use browserApi(). A 401 means the page's session has ended (signed out, expired, or the
 * account was disabled): `onSignedOut` is called, by default sending the window to the login page, and
 * the call still rejects, so that the page shows why until it is gone.
 */
export function createApi({ fetch, XMLHttpRequest, doc, onSignedOut = () => doc.location?.assign(SIGNED_OUT_PAGE) }) {
  const refused = (status, text) => {
    if (status === 401) {
      onSignedOut();
    }
    return new ApiError(status, parseProblem(text));
  };

  const send = async (url, { method = 'GET', body, accept = 'application/json' } = {}) => {
    const headers = { Accept: accept, ...csrfHeader(doc) };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    let response;
    try {
      response = await fetch(url, {
        method,
        credentials: 'same-origin',
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw unreachable();
    }
    const text = await response.text();
    if (!response.ok) {
      throw refused(response.status, text);
    }
    return text;
  };

  const json = async (url, options) => {
    const text = await send(url, options);
    return text ? JSON.parse(text) : null;
  };

  return {
    /** GET, resolving with the parsed body. */
    get: (url) => json(url),
    /** POST of `body` as JSON (none when undefined), resolving with the parsed body or null (204). */
    post: (url, body) => json(url, { method: 'POST', body }),
    /** PUT of `body` as JSON, resolving with the parsed body or null (204). */
    put: (url, body) => json(url, { method: 'PUT', body }),
    /** DELETE, resolving with the parsed body or null (204). */
    delete: (url) => json(url, { method: 'DELETE' }),
    /** GET of a body that is not JSON (NDJSON exports), as text. */
    text: (url) => send(url, { accept: '*/*' }),
    /**
     * POSTs a file as multipart part `file`. XMLHttpRequest because fetch cannot report upload progress:
     * onProgress(loaded, total) while sending, onSent() once the server has it all and is working.
     */
    upload(url, file, { onProgress = () => {}, onSent = () => {} } = {}) {
      return new Promise((resolve, reject) => {
        const xhr = new XMLHttpRequest();
        xhr.open('POST', url);
        for (const [name, value] of Object.entries({ Accept: 'application/json, application/problem+json', ...csrfHeader(doc) })) {
          xhr.setRequestHeader(name, value);
        }
        xhr.upload.addEventListener('progress', (event) => {
          if (event.lengthComputable) {
            onProgress(event.loaded, event.total);
          }
        });
        xhr.upload.addEventListener('load', () => onSent());
        xhr.addEventListener('load', () => {
          if (xhr.status >= 200 && xhr.status < 300) {
            resolve(xhr.responseText ? JSON.parse(xhr.responseText) : null);
          } else {
            reject(refused(xhr.status, xhr.responseText));
          }
        });
        xhr.addEventListener('error', () => reject(unreachable()));
        const data = new FormData();
        data.append('file', file);
        xhr.send(data);
      });
    },
  };
}

/** The api of the page running in this browser window. */
export function browserApi(win = globalThis) {
  return createApi({ fetch: win.fetch.bind(win), XMLHttpRequest: win.XMLHttpRequest, doc: win.document });
}
