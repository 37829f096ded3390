// Repère's service worker: the screens open even without network, so an interview in progress can
// be resumed from what the device kept (localStorage, for the agent who answered: store.js). Only
// the page, its style sheet and its modules are cached, never the API nor any personal data: a
// shared tablet's cache holds nothing of a person for the next agent. Network first: a new version reaches
// the tablet as soon as it is online.
const CACHE = 'repere-ecrans-5';
const SHELL = ['/index.html', '/assets/repere.css', '/assets/js/main.js', '/assets/js/api.js', '/assets/js/dom.js',
  '/assets/js/labels.js', '/assets/js/vocabulary.js', '/assets/js/store.js', '/assets/js/login.js', '/assets/js/logout.js', '/assets/js/start.js',
  '/assets/js/interview.js', '/assets/js/result.js', '/assets/js/host.js', '/assets/js/logiciels.js', '/assets/js/dossier.js', '/assets/js/nextsteps.js',
  '/assets/js/referrals.js', '/assets/js/mandates.js', '/assets/js/team.js', '/assets/js/directory.js',
  '/assets/js/statistiques.js', '/assets/js/caf.js'];

self.addEventListener('install', event => {
  event.waitUntil(caches.open(CACHE).then(cache => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', event => {
  event.waitUntil(caches.keys()
    .then(keys => Promise.all(keys.filter(k => k !== CACHE).map(k => caches.delete(k))))
    .then(() => self.clients.claim()));
});

/** The screens' addresses (UiRoutes): each one is the same page. */
function isScreen(path) {
  return path === '/' || path === '/index.html' || path === '/connexion' || path === '/dossier' || path === '/equipe'
    || path === '/annuaire'
    || /^\/(diagnostic|entretien|resultat)\//.test(path);
}

function keep(key, response) {
  if (response.ok) {
    const copy = response.clone();
    caches.open(CACHE).then(cache => cache.put(key, copy));
  }
  return response;
}

self.addEventListener('fetch', event => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || url.pathname.startsWith('/api/')) {
    return; // the API always goes to the network: the page handles its absence
  }
  if (request.mode === 'navigate' && isScreen(url.pathname)) {
    // every screen is the same page: keep the latest copy, serve it when the network is down
    event.respondWith(fetch(request).then(r => keep('/index.html', r)).catch(() => caches.match('/index.html')));
  } else if (url.pathname.startsWith('/assets/')) {
    event.respondWith(fetch(request).then(r => keep(request, r)).catch(() => caches.match(request)));
  }
});
