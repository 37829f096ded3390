// What the tablet keeps of an interview (localStorage), and the outbox that sends answers to the
// draft as they are given: kept on the device while the network is down, sent again when it
// returns. Sending is idempotent: each request sets answers to their values.
//
// A tablet may be shared: each copy is kept under the id of the agent who answered (the session's
// agent id, never the e-mail), the device holds the copies of one agent at a time (the last one
// whose session it saw: another agent's login removes the others'), and a page reads or writes
// copies only for the agent of its session — or, offline, for the agent this very tab was last
// used by, within the session's idle limit. A logout removes everything (logout.js).

import {api, ApiError, isServerError, isTransient, isUnavailable, retryDelay} from './api.js';

const PREFIX = 'repere:entretien:';
/** localStorage: the agent whose copies this device holds. */
const OWNER = 'repere:appareil';
/** sessionStorage (this tab only): {agent, at}, the agent who last used the tab, and when. */
const TAB = 'repere:onglet';
/** The server session's idle limit (web.xml session-timeout): past it, the tab is nobody's. */
const IDLE_MS = 30 * 60 * 1000;

/** The agent whose copies this page reads and writes; null: none (the page shows no copy). */
let agent = null;

function keyOf(id) {
  return `${PREFIX}${encodeURIComponent(agent)}:${id}`;
}

function ownKey(key) {
  return agent !== null && key.startsWith(`${PREFIX}${encodeURIComponent(agent)}:`);
}

function repereKeys(storage) {
  const keys = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key && key.startsWith('repere:')) keys.push(key);
  }
  return keys;
}

function readTab() {
  try {
    return JSON.parse(sessionStorage.getItem(TAB));
  } catch (e) {
    return null;
  }
}

/** This tab is being used by the page's agent (a session check, an answer given). */
function touchTab() {
  if (agent !== null) sessionStorage.setItem(TAB, JSON.stringify({agent, at: Date.now()}));
}

/**
 * The server says who is logged in: the device and this tab are theirs. Another agent's copies
 * leave the device; what this tab kept for another agent (a case reference, the page to come back
 * to) leaves the tab. Returns whether the tab was last used by another agent.
 */
export function claimDevice(agentId) {
  agent = agentId;
  for (const key of repereKeys(localStorage)) {
    if (key.startsWith(PREFIX) && !ownKey(key)) localStorage.removeItem(key);
  }
  if (localStorage.getItem(OWNER) !== agentId) localStorage.setItem(OWNER, agentId);
  const tab = readTab();
  const otherAgent = !!(tab && tab.agent !== agentId);
  if (otherAgent) repereKeys(sessionStorage).forEach(key => sessionStorage.removeItem(key));
  touchTab();
  return otherAgent;
}

/**
 * Without network (no session check possible): the page may show this device's copies only if
 * this tab was used by their agent within the session's idle limit. Returns whether it may.
 */
export function resumeOffline() {
  const tab = readTab();
  const owner = localStorage.getItem(OWNER);
  if (!tab || tab.agent !== owner || !(Date.now() - tab.at < IDLE_MS)) return false;
  agent = owner;
  return true;
}

/** Whether this page acts for an agent (a session seen, or the tab's agent offline). */
export function deviceAgent() {
  return agent;
}

/** The device's owner changed in another tab (a logout, another agent's login): `then` is called. */
export function onDeviceChange(then) {
  window.addEventListener('storage', e => {
    if (agent !== null && (e.key === null || e.key === OWNER) && e.newValue !== agent) then();
  });
}

/**
 * A logout: every interview copy, the device's owner, and everything Repère put in this tab go.
 * The questionnaire (the same for everyone, nothing of a person) stays, for the next interview
 * without network.
 */
export function releaseDevice() {
  agent = null;
  for (const key of repereKeys(localStorage)) {
    if (!key.startsWith('repere:questionnaire:')) localStorage.removeItem(key);
  }
  repereKeys(sessionStorage).forEach(key => sessionStorage.removeItem(key));
}

export function loadInterview(id) {
  if (agent === null) return null;
  try {
    return JSON.parse(localStorage.getItem(keyOf(id)));
  } catch (e) {
    return null;
  }
}

/** Keeps the copy for the page's agent — and only while the device is still theirs (not logged out in another tab). */
export function saveInterview(state) {
  if (agent === null || localStorage.getItem(OWNER) !== agent) return;
  localStorage.setItem(keyOf(state.id), JSON.stringify(state));
}

export function forgetInterview(id) {
  if (agent !== null) localStorage.removeItem(keyOf(id));
}

/** The page's agent's interviews kept on this device, most recent first. */
export function interviewsOnDevice() {
  const found = [];
  for (const key of repereKeys(localStorage)) {
    if (ownKey(key)) {
      const s = loadInterview(key.slice(key.lastIndexOf(':') + 1));
      if (s && s.id) found.push(s);
    }
  }
  return found.sort((a, b) => (b.touchedAt || '').localeCompare(a.touchedAt || ''));
}

export function cacheQuestionnaire(q) {
  try {
    localStorage.setItem('repere:questionnaire:' + q.version, JSON.stringify(q));
  } catch (e) {
    // full storage: the questionnaire will be asked again
  }
}

export function cachedQuestionnaire(version) {
  try {
    return JSON.parse(localStorage.getItem('repere:questionnaire:' + version));
  } catch (e) {
    return null;
  }
}

function same(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Sends pending answers, one request at a time. Status: 'saved', 'saving', 'offline', 'unavailable', 'session'
 * (expired: log in again), 'refused' (with a message).
 */
export class Outbox {
  constructor(state, onStatus) {
    this.state = state;
    this.onStatus = onStatus;
    this.sending = false;
    this.again = false;
    this.retry = null;
    this.onOnline = () => this.flush();
    window.addEventListener('online', this.onOnline);
  }

  close() {
    window.removeEventListener('online', this.onOnline);
    clearTimeout(this.retry);
  }

  pendingCount() {
    return Object.keys(this.state.pending).length;
  }

  /** Records an answer (an array of option codes; empty clears it) and sends it. */
  set(question, codes) {
    if (codes && codes.length) {
      this.state.answers[question] = codes;
    } else {
      delete this.state.answers[question];
    }
    this.state.pending[question] = codes && codes.length ? codes : null;
    this.persist();
    this.flush();
  }

  /** Forgets answers that skip logic now hides (the server drops them too when it gets the parent). */
  drop(questions) {
    for (const q of questions) {
      delete this.state.answers[q];
      delete this.state.pending[q];
    }
    this.persist();
  }

  /** Keeps the state on the device: after an answer, a change of step or a save, so the tab is in use. */
  persist() {
    this.state.touchedAt = new Date().toISOString();
    saveInterview(this.state);
    touchTab();
  }

  /** Sends what is pending; resolves once nothing is pending or sending failed. */
  async flush() {
    clearTimeout(this.retry);
    if (this.sending) {
      this.again = true;
      return this.inFlight;
    }
    const batch = {...this.state.pending};
    if (!Object.keys(batch).length) {
      this.onStatus('saved');
      return;
    }
    this.sending = true;
    this.onStatus('saving');
    this.inFlight = this.send(batch);
    return this.inFlight;
  }

  async send(batch) {
    let next = false;
    try {
      const draft = await api('PATCH', `/api/v1/drafts/${this.state.id}`, {answers: batch});
      for (const [q, v] of Object.entries(batch)) {
        if (same(this.state.pending[q], v)) delete this.state.pending[q];
      }
      const answers = {...draft.answers};
      for (const [q, v] of Object.entries(this.state.pending)) {
        if (v === null) delete answers[q]; else answers[q] = v;
      }
      this.state.answers = answers;
      this.state.savedAt = new Date().toISOString();
      this.persist();
      next = this.pendingCount() > 0;
      if (!next) this.onStatus('saved');
    } catch (e) {
      if (isTransient(e)) {
        this.onStatus(isUnavailable(e) ? 'unavailable' : 'offline');
        this.retry = setTimeout(() => this.flush(), retryDelay(e, 3000));
      } else if (isServerError(e)) {
        this.onStatus('refused', e.message); // kept as pending: sent again with the next answer or when the network returns
      } else if (e instanceof ApiError && (e.status === 401 || e.status === 403)) {
        this.onStatus('session'); // the answers stay on the device until the worker logs in again
      } else if (e instanceof ApiError && e.status === 404) {
        this.onStatus('refused', "cet entretien n'existe plus sur le serveur (terminé ou abandonné).");
      } else {
        // refused by the server (e.g. an answer the questionnaire no longer allows): drop it, say so
        for (const q of Object.keys(batch)) delete this.state.pending[q];
        this.persist();
        this.onStatus('refused', e.message);
      }
    } finally {
      this.sending = false;
    }
    if (next || this.again) {
      this.again = false;
      return this.flush();
    }
  }
}
