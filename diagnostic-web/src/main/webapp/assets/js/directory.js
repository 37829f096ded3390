// The administrator imports the directory of places (national "lieux de médiation numérique" CSV):
// the upload's progress, then the import's, then the line-by-line report in French; when some lines
// are wrong nothing is imported, and the administrator may choose to import the valid lines.

import {api, ApiError, upload} from './api.js';
import {dateTime, errorBox, focus, h, show} from './dom.js';
import {problemText} from './referrals.js';
import {table} from './team.js';

const POLL_MS = 1000;

export function directoryPage() {
  const file = h('input', {type: 'file', id: 'fichier', name: 'fichier', accept: '.csv,text/csv', 'aria-describedby': 'fichier-aide'});
  const validLines = h('input', {type: 'checkbox', id: 'lignes-valides', name: 'importValidLines'});
  const messages = h('div');
  const progress = h('div', {id: 'progression'});
  const report = h('div', {id: 'rapport'});
  const button = h('button', {type: 'submit', class: 'bouton'}, 'Importer le fichier');
  const form = h('form', {novalidate: true, class: 'carte'},
    messages,
    h('div', {class: 'champ'}, h('label', {for: 'fichier'}, 'Fichier des lieux (CSV au format national)'),
      h('p', {class: 'aide', id: 'fichier-aide'}, "Le format national des lieux de médiation numérique, encodé en UTF-8 ou Latin-1, séparé par des virgules ou des points-virgules. Un lieu déjà présent (même « id ») est mis à jour : importer deux fois le même fichier ne crée pas de doublon."),
      file),
    h('div', {class: 'champ champ--case'}, h('label', {class: 'choix', for: 'lignes-valides'}, validLines,
      h('span', {}, "Importer les lignes valides même si d'autres sont en erreur"))),
    button);

  const run = async (chosen, withValidLines) => {
    messages.replaceChildren();
    report.replaceChildren();
    button.disabled = true;
    const bar = h('progress', {max: 100, value: 0, id: 'barre', 'aria-labelledby': 'progression-texte'});
    const text = h('p', {id: 'progression-texte', role: 'status'}, 'Envoi du fichier…');
    progress.replaceChildren(h('div', {class: 'carte'}, h('h2', {}, 'Progression'), text, bar));
    let job;
    try {
      job = await upload(`/api/v1/directory/imports${withValidLines ? '?importValidLines=true' : ''}`, chosen, 'text/csv',
        (sent, total) => {
          bar.value = Math.round(sent * 100 / total);
          text.textContent = `Envoi du fichier : ${bar.value} %`;
        });
      while (!job.finished) {
        bar.value = job.percent;
        text.textContent = `${job.statusLabel} : ${job.percent} % (${job.linesChecked} lignes vérifiées)`;
        await new Promise(resolve => setTimeout(resolve, POLL_MS));
        job = await api('GET', `/api/v1/directory/imports/${job.id}`);
      }
      bar.value = 100;
      text.textContent = `Import terminé : ${job.statusLabel}.`;
      report.replaceChildren(importReport(job, chosen, run));
      focus(document.getElementById('rapport-titre'));
    } catch (e) {
      progress.replaceChildren();
      const problems = (e.problem?.errors || []).map(x => ({text: x.detail}));
      messages.replaceChildren(errorBox(e instanceof ApiError && e.status === 413 ? 'Le fichier est trop volumineux.'
        : problemText(e, "l'import n'a pas pu être fait"), problems));
      focus(messages.firstChild);
    } finally {
      button.disabled = false;
    }
  };

  form.addEventListener('submit', event => {
    event.preventDefault();
    if (!file.files[0]) {
      messages.replaceChildren(errorBox('Choisissez un fichier', [{href: '#fichier', text: 'Le fichier CSV des lieux à importer.'}]));
      focus(messages.firstChild);
      return;
    }
    run(file.files[0], validLines.checked);
  });

  show("Annuaire des lieux", h('h1', {}, 'Importer l\'annuaire des lieux'),
    h('p', {class: 'chapo'}, 'Les lieux de médiation numérique vers lesquels les travailleurs sociaux orientent les personnes.'),
    form, progress, report);
}

function importReport(job, chosen, run) {
  const rejected = job.status === 'REJECTED';
  return h('section', {class: 'carte', 'aria-labelledby': 'rapport-titre'},
    h('h2', {id: 'rapport-titre', tabindex: '-1'}, 'Rapport de l\'import'),
    h('p', {class: `alerte ${job.status === 'DONE' ? 'alerte--succes' : rejected ? 'alerte--info' : 'alerte--erreur'}`},
      job.message ? job.message : h('strong', {}, job.statusLabel)),
    h('ul', {class: 'liste'},
      h('li', {}, `Lignes vérifiées : ${job.linesChecked}, valides : ${job.linesValid}, en erreur : ${job.linesInvalid}.`),
      job.status === 'DONE' ? h('li', {}, `Lieux créés : ${job.placesCreated}, mis à jour : ${job.placesUpdated}, inchangés : ${job.placesUnchanged}.`) : null,
      h('li', {}, `Encodage reconnu : ${job.encoding || 'inconnu'}. Commencé le ${dateTime(job.createdAt)}.`),
      job.ignoredColumns ? h('li', {}, `Colonnes inconnues, ignorées : ${job.ignoredColumns}.`) : null),
    rejected && job.linesValid > 0 ? h('div', {class: 'confirmation'},
      h('p', {}, `Vous pouvez corriger le fichier et l'importer de nouveau, ou importer dès maintenant ${validLines(job.linesValid)} : les lignes en erreur seront laissées de côté.`),
      h('button', {type: 'button', class: 'bouton', id: 'importer-valides', onclick: () => run(chosen, true)},
        `Importer ${validLines(job.linesValid)}`)) : null,
    job.problems.length ? h('div', {},
      h('h3', {}, `Problèmes (${job.problemCount})`),
      job.reportTruncated ? h('p', {class: 'aide'}, `Les ${job.problems.length} premiers sont détaillés.`) : null,
      table('Problèmes ligne par ligne', ['Ligne', 'Colonne', 'Valeur trouvée', 'Problème'],
        job.problems.map(p => [String(p.line), p.field || '—', p.value || '—', p.message]))) : null);
}

function validLines(n) {
  return n === 1 ? 'la ligne valide' : `les ${n} lignes valides`;
}
