// A person's diagnostics over time, with the progress per dimension between the last two. The case
// reference is sent in the body of a POST, never in the address.

import {api, NetworkError} from './api.js';
import {dateTime, errorBox, focus, h, show} from './dom.js';
import {levelBars} from './result.js';
import {mandateCard, NO_PASSWORD} from './mandates.js';
import {problemText, referralList} from './referrals.js';
import {DELAYS, PROGRESS} from './vocabulary.js';

const TREND = Object.fromEntries(Object.entries(PROGRESS).map(([code, label]) => [code, label.toLowerCase()]));

export function dossierPage() {
  const input = h('input', {id: 'dossier', name: 'caseRef', type: 'text', required: true, autocomplete: 'off', spellcheck: 'false', maxlength: 64});
  const out = h('div', {'aria-live': 'polite'});
  const reminders = h('div', {id: 'relances'});
  const form = h('form', {class: 'recherche', novalidate: true},
    h('div', {class: 'champ'}, h('label', {for: 'dossier'}, 'Référence du dossier'), input),
    h('button', {type: 'submit', class: 'bouton'}, 'Afficher le parcours'));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const ref = input.value.trim();
    if (!/^[A-Za-z0-9._:/-]{1,64}$/.test(ref)) {
      out.replaceChildren(errorBox('Indiquez une référence de dossier', [{href: '#dossier', text: 'Lettres, chiffres et . _ : / - seulement.'}]));
      focus(out.firstChild);
      return;
    }
    try {
      const hv = await api('POST', '/api/v1/dossiers/history', {caseRef: ref});
      out.replaceChildren(history(hv), rights(hv.caseRef, () => form.requestSubmit()));
      await followUp(hv, out);
    } catch (e) {
      out.replaceChildren(errorBox(e instanceof NetworkError ? 'Pas de connexion : réessayez quand le réseau revient.' : e.message));
    }
    focus(out.querySelector('h2'));
  });
  show("Parcours d'une personne", h('h1', {}, "Parcours d'une personne"),
    h('p', {class: 'chapo'}, 'Les diagnostics de la personne au fil du temps, et ce qui a changé entre les deux derniers.'),
    reminders, form, out);
  showReminders(reminders);
  const remembered = sessionStorage.getItem('repere:dossier');
  if (remembered) {
    sessionStorage.removeItem('repere:dossier');
    input.value = remembered;
    form.requestSubmit();
  }
}

function history(hv) {
  const ds = hv.diagnostics;
  if (!ds.length && !hv.drafts.length) {
    return h('section', {'aria-labelledby': 'parcours-titre'}, h('h2', {id: 'parcours-titre'}, `Dossier ${hv.caseRef}`),
      h('p', {}, "Aucun diagnostic pour ce dossier dans votre équipe."));
  }
  return h('section', {'aria-labelledby': 'parcours-titre'},
    h('h2', {id: 'parcours-titre'}, `Dossier ${hv.caseRef}`),
    hv.progress.length ? h('div', {class: 'carte'},
      h('h3', {}, 'Évolution depuis le diagnostic précédent'),
      h('ul', {class: 'evolution'}, hv.progress.map(p => h('li', {class: `evolution--${p.trend.toLowerCase()}`},
        h('strong', {}, `${p.dimensionLabel} : `),
        `${p.fromLevelLabel} → ${p.toLevelLabel}`,
        p.change === null ? ` (${TREND[p.trend]})` : ` (${p.change > 0 ? '+' : ''}${p.change} points, ${TREND[p.trend]})`)))) : null,
    ds.length ? h('div', {}, h('h3', {}, `Diagnostics (${ds.length})`),
      h('ol', {class: 'chronologie'}, [...ds].reverse().map(d => h('li', {class: 'carte'},
        h('h4', {}, h('a', {href: `/resultat/${d.id}`}, `Diagnostic du ${dateTime(d.takenAt)}`)),
        levelBars(d.scores),
        h('p', {}, h('strong', {}, 'Orientation : '), (d.decision || d.orientation).label,
          d.decision ? '' : ' (proposée, pas encore décidée)'))))) : null,
    hv.drafts.length ? h('div', {}, h('h3', {}, 'Entretiens en cours'),
      h('ul', {class: 'liste'}, hv.drafts.map(x => h('li', {}, h('a', {href: `/entretien/${x.id}`}, `Reprendre l'entretien commencé le ${dateTime(x.startedAt)}`))))) : null);
}

/** The worker's referrals left without an answer for 10 days: to chase up before they expire at 30. */
async function showReminders(container) {
  let list;
  try {
    list = await api('GET', '/api/v1/referrals/reminders');
  } catch (e) {
    return; // the reminders are a help, not the page: the search still works
  }
  if (!list.length) return;
  container.replaceChildren(h('section', {class: 'carte carte--relance', 'aria-labelledby': 'relances-titre'},
    h('h2', {id: 'relances-titre'}, `Orientations à relancer (${list.length})`),
    h('p', {class: 'aide'}, `Sans réponse du lieu depuis plus de ${DELAYS.referralReminderDays} jours. Sans réponse, elles expirent ${DELAYS.referralExpiryDays} jours après leur envoi.`),
    h('ul', {class: 'liste'}, list.map(r => h('li', {},
      h('a', {href: `/resultat/${r.diagnosticId}`}, `${r.place.nom} (${r.place.commune})`),
      ` : orientation du ${dateTime(r.createdAt)}, expire le ${dateTime(r.expiresAt)}`)))));
}

/** The dossier's referrals (Dora's statuses, history, status changes) and mandates, under its diagnostics. */
async function followUp(hv, out) {
  if (!hv.diagnostics.length) return;
  const referralsBox = h('section', {class: 'carte', 'aria-labelledby': 'orientations-titre'},
    h('h3', {id: 'orientations-titre'}, 'Orientations vers des lieux'), h('p', {}, 'Chargement…'));
  const mandatesBox = h('section', {class: 'carte', 'aria-labelledby': 'mandats-titre'},
    h('h3', {id: 'mandats-titre'}, 'Mandats'), h('p', {}, 'Chargement…'));
  out.querySelector('section').append(referralsBox, mandatesBox);
  try {
    const lists = await Promise.all(hv.diagnostics.map(d => api('GET', `/api/v1/referrals?diagnostic=${d.id}`)));
    const all = lists.flat().sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    referralsBox.replaceChildren(referralsBox.firstChild, all.length ? referralList(all)
      : h('p', {}, "Aucune orientation vers un lieu pour l'instant. Elles se font depuis le résultat d'un diagnostic."));
  } catch (e) {
    referralsBox.replaceChildren(referralsBox.firstChild, errorBox(problemText(e, 'les orientations ne peuvent pas être affichées')));
  }
  const drawMandates = async (said, focusId) => {
    try {
      const lists = await Promise.all(hv.diagnostics.map(d => api('GET', `/api/v1/mandates?diagnostic=${d.id}`)));
      const seen = new Set();
      const all = lists.flat().filter(m => !seen.has(m.id) && seen.add(m.id));
      const full = await Promise.all(all.map(m => api('GET', `/api/v1/mandates/${m.id}`).catch(() => m)));
      mandatesBox.replaceChildren(mandatesBox.firstChild,
        h('p', {class: 'alerte alerte--info'}, NO_PASSWORD),
        h('p', {class: 'visuellement-cache', role: 'status'}, said || ''),
        ...(full.length ? full.map(m => mandateCard(m, drawMandates)) : [h('p', {}, 'Aucun mandat pour cette personne.')]));
      if (focusId) focus(document.getElementById(focusId));
    } catch (e) {
      mandatesBox.replaceChildren(mandatesBox.firstChild, errorBox(problemText(e, 'les mandats ne peuvent pas être affichés')));
    }
  };
  await drawMandates();
}

const GROUNDS = [
  ['PERSON_REQUEST', "La personne demande l'effacement de ses données (article 17 du RGPD)"],
  ['PERSON_OBJECTION', "La personne s'oppose au traitement de ses données (article 21 du RGPD)"],
  ['CREATED_BY_MISTAKE', 'Le dossier a été ouvert par erreur (mauvaise personne, mauvaise référence)'],
];

/**
 * The person's rights, exercised by the worker for them: a copy of everything Repère holds (a JSON
 * file, article 15), and erasure on a coded ground (never free text: the journal keeps none), after
 * a confirmation in the page. `again` shows the dossier anew once erased.
 */
function rights(caseRef, again) {
  const said = h('div', {'aria-live': 'polite'});
  const exportButton = h('button', {type: 'button', class: 'bouton bouton--secondaire', onclick: async () => {
    exportButton.disabled = true;
    try {
      const all = await api('POST', '/api/v1/dossiers/export', {caseRef});
      const file = new Blob([JSON.stringify(all, null, 2)], {type: 'application/json'});
      const link = h('a', {href: URL.createObjectURL(file), download: `repere-dossier-${caseRef.replace(/[^A-Za-z0-9._-]/g, '_')}.json`});
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 60000);
      said.replaceChildren(h('p', {class: 'alerte alerte--succes', role: 'status'},
        'Copie téléchargée : remettez-la à la personne (par exemple sur une clé USB ou imprimée), puis supprimez-la de cet appareil.'));
    } catch (e) {
      said.replaceChildren(errorBox(problemText(e, "la copie n'a pas pu être préparée")));
      focus(said.firstChild);
    } finally {
      exportButton.disabled = false;
    }
  }}, 'Télécharger une copie des données (droit d\'accès)');

  const choices = h('fieldset', {class: 'champ'},
    h('legend', {}, "Motif de l'effacement"),
    h('div', {class: 'choix-liste'}, GROUNDS.map(([code, label]) => h('label', {class: 'choix', for: `motif-${code}`},
      h('input', {type: 'radio', name: 'motif-effacement', id: `motif-${code}`, value: code}), label))));
  const confirm = h('div', {class: 'confirmation', hidden: true},
    h('p', {id: 'confirmer-effacement'}, `Les diagnostics et entretiens en cours du dossier ${caseRef} seront définitivement supprimés `
      + "dans votre équipe, avec ses orientations vers des lieux. Les mandats et leur journal sont gardés comme preuve de ce qui a "
      + "été fait au nom de la personne. Cette action ne peut pas être annulée."),
    choices,
    h('button', {type: 'button', class: 'bouton bouton--danger', 'aria-describedby': 'confirmer-effacement', onclick: async () => {
      const ground = choices.querySelector('input:checked');
      if (!ground) {
        said.replaceChildren(errorBox("Choisissez le motif de l'effacement", [{href: `#motif-${GROUNDS[0][0]}`, text: 'Le motif est inscrit au journal des accès.'}]));
        focus(said.firstChild);
        return;
      }
      try {
        const done = await api('POST', '/api/v1/dossiers/erasure', {caseRef, reason: ground.value});
        sessionStorage.setItem('repere:effacement', done.detail);
        again();
      } catch (e) {
        said.replaceChildren(errorBox(problemText(e, "l'effacement n'a pas été fait")));
        focus(said.firstChild);
      }
    }}, 'Oui, effacer définitivement'),
    ' ',
    h('button', {type: 'button', class: 'bouton bouton--secondaire', onclick: () => { confirm.hidden = true; ask.focus(); }}, 'Annuler'));
  const ask = h('button', {type: 'button', class: 'bouton bouton--danger',
    onclick: () => { confirm.hidden = false; focus(choices.querySelector('input')); }}, 'Effacer le dossier (droit à l\'effacement)');

  const erased = sessionStorage.getItem('repere:effacement');
  sessionStorage.removeItem('repere:effacement');
  return h('section', {class: 'carte', 'aria-labelledby': 'droits-titre'},
    h('h3', {id: 'droits-titre'}, 'Droits de la personne sur ses données'),
    erased ? h('p', {class: 'alerte alerte--succes', role: 'status'}, erased) : null,
    h('p', {class: 'aide'}, "À la demande de la personne, vous pouvez lui remettre une copie de tout ce que Repère détient sur ce "
      + 'dossier dans votre équipe, ou effacer ses données. Chaque demande est inscrite au journal des accès.'),
    h('p', {}, exportButton, ' ', ask),
    confirm, said);
}

