// The API client: tokens kept in sessionStorage (gone with the tab), refreshed shortly before they expire or once
// after a 401. A refresh token works once, so concurrent callers share one refresh in flight.

const STORAGE_KEY = 'app.session';
const REFRESH_MARGIN_MS = 30_000;

let session = load();
let refreshing = null;
const listeners = new Set();

function load() {
  try {
    return JSON.parse(sessionStorage.getItem(STORAGE_KEY));
  } catch {
    return null;
  }
}

function store(tokens) {
  session = tokens && {
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    expiresAt: Date.now() + tokens.expiresIn * 1000,
  };
  if (session) {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
  } else {
    sessionStorage.removeItem(STORAGE_KEY);
  }
  listeners.forEach(listener => listener(session));
}

/** An error answered by the API: its status and Problem Details. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }

  /** The problem's detail plus each invalid field, for showing to the user. */
  describe() {
    const fields = (this.problem?.errors || []).map(error => `${error.field}: ${error.message}`);
    return [this.message, ...fields].join(' ');
  }
}

export function signedIn() {
  return session !== null;
}

export function onSessionChange(listener) {
  listeners.add(listener);
}

export function signOut() {
  store(null);
}

export async function logIn(email, password) {
  store(await request('POST', '/api/v1/users/login', { email, password }, false));
}

export async function signUp(displayName, email, password) {
  await request('POST', '/api/v1/users', { displayName, email, password }, false);
  await logIn(email, password);
}

/** A valid access token, refreshed first when it is about to expire. */
export async function accessToken() {
  if (!session) {
    throw new ApiError(401, { title: 'Signed out', detail: 'Please log in.' });
  }
  if (Date.now() > session.expiresAt - REFRESH_MARGIN_MS) {
    await refresh();
  }
  return session.accessToken;
}

async function refresh() {
  if (!refreshing) {
    const refreshToken = session?.refreshToken;
    refreshing = request('POST', '/api/v1/users/token/refresh', { refreshToken }, false)
      .then(store, error => {
        store(null);
        throw error;
      })
      .finally(() => { refreshing = null; });
  }
  return refreshing;
}

/** Calls the API as the signed-in user; answers the parsed JSON body (null when there is none). */
export async function api(method, path, body, headers = {}) {
  try {
    return await request(method, path, body, true, headers);
  } catch (error) {
    if (error.status === 401 && session) {
      await refresh();
      return request(method, path, body, true, headers);
    }
    throw error;
  }
}

/** Like api, but answers the whole response ({status, headers, body}) and never throws for 404. */
export async function apiResponse(method, path, body, headers = {}) {
  try {
    const answer = await send(method, path, body, true, headers);
    return answer;
  } catch (error) {
    if (error.status === 404) {
      return { status: 404, headers: new Headers(), body: error.problem };
    }
    throw error;
  }
}

async function request(method, path, body, authenticated, headers = {}) {
  return (await send(method, path, body, authenticated, headers)).body;
}

async function send(method, path, body, authenticated, headers) {
  const all = { Accept: 'application/json, application/problem+json', ...headers };
  if (body !== undefined) {
    all['Content-Type'] = 'application/json';
  }
  if (authenticated) {
    all.Authorization = `Bearer ${await accessToken()}`;
  }
  const response = await fetch(path, {
    method,
    headers: all,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = { detail: text };
    }
  }
  if (!response.ok) {
    throw new ApiError(response.status, parsed);
  }
  return { status: response.status, headers: response.headers, body: parsed };
}
