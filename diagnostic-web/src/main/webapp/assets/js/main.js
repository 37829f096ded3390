// Repère's screens: the address says which one; the session is checked first.

import {api, ApiError, setCsrf} from './api.js';
import {h, show} from './dom.js';
import {loginPage} from './login.js';
import {startPage} from './start.js';
import {interviewPage} from './interview.js';
import {resultPage} from './result.js';
import {dossierPage} from './dossier.js';
import {teamPage} from './team.js';
import {directoryPage} from './directory.js';
import {statistiquesPage} from './statistiques.js';
import {logicielsPage} from './logiciels.js';
import {claimDevice, onDeviceChange, resumeOffline} from './store.js';
import {finishPendingLogout, logOut} from './logout.js';
import {setHost} from './host.js';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

function route(path) {
  let m;
  if (path === '/connexion') return {page: 'login'};
  if (path === '/' || path === '/diagnostic/nouveau') return {page: 'start'};
  if ((m = path.match(new RegExp(`^/entretien/(${UUID})$`)))) return {page: 'interview', id: m[1]};
  if ((m = path.match(new RegExp(`^/resultat/(${UUID})$`)))) return {page: 'result', id: m[1]};
  if (path === '/dossier') return {page: 'dossier'};
  if (path === '/equipe') return {page: 'team', roles: ['TEAM_LEAD']};
  if (path === '/annuaire') return {page: 'directory', roles: ['ADMIN']};
  if (path === '/logiciels') return {page: 'hosts', roles: ['ADMIN']};
  if (path === '/statistiques') return {page: 'statistics', roles: ['ANALYST']};
  return {page: 'unknown'};
}

async function session() {
  try {
    return await api('GET', '/api/v1/session');
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}

/** Where each role starts: the screens it may use. */
const HOME = {ADMIN: '/annuaire', ANALYST: '/statistiques'};

function showMenu(s) {
  const menu = document.getElementById('menu');
  menu.hidden = !s;
  // each role sees only the screens it may use (the API refuses the others anyway)
  menu.querySelectorAll('[data-roles]').forEach(item => {
    item.hidden = !s || !item.dataset.roles.split(' ').includes(s.role);
  });
  menu.querySelectorAll('a').forEach(a => {
    if (a.getAttribute('href') === location.pathname) a.setAttribute('aria-current', 'page');
  });
  document.getElementById('deconnexion').onclick = () => logOut(s);
}

/** Offline, in a tab no agent used lately: the device's copies are not shown to whoever holds the tablet. */
function unknownAgent() {
  show('Entretien', h('h1', {}, 'Entretien'),
    h('div', {class: 'alerte alerte--info'},
      h('p', {}, "Pas de connexion au serveur, et cet onglet n'est ouvert au nom d'aucun agent : les réponses gardées "
        + "sur cet appareil ne s'affichent qu'à l'agent qui les a saisies, connecté."),
      h('p', {}, "Quand le réseau revient, rechargez la page et connectez-vous pour reprendre l'entretien.")));
}

async function start() {
  // The launch URL of the host software carries the case reference: keep it for this tab only and
  // take it out of the address bar (and of the browser history).
  const params = new URLSearchParams(location.search);
  if (location.pathname === '/diagnostic/nouveau' && params.has('case')) {
    sessionStorage.setItem('repere:lancement', params.get('case'));
    history.replaceState(null, '', '/diagnostic/nouveau');
  }
  const r = route(location.pathname);
  await finishPendingLogout();
  let s;
  try {
    s = await session();
  } catch (e) {
    s = undefined; // unreachable: the interview screen can still work from what the device kept
  }
  if (s) {
    setCsrf(s.csrfToken);
    setHost(s.hostOrigin);
    claimDevice(s.agent); // another agent's copies leave the device
  }
  showMenu(s);
  if (r.page === 'login') return loginPage();
  if (s === null) {
    sessionStorage.setItem('repere:apres-connexion', location.pathname);
    location.replace('/connexion');
    return;
  }
  if (r.page === 'interview') {
    // unreachable, it works from what the device kept for the agent this tab is used by — and only then
    if (s === undefined && !resumeOffline()) return unknownAgent();
    return interviewPage(r.id);
  }
  if (s === undefined) {
    show('Pas de connexion', h('h1', {}, 'Pas de connexion'),
      h('p', {}, "Repère ne répond pas : vérifiez le réseau, puis rechargez la page. Un entretien en cours reste gardé sur cet appareil."));
    return;
  }
  if (r.roles && !r.roles.includes(s.role)) {
    show('Accès réservé', h('h1', {}, 'Accès réservé'),
      h('p', {}, "Cette page est réservée à un autre rôle que le vôtre. Utilisez le menu pour aller aux pages qui vous concernent."));
    return;
  }
  if (r.page === 'start' && HOME[s.role]) return location.replace(HOME[s.role]);
  if (r.page === 'start') return startPage(s);
  if (r.page === 'result') return resultPage(r.id);
  if (r.page === 'dossier') return dossierPage();
  if (r.page === 'team') return teamPage();
  if (r.page === 'directory') return directoryPage();
  if (r.page === 'hosts') return logicielsPage();
  if (r.page === 'statistics') return statistiquesPage();
  show('Page introuvable', h('h1', {}, 'Page introuvable'),
    h('p', {}, "Cette adresse ne correspond à aucune page de Repère. "), h('p', {}, h('a', {href: '/diagnostic/nouveau'}, 'Commencer un nouveau diagnostic')));
}

start();
// logged out, or another agent logged in, in another tab: this page shows the screen again for whoever it is now
onDeviceChange(() => location.reload());

// Without network, the screens still open from the tablet's copy (HTTPS or localhost only).
if ('serviceWorker' in navigator && window.isSecureContext) {
  navigator.serviceWorker.register('/sw.js').catch(() => {});
}
