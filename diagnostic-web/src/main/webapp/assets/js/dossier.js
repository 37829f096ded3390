// A person's diagnostics over time, with the progress per dimension between the last two. The case
// reference is sent in the body of a POST, never in the address.

import {api, NetworkError} from './api.js';
import {dateTime, errorBox, focus, h, show} from './dom.js';
import {levelBars} from './result.js';

const TREND = {BETTER: 'en progrès', SAME: 'sans changement', WORSE: 'en recul', UNKNOWN: 'non comparable'};

export function dossierPage() {
  const input = h('input', {id: 'dossier', name: 'caseRef', type: 'text', required: true, autocomplete: 'off', spellcheck: 'false', maxlength: 64});
  const out = h('div', {'aria-live': 'polite'});
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
      out.replaceChildren(history(await api('POST', '/api/v1/dossiers/history', {caseRef: ref})));
    } catch (e) {
      out.replaceChildren(errorBox(e instanceof NetworkError ? 'Pas de connexion : réessayez quand le réseau revient.' : e.message));
    }
    focus(out.querySelector('h2'));
  });
  show("Parcours d'une personne", h('h1', {}, "Parcours d'une personne"),
    h('p', {class: 'chapo'}, 'Les diagnostics de la personne au fil du temps, et ce qui a changé entre les deux derniers.'),
    form, out);
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
