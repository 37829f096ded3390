// « Se déconnecter » on a tablet that the next agent will use: the answers still waiting on the
// device are sent first; if some cannot leave, the agent is told before they are erased. Then the
// device forgets everything of the agent's interviews and the session ends. A logout made without
// network cannot end the session on the server: the device remembers to end it (that session
// only) as soon as a page of Repère reaches the server again.

import {api, ApiError, setCsrf} from './api.js';
import {focus, h, show, time} from './dom.js';
import {interviewsOnDevice, loadInterview, releaseDevice, saveInterview} from './store.js';

/**
 * localStorage: the start of the anti-CSRF token of a session to end once the server is reachable,
 * to recognise that very session (not a later one of the same agent). Nothing of a person.
 */
const TO_END = 'repere:deconnexion-a-finir';

function same(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Sends the answers waiting on the device; returns the interviews whose answers could not leave. */
async function sendWhatWaits() {
  const left = [];
  for (const state of interviewsOnDevice()) {
    const batch = {...(state.pending || {})};
    const count = Object.keys(batch).length;
    if (!count) continue;
    try {
      await api('PATCH', `/api/v1/drafts/${state.id}`, {answers: batch});
      const now = loadInterview(state.id) || state;
      for (const [q, v] of Object.entries(batch)) {
        if (same(now.pending?.[q], v)) delete now.pending[q];
      }
      saveInterview(now);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) continue; // the interview is over: nothing to send to
      left.push({id: state.id, caseRef: state.caseRef, count});
    }
  }
  return left;
}

async function end(session) {
  releaseDevice();
  try {
    await api('DELETE', '/api/v1/session');
  } catch (e) {
    if (!(e instanceof ApiError && e.status === 401) && session?.csrfToken) {
      localStorage.setItem(TO_END, session.csrfToken.slice(0, 12));
    }
  }
  location.assign('/connexion');
}

function unsentList(left) {
  return left.map(x => h('li', {},
    h('a', {href: `/entretien/${x.id}`}, `Dossier ${x.caseRef || 'sans référence'}`),
    x.count === 1 ? ' : 1 réponse non envoyée' : ` : ${x.count} réponses non envoyées`));
}

/** The menu's « Se déconnecter »: `session` is the page's session (null when unknown). */
export async function logOut(session) {
  const left = await sendWhatWaits();
  if (!left.length) return end(session);
  const list = h('ul', {class: 'liste'}, unsentList(left));
  const said = h('p', {class: 'etat etat--hors', role: 'status'});
  const retry = async () => {
    said.replaceChildren('Envoi en cours…');
    const still = await sendWhatWaits();
    if (!still.length) return end(session);
    list.replaceChildren(...unsentList(still));
    said.replaceChildren(`Nouvel essai à ${time()} : les réponses n'ont toujours pas pu être envoyées.`);
  };
  const heading = h('h1', {}, 'Des réponses ne sont pas encore envoyées');
  show('Réponses non envoyées', heading,
    h('div', {class: 'alerte alerte--info'},
      h('p', {}, "Ces réponses sont seulement sur cet appareil : elles n'ont pas pu être envoyées au serveur "
        + '(pas de réseau, ou session expirée).'),
      list),
    h('p', {}, h('strong', {}, 'Si vous vous déconnectez maintenant, elles seront effacées de cet appareil et perdues : '
      + 'une tablette partagée ne garde rien pour la personne suivante.')),
    h('p', {}, 'Quand le réseau revient, réessayez : les réponses partent, puis la déconnexion se fait. '
      + "Vous pouvez aussi revenir à l'entretien."),
    said,
    h('div', {class: 'navigation'},
      h('button', {type: 'button', class: 'bouton', onclick: retry}, "Réessayer l'envoi puis se déconnecter"),
      h('button', {type: 'button', class: 'bouton bouton--danger', onclick: () => end(session)}, 'Se déconnecter et effacer ces réponses')));
  focus(heading);
}

/** At every page's start: ends the session a logout without network left open, if it is still the one. */
export async function finishPendingLogout() {
  const token = localStorage.getItem(TO_END);
  if (!token) return;
  try {
    const session = await api('GET', '/api/v1/session');
    if (session.csrfToken.startsWith(token)) {
      setCsrf(session.csrfToken);
      await api('DELETE', '/api/v1/session');
    }
    localStorage.removeItem(TO_END); // ended now, or a newer session that is not to end
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) localStorage.removeItem(TO_END); // already over
  }
}
