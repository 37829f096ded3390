// The team lead's view: unmet needs by service and territory, referrals waiting, refused and expired,
// overrides of the rule base, mandates expiring soon, counts per worker. Tables, each figure linking to
// its list of dossiers (own team only; the server journals each dossier shown).

import {api} from './api.js';
import {dateTime, errorBox, focus, h, show} from './dom.js';
import {problemText} from './referrals.js';
import {DELAYS} from './vocabulary.js';

/** The drill-downs: the screen's name for each list (in the address), its API, its title, its columns. */
const LISTS = {
  'sans-reponse': {api: () => '/api/v1/team/referrals/waiting', title: `Orientations sans réponse depuis plus de ${DELAYS.referralReminderDays} jours`, rows: referralRows},
  refusees: {api: q => `/api/v1/team/referrals/refused?days=${q.days}`, title: 'Orientations refusées', rows: referralRows},
  expirees: {api: q => `/api/v1/team/referrals/expired?days=${q.days}`, title: 'Orientations expirées', rows: referralRows},
  modifiees: {api: q => `/api/v1/team/overrides?days=${q.days}`, title: 'Orientations proposées modifiées par le travailleur social', rows: overrideRows},
  mandats: {api: () => '/api/v1/team/mandates/expiring', title: `Mandats qui expirent dans les ${DELAYS.mandateNoticeDays} jours`, rows: mandateRows},
  travailleur: {api: q => `/api/v1/team/workers/${encodeURIComponent(q.agent)}/referrals?days=${q.days}`,
    title: 'Orientations faites par un travailleur social', rows: referralRows},
};

const FIGURE_LIST = {
  referralsWaiting: 'sans-reponse', referralsRefused: 'refusees', referralsExpired: 'expirees', overrides: 'modifiees',
  mandatesExpiringSoon: 'mandats',
};

export async function teamPage() {
  const q = Object.fromEntries(new URLSearchParams(location.search));
  q.days = /^\d{1,3}$/.test(q.days || '') ? q.days : '90';
  if (q.liste === 'besoins') return unmetList(q);
  if (LISTS[q.liste]) return drillDown(q);
  show("Tableau de l'équipe", h('h1', {}, "Tableau de l'équipe"), h('p', {}, 'Chargement…'));
  let board;
  let unmet;
  try {
    [board, unmet] = await Promise.all([api('GET', `/api/v1/team/dashboard?days=${q.days}`), api('GET', '/api/v1/team/unmet-needs')]);
  } catch (e) {
    show("Tableau de l'équipe", h('h1', {}, "Tableau de l'équipe"), errorBox(problemText(e, 'le tableau ne peut pas être affiché')));
    return;
  }
  const link = (list, count, label, extra = '') => h('a', {href: `/equipe?liste=${list}&days=${q.days}${extra}`},
    String(count), h('span', {class: 'visuellement-cache'}, ` : voir les dossiers (${label})`));
  show("Tableau de l'équipe",
    h('h1', {}, "Tableau de l'équipe"),
    h('p', {class: 'chapo'}, `Les ${board.days} derniers jours, au ${dateTime(board.asOf)}. Chaque chiffre mène à la liste des dossiers de votre équipe.`),
    periodForm(q.days),
    h('section', {'aria-labelledby': 'suivi-titre'},
      h('h2', {id: 'suivi-titre'}, 'Suivi des orientations et des mandats'),
      table('Suivi des orientations et des mandats', ['Ce qui est compté', 'Nombre'],
        Object.entries(FIGURE_LIST).map(([field, list]) => [board[field].label, link(list, board[field].count, board[field].label)]))),
    h('section', {'aria-labelledby': 'besoins-titre'},
      h('h2', {id: 'besoins-titre'}, 'Besoins non couverts'),
      h('p', {}, unmet.total ? `${unmet.total} besoin(s) pour lesquels aucun lieu n'a été trouvé près de la personne.`
        : "Aucun besoin non couvert : un lieu a été trouvé pour chaque besoin."),
      unmet.byService.length ? table('Besoins non couverts par service', ['Service', 'Nombre'],
        unmet.byService.map(s => [s.serviceLabel, link('besoins', s.count, s.serviceLabel, `&service=${s.service}`)])) : null,
      unmet.groups.length ? table('Besoins non couverts par service et par territoire',
        ['Service', 'Commune', 'Intercommunalité', 'Département', 'Nombre', 'Dernier'],
        unmet.groups.map(g => [serviceText(g), g.commune.nom, g.epci?.nom || '—', `${g.departement.nom} (${g.departement.code})`,
          link('besoins', g.count, `${g.serviceLabel}, ${g.commune.nom}`, `&service=${g.service}&commune=${g.commune.code}`),
          dateTime(g.lastRecordedAt)])) : null),
    h('section', {'aria-labelledby': 'travailleurs-titre'},
      h('h2', {id: 'travailleurs-titre'}, 'Par travailleur social'),
      board.workers.length ? table('Orientations et mandats par travailleur social',
        ['Travailleur social', 'Orientations', 'Ouvertes', 'Sans réponse > 10 j', 'Validées', 'Refusées', 'Expirées', 'Réalisées', 'Mandats'],
        board.workers.map(w => [w.displayName, link('travailleur', w.referrals, `orientations de ${w.displayName}`, `&agent=${encodeURIComponent(w.agentId)}`),
          w.open, w.waiting, w.accepted, w.refused, w.expired, w.completed, w.mandates]))
        : h('p', {}, 'Aucune orientation ni aucun mandat sur la période.')));
}

function periodForm(days) {
  const select = h('select', {id: 'periode', name: 'days'},
    [['30', '30 derniers jours'], ['90', '90 derniers jours'], ['365', '12 derniers mois']].map(([v, l]) => h('option', {value: v, selected: v === days}, l)));
  return h('form', {class: 'recherche', method: 'get', action: '/equipe'},
    h('div', {class: 'champ'}, h('label', {for: 'periode'}, 'Période'), select),
    h('button', {type: 'submit', class: 'bouton bouton--secondaire'}, 'Afficher'));
}

/** A data table, scrollable on its own when narrower than its columns (the page itself reflows). */
export function table(caption, headers, rows) {
  return h('div', {class: 'tableau', role: 'region', 'aria-label': caption, tabindex: '0'},
    h('table', {},
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, headers.map(t => h('th', {scope: 'col'}, t)))),
      h('tbody', {}, rows.map(r => h('tr', {}, r.map((c, i) => i === 0 ? h('th', {scope: 'row'}, c) : h('td', {}, c ?? '—')))))));
}

function serviceText(g) {
  return g.priseEnCharge.length ? `${g.serviceLabel} (${g.priseEnCharge.join(', ')})` : g.serviceLabel;
}

function back(days) {
  return h('p', {}, h('a', {href: `/equipe?days=${days}`}, "Retour au tableau de l'équipe"));
}

async function drillDown(q) {
  const list = LISTS[q.liste];
  const offset = /^\d+$/.test(q.offset || '') ? Number(q.offset) : 0;
  let page;
  try {
    page = await api('GET', list.api(q) + (list.api(q).includes('?') ? '&' : '?') + `offset=${offset}`);
  } catch (e) {
    show(list.title, h('h1', {}, list.title), back(q.days), errorBox(problemText(e, 'la liste ne peut pas être affichée')));
    return;
  }
  const [headers, rows] = list.rows(page.items);
  const title = q.liste === 'travailleur' && page.items[0] ? `Orientations faites par ${page.items[0].agentName}` : list.title;
  const pageLink = (o, text) => h('a', {href: `/equipe?${new URLSearchParams({...q, offset: String(o)})}`}, text);
  show(title, h('h1', {}, title), back(q.days),
    page.items.length ? table(`${title} : dossiers de votre équipe`, headers, rows) : h('p', {}, 'Aucun dossier.'),
    h('p', {class: 'pagination'}, offset > 0 ? pageLink(Math.max(0, offset - page.limit), 'Page précédente') : null,
      offset > 0 && page.more ? ' ' : null, page.more ? pageLink(offset + page.limit, 'Page suivante') : null));
  focus(document.querySelector('h1'));
}

const dossier = (caseRef, diagnosticId) => diagnosticId ? h('a', {href: `/resultat/${diagnosticId}`}, caseRef || 'Dossier anonymisé') : (caseRef || '—');

function referralRows(items) {
  return [['Dossier', 'Lieu', 'Service', 'Statut', 'Orientation du', 'Jours sans réponse', 'Motif', 'Travailleur social'],
    items.map(r => [dossier(r.caseRef, r.diagnosticId), `${r.placeNom} (${r.placeCommune})`, r.service, r.statusLabel,
      dateTime(r.createdAt), r.status === 'OPEN' ? String(r.daysWithoutAnswer) : '—', r.reason, r.agentName])];
}

function overrideRows(items) {
  return [['Dossier', 'Proposé par les règles', 'Retenu', 'Raison', 'Décidé le'],
    items.map(o => [dossier(o.caseRef, o.diagnosticId), o.proposed, o.decided, o.reason, dateTime(o.decidedAt)])];
}

function mandateRows(items) {
  return [['Dossier', 'Durée', 'Signé le', 'Expire le', 'Jours restants', 'Démarches en vigueur'],
    items.map(m => [dossier(m.caseRef, m.diagnosticId), m.durationLabel, dateTime(m.signedAt), dateTime(m.expiresAt),
      String(m.daysLeft), m.categoriesInForce.join(', ')])];
}

/** The unmet needs of one service (and commune), with the diagnostics concerned. */
async function unmetList(q) {
  const title = 'Besoins non couverts';
  let unmet;
  try {
    unmet = await api('GET', '/api/v1/team/unmet-needs');
  } catch (e) {
    show(title, h('h1', {}, title), back(q.days), errorBox(problemText(e, 'la liste ne peut pas être affichée')));
    return;
  }
  const groups = unmet.groups.filter(g => (!q.service || g.service === q.service) && (!q.commune || g.commune.code === q.commune));
  const heading = groups[0] ? `${title} : ${groups[0].serviceLabel}` : title;
  show(heading, h('h1', {}, heading), back(q.days),
    groups.length ? table(`${heading} : dossiers de votre équipe`, ['Besoin', 'Commune de la personne', 'Département', 'Nombre', 'Diagnostics'],
      groups.map(g => [serviceText(g), g.commune.nom, `${g.departement.nom} (${g.departement.code})`, String(g.count),
        h('ul', {class: 'liste-simple'}, g.diagnostics.map((id, i) => h('li', {}, h('a', {href: `/resultat/${id}`}, `Diagnostic ${i + 1}`,
          h('span', {class: 'visuellement-cache'}, ` (${g.commune.nom})`)))))]))
      : h('p', {}, 'Aucun besoin non couvert.'));
  focus(document.querySelector('h1'));
}
