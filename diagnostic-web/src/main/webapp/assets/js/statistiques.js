// The analyst's dashboard: the department statistics by fixed breakdowns, each table drawn as a
// bar chart (SVG, presentation attributes only: the CSP forbids style attributes) with the data
// table right behind it, and exports prepared in the background with their progress.

import {api, ApiError, NetworkError} from './api.js';
import {errorBox, focus, h, show} from './dom.js';

const BREAKDOWNS = [
  {value: 'departement-annee', label: "Le département sur l'année"},
  {value: 'departement-trimestre', label: 'Le département par trimestre'},
  {value: 'departement-mois', label: 'Le département par mois'},
  {value: 'epci-annee', label: "Les EPCI sur l'année"},
  {value: 'commune-annee', label: "Les communes sur l'année"},
];
const SVG = 'http://www.w3.org/2000/svg';

export function statistiquesPage() {
  const year = new Date().getFullYear();
  const years = [year, year - 1, year - 2, year - 3];
  const out = h('div', {'aria-live': 'polite'});
  const exportsZone = h('div', {});
  const yearSelect = h('select', {id: 'stat-annee', name: 'annee'}, years.map(y => h('option', {value: y}, String(y))));
  const breakdownSelect = h('select', {id: 'stat-decoupage', name: 'decoupage'},
    BREAKDOWNS.map(b => h('option', {value: b.value}, b.label)));
  const departementSelect = h('select', {id: 'stat-departement', name: 'departement'});
  const departementField = h('div', {class: 'champ', hidden: true},
    h('label', {for: 'stat-departement'}, 'Département'), departementSelect);
  const form = h('form', {class: 'recherche', novalidate: true},
    h('div', {class: 'champ'}, h('label', {for: 'stat-annee'}, 'Année'), yearSelect),
    h('div', {class: 'champ'}, h('label', {for: 'stat-decoupage'}, 'Découpage'), breakdownSelect),
    departementField,
    h('button', {type: 'submit', class: 'bouton'}, 'Afficher'));

  function query() {
    const [territoire, periode] = breakdownSelect.value.split('-');
    const q = {territoire, periode, annee: yearSelect.value};
    if (!departementField.hidden && departementSelect.value) q.departement = departementSelect.value;
    return q;
  }

  async function load(moveFocus) {
    const q = query();
    const params = new URLSearchParams(q);
    try {
      const publication = await api('GET', `/api/v1/statistics?${params}`);
      if (publication.departements.length > 1 && departementField.hidden) {
        departementSelect.replaceChildren(...publication.departements.map(d => h('option', {value: d}, d)));
        departementSelect.value = publication.departementCode;
        departementField.hidden = false;
      }
      out.replaceChildren(render(publication));
      exportsZone.replaceChildren(exportButtons(q));
    } catch (e) {
      out.replaceChildren(errorBox(e instanceof NetworkError ? 'Pas de connexion : réessayez quand le réseau revient.'
        : e instanceof ApiError && e.status === 404 ? e.message : e.message));
      exportsZone.replaceChildren();
    }
    if (moveFocus) focus(out.querySelector('h2'));
  }

  form.addEventListener('submit', event => {
    event.preventDefault();
    load(true);
  });
  show('Statistiques', h('h1', {}, 'Statistiques du département'),
    h('p', {class: 'chapo'}, 'Les diagnostics de votre organisation, comptés sans jamais désigner personne.'),
    form, exportsZone, out);
  load(false);
}

function render(p) {
  return h('div', {},
    h('h2', {id: 'stat-titre'}, `${p.departement}, ${p.methodologie.periode}`),
    legend(p),
    p.tableaux.map((t, i) => tableSection(t, i)));
}

function legend(p) {
  return h('div', {class: 'carte'},
    h('h3', {}, 'Lire les chiffres masqués'),
    h('dl', {}, Object.entries(p.legende).map(([mark, text]) => [h('dt', {}, `« ${mark} »`), h('dd', {}, text)])),
    h('p', {}, `Un chiffre masqué ne vaut pas zéro. Seuil : ${p.seuil} personnes.`));
}

function tableSection(t, i) {
  const id = `tableau-${i}`;
  return h('section', {class: 'carte', 'aria-labelledby': `${id}-titre`},
    h('h3', {id: `${id}-titre`}, t.titre),
    h('p', {}, t.definition),
    chart(t, id),
    dataTable(t, id));
}

/** The total line of the table as horizontal bars; the table below gives every figure. */
function chart(t, id) {
  const values = t.total.valeurs;
  const numbers = values.filter(v => typeof v === 'number');
  const max = Math.max(1, ...numbers);
  const rowHeight = 28;
  const labelWidth = 260;
  const barWidth = 360;
  const height = rowHeight * t.colonnes.length + 8;
  const summary = t.colonnes.map((c, k) => `${c.libelle} : ${shown(values[k])}`).join(' ; ');
  const svg = document.createElementNS(SVG, 'svg');
  attrs(svg, {viewBox: `0 0 ${labelWidth + barWidth + 80} ${height}`, role: 'img', 'aria-labelledby': `${id}-graphique`,
    class: 'graphique', width: '100%'});
  const title = document.createElementNS(SVG, 'title');
  title.setAttribute('id', `${id}-graphique`);
  title.textContent = `${t.titre}, total : ${summary}`;
  svg.append(title);
  t.colonnes.forEach((c, k) => {
    const y = 4 + k * rowHeight;
    svg.append(text(c.libelle.length > 38 ? `${c.libelle.slice(0, 37)}…` : c.libelle, 0, y + 18, 'start'));
    const v = values[k];
    if (typeof v === 'number') {
      const w = Math.round(barWidth * v / max);
      const rect = document.createElementNS(SVG, 'rect');
      attrs(rect, {x: labelWidth, y: y + 4, width: Math.max(w, v > 0 ? 2 : 0), height: rowHeight - 10, fill: '#000091'});
      svg.append(rect, text(String(v), labelWidth + w + 6, y + 18, 'start'));
    } else {
      svg.append(text(String(v), labelWidth + 6, y + 18, 'start'));
    }
  });
  return h('figure', {class: 'figure-statistique'}, svg,
    h('figcaption', {}, `${t.titre} : total de l'année par catégorie (le tableau ci-dessous donne tous les chiffres).`));
}

function text(content, x, y, anchor) {
  const el = document.createElementNS(SVG, 'text');
  attrs(el, {x, y, 'text-anchor': anchor, fill: '#1e1e1e', 'font-size': 14});
  el.textContent = content;
  return el;
}

function attrs(el, values) {
  for (const [k, v] of Object.entries(values)) el.setAttribute(k, String(v));
}

function shown(v) {
  return typeof v === 'number' ? v.toLocaleString('fr-FR') : v;
}

function dataTable(t, id) {
  const line = (l, total) => h('tr', {class: total ? 'ligne-total' : null},
    h('th', {scope: 'row'}, total ? 'Total' : l.libelle),
    l.valeurs.map(v => h('td', {}, shown(v))),
    h('td', {}, shown(l.total)));
  return h('div', {class: 'tableau-defilant', tabindex: '0', role: 'region', 'aria-labelledby': `${id}-legende`},
    h('table', {},
      h('caption', {id: `${id}-legende`}, `${t.titre} — chiffres`),
      h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, t.enTeteLignes), t.colonnes.map(c => h('th', {scope: 'col'}, c.libelle)),
        h('th', {scope: 'col'}, 'Total'))),
      h('tbody', {}, t.lignes.map(l => line(l, false)), line(t.total, true))));
}

function exportButtons(q) {
  const status = h('div', {role: 'status'});
  const button = (format, label) => h('button', {type: 'button', class: 'bouton', onclick: () => startExport(format, q, status)}, label);
  return h('div', {class: 'carte'},
    h('h2', {}, 'Exporter ces chiffres'),
    h('p', {}, 'Un classeur XLSX (avec une feuille « Méthodologie ») ou des fichiers CSV réunis dans un zip. '
      + 'Le fichier se télécharge une seule fois.'),
    h('p', {}, button('XLSX', 'Exporter en XLSX'), ' ', button('CSV', 'Exporter en CSV')),
    status);
}

async function startExport(format, q, status) {
  const bar = h('progress', {max: 100, value: 0, id: 'export-progression'});
  const label = h('label', {for: 'export-progression'}, 'Préparation de l’export : 0 %');
  status.replaceChildren(label, ' ', bar);
  try {
    let job = await api('POST', '/api/v1/statistics/exports', {format, ...q, annee: Number(q.annee)});
    while (job.etat === 'EN_COURS') {
      await new Promise(resolve => setTimeout(resolve, 500));
      job = await api('GET', `/api/v1/statistics/exports/${job.id}`);
      bar.value = job.progression;
      label.textContent = `Préparation de l’export : ${job.progression} %`;
    }
    if (job.etat === 'PRET') {
      status.replaceChildren(h('p', {}, 'L’export est prêt : ',
        h('a', {href: job.fichier, download: job.nomFichier}, `télécharger ${job.nomFichier}`), '.'));
    } else {
      status.replaceChildren(errorBox('L’export n’a pas pu être préparé : réessayez.'));
    }
  } catch (e) {
    status.replaceChildren(errorBox(e instanceof NetworkError ? 'Pas de connexion : réessayez quand le réseau revient.' : e.message));
  }
}
