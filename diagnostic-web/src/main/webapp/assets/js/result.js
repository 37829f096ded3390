// The result: levels as bars the person can understand, the proposed orientation and actions with
// their reasons, the worker's decision (accept, or override with a reason), and the next steps.

import {api, ApiError, NetworkError} from './api.js';
import {dateTime, errorBox, focus, h, show} from './dom.js';
import {ACTIONS, LEVEL_COUNT, LEVEL_STEPS, ORIENTATIONS} from './labels.js';
import {nextSteps} from './nextsteps.js';
import {cafUsedNote} from './caf.js';
import {tellHost} from './host.js';

export function levelBars(scores) {
  return h('ul', {class: 'niveaux'}, scores.filter(s => s.dimension !== 'CONTEXT').map(s => h('li', {class: 'niveau'},
    h('span', {class: 'niveau__nom'}, s.dimensionLabel),
    h('span', {class: 'barre', 'aria-hidden': 'true'}, Array.from({length: LEVEL_COUNT}, (_, k) => k + 1).map(i =>
      h('span', {class: `barre__case${i <= LEVEL_STEPS[s.level] ? ' barre__case--pleine' : ''}`}))),
    h('span', {class: 'niveau__texte'}, s.levelLabel,
      s.level === 'NOT_ASSESSED' ? '' : h('span', {class: 'visuellement-cache'}, ` : ${LEVEL_STEPS[s.level]} sur ${LEVEL_COUNT}`)))));
}

export async function resultPage(id) {
  let d;
  try {
    d = await api('GET', `/api/v1/diagnostics/${id}`);
  } catch (e) {
    show('Résultat', h('h1', {}, 'Résultat du diagnostic'), errorBox(e instanceof NetworkError
      ? 'Pas de connexion : le résultat ne peut pas être affiché. Réessayez quand le réseau revient.'
      : e instanceof ApiError && e.status === 404 ? 'Diagnostic introuvable.' : e.message));
    return;
  }
  render(d, false);
}

function render(d, moveFocus) {
  const p = d.orientation;
  show('Résultat du diagnostic',
    h('h1', {}, 'Résultat du diagnostic'),
    h('p', {class: 'chapo'}, `Dossier ${d.caseRef || 'sans référence'}, entretien du ${dateTime(d.takenAt)}.`),
    h('section', {class: 'carte', 'aria-labelledby': 'niveaux-titre'},
      h('h2', {id: 'niveaux-titre'}, 'Où en est la personne'),
      h('p', {class: 'aide'}, 'Plus la barre est remplie, plus la personne se débrouille seule dans ce domaine.'),
      levelBars(d.scores)),
    h('section', {class: 'carte', 'aria-labelledby': 'orientation-titre'},
      h('h2', {id: 'orientation-titre'}, 'Orientation proposée'),
      h('p', {class: 'orientation'}, p.label),
      p.reasons.length ? h('div', {}, h('h3', {}, 'Pourquoi'), h('ul', {class: 'liste'}, p.reasons.map(r => h('li', {}, r.text)))) : null,
      cafUsedNote(d.id),
      h('h3', {}, 'Actions complémentaires'),
      p.actions.length ? h('ul', {class: 'actions'}, p.actions.map(a => h('li', {},
        h('strong', {}, a.label), h('br'), a.reason.text)))
        : h('p', {}, 'Aucune action complémentaire proposée.')),
    d.decision ? decided(d) : decisionForm(d));
  if (moveFocus) focus(document.getElementById('decision-titre'));
}

function decisionForm(d) {
  const p = d.orientation;
  const messages = h('div');
  const accept = h('input', {type: 'radio', name: 'choix', id: 'choix-accepter', value: 'accept', checked: true});
  const override = h('input', {type: 'radio', name: 'choix', id: 'choix-autre', value: 'override'});
  const orientation = h('select', {id: 'orientation', name: 'orientation'},
    ORIENTATIONS.map(([code, label]) => h('option', {value: code, selected: code === p.primary}, label)));
  const proposed = p.actions.map(a => a.code);
  const actions = ACTIONS.map(([code, label]) => h('label', {class: 'choix choix--petit', for: `action-${code}`},
    h('input', {type: 'checkbox', id: `action-${code}`, name: 'actions', value: code, checked: proposed.includes(code)}),
    h('span', {}, label)));
  const reason = h('textarea', {id: 'raison', name: 'reason', rows: 4, maxlength: 1000, 'aria-describedby': 'raison-aide'});
  const details = h('div', {class: 'autre-choix', id: 'autre-choix', hidden: true},
    h('div', {class: 'champ'}, h('label', {for: 'orientation'}, 'Orientation retenue'), orientation),
    h('fieldset', {class: 'champ'}, h('legend', {}, 'Actions complémentaires retenues'), h('div', {class: 'choix-liste'}, actions)),
    h('div', {class: 'champ'}, h('label', {for: 'raison'}, 'Raison de votre choix (obligatoire)'),
      h('p', {class: 'aide', id: 'raison-aide'}, "Quelques mots suffisent : ce que vous savez de la situation et que le questionnaire ne dit pas. Ne notez pas d'information médicale."),
      reason));
  const toggle = () => { details.hidden = !override.checked; };
  accept.addEventListener('change', toggle);
  override.addEventListener('change', toggle);
  const button = h('button', {type: 'submit', class: 'bouton'}, 'Enregistrer la décision');
  const form = h('form', {novalidate: true},
    h('fieldset', {class: 'champ'}, h('legend', {}, 'Que retenez-vous ?'),
      h('div', {class: 'choix-liste'},
        h('label', {class: 'choix', for: 'choix-accepter'}, accept, h('span', {}, "J'accepte l'orientation et les actions proposées")),
        h('label', {class: 'choix', for: 'choix-autre'}, override, h('span', {}, 'Je choisis autre chose')))),
    details, button);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    let body;
    if (accept.checked) {
      body = {orientation: p.primary, actions: proposed};
    } else {
      body = {orientation: orientation.value, actions: actions.map(l => l.querySelector('input')).filter(i => i.checked).map(i => i.value),
        reason: reason.value.trim()};
      if (!body.reason) {
        messages.replaceChildren(errorBox('La raison est obligatoire quand vous choisissez autre chose que la proposition.',
          [{href: '#raison', text: 'Indiquez la raison de votre choix.'}]));
        reason.setAttribute('aria-invalid', 'true');
        focus(messages.firstChild);
        return;
      }
    }
    button.disabled = true;
    try {
      const updated = await api('PUT', `/api/v1/diagnostics/${d.id}/decision`, body);
      render(updated, true);
      tellHost('repere.diagnostic.decided', {diagnosticId: updated.id, caseRef: updated.caseRef || null});
    } catch (e) {
      button.disabled = false;
      messages.replaceChildren(errorBox(e instanceof NetworkError
        ? "Pas de connexion : la décision n'est pas enregistrée. Réessayez quand le réseau revient." : e.message,
      (e.problem?.errors || []).map(x => ({href: x.pointer === '/reason' ? '#raison' : null, text: x.detail}))));
      focus(messages.firstChild);
    }
  });
  return h('section', {class: 'carte carte--decision', 'aria-labelledby': 'decision-titre'},
    h('h2', {id: 'decision-titre'}, 'Votre décision'), messages, form);
}

function decided(d) {
  const w = d.decision;
  return h('div', {},
    h('section', {class: 'carte carte--decision', 'aria-labelledby': 'decision-titre'},
      h('h2', {id: 'decision-titre'}, 'Décision enregistrée'),
      h('p', {class: 'alerte alerte--succes'}, w.overridden ? 'Vous avez choisi une autre orientation que la proposition.' : "Vous avez accepté l'orientation proposée."),
      h('p', {}, h('strong', {}, 'Orientation retenue : '), w.label),
      w.actions.length ? h('div', {}, h('p', {}, h('strong', {}, 'Actions retenues :')), h('ul', {class: 'liste'}, w.actions.map(a => h('li', {}, a.label)))) : null,
      w.reason ? h('p', {}, h('strong', {}, 'Raison : '), w.reason) : null),
    nextSteps(d),
    h('p', {}, h('a', {href: '/dossier', onclick: () => sessionStorage.setItem('repere:dossier', d.caseRef || '')}, 'Voir le parcours de la personne')),
    h('p', {}, h('a', {href: '/diagnostic/nouveau'}, 'Commencer un nouveau diagnostic')));
}
