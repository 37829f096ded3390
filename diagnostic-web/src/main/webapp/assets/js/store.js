// What the tablet keeps of an interview (localStorage), and the outbox that sends answers to the
// draft as they are given: kept on the device while the network is down, sent again when it
// returns. Sending is idempotent: each request sets answers to their values.

import {api, ApiError, isServerError, isTransient, retryDelay} from './api.js';

const PREFIX = 'repere:entretien:';

export function loadInterview(id) {
  try {
    return JSON.parse(localStorage.getItem(PREFIX + id));
  } catch (e) {
    return null;
  }
}

export function saveInterview(state) {
  localStorage.setItem(PREFIX + state.id, JSON.stringify(state));
}

export function forgetInterview(id) {
  localStorage.removeItem(PREFIX + id);
}

/** Interviews kept on this device, most recent first. */
export function interviewsOnDevice() {
  const found = [];
  for (let i = 0; i < localStorage.length; i++) {
    const key = localStorage.key(i);
    if (key && key.startsWith(PREFIX)) {
      const s = loadInterview(key.slice(PREFIX.length));
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
 * Sends pending answers, one request at a time. Status: 'saved', 'saving', 'offline', 'session'
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

  persist() {
    this.state.touchedAt = new Date().toISOString();
    saveInterview(this.state);
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
        this.onStatus('offline');
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
