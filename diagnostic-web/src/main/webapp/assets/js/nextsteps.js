// « Suite du parcours », once the decision is recorded: the places near the person that meet each
// need (nearest territory first), a need no place meets said plainly, the choice of a place → a
// referral and its printable slip; for ON_BEHALF, the mandate step.

import {api, ApiError, randomKey} from './api.js';
import {errorBox, focus, h} from './dom.js';
import {mandateStep} from './mandates.js';
import {problemText, referralList, slipLink} from './referrals.js';

const COMMUNE_KEY = 'repere:commune:';
/** Places shown per need: the nearest few, enough to choose with the person without a long scroll. */
const PER_NEED = 5;

export function nextSteps(d) {
  const referrals = h('div', {id: 'orientations-faites'});
  const places = h('div', {id: 'lieux', 'aria-live': 'polite'});
  const mandate = h('div', {id: 'mandat-etape'});
  const onBehalf = d.decision.orientation === 'ON_BEHALF';
  const section = h('section', {class: 'carte', 'aria-labelledby': 'suite-titre'},
    h('h2', {id: 'suite-titre'}, 'Suite du parcours'),
    h('div', {id: 'structures'},
      h('h3', {}, 'Lieux vers qui orienter la personne'),
      d.orientation.needs.length ? h('div', {}, h('p', {}, 'Ce que le lieu devra proposer :'),
        h('ul', {class: 'liste'}, d.orientation.needs.map(n => h('li', {}, n.service,
          n.priseEnChargeSpecifique?.length ? ` (${n.priseEnChargeSpecifique.join(', ')})` : '', n.forWhat ? ` — ${n.forWhat}` : ''))))
        : null,
      referrals,
      communeForm(d, places),
      places),
    onBehalf ? h('div', {id: 'mandat'}, h('h3', {}, 'Faire les démarches à la place de la personne, sous mandat'), mandate) : null);
  showReferrals(d, referrals);
  if (onBehalf) mandateStep(mandate, d.id, d.orientation.mandate);
  return section;
}

async function showReferrals(d, container) {
  try {
    const list = await api('GET', `/api/v1/referrals?diagnostic=${d.id}`);
    container.replaceChildren(list.length ? h('div', {}, h('h4', {}, 'Orientations déjà faites'), referralList(list)) : '');
  } catch (e) {
    container.replaceChildren(errorBox(problemText(e, 'les orientations ne peuvent pas être affichées')));
  }
}

/** The person's commune: searched by name or postcode, chosen among the matches when several. */
function communeForm(d, places) {
  const input = h('input', {type: 'text', id: 'commune', name: 'commune', autocomplete: 'off', spellcheck: 'false',
    maxlength: 80, 'aria-describedby': 'commune-aide'});
  const choices = h('div');
  const messages = h('div');
  const button = h('button', {type: 'submit', class: 'bouton'}, 'Chercher les lieux');
  const form = h('form', {class: 'recherche-lieux', novalidate: true},
    messages,
    h('div', {class: 'recherche'},
      h('div', {class: 'champ'}, h('label', {for: 'commune'}, 'Commune de la personne'),
        h('p', {class: 'aide', id: 'commune-aide'}, 'Son nom ou son code postal. Les lieux de la commune viennent d\'abord, puis ceux de l\'intercommunalité, puis du département.'),
        input),
      button),
    choices);
  const search = async (commune, moveFocus = true) => {
    places.replaceChildren(h('p', {}, 'Recherche des lieux…'));
    try {
      const found = await api('POST', `/api/v1/diagnostics/${d.id}/places`, {commune: commune.code, limit: PER_NEED});
      sessionStorage.setItem(COMMUNE_KEY + d.id, JSON.stringify(commune));
      input.value = commune.nom;
      choices.replaceChildren();
      places.replaceChildren(matches(d, found));
      if (moveFocus) focus(document.getElementById('lieux-titre'));
    } catch (e) {
      places.replaceChildren(errorBox(problemText(e, 'les lieux ne peuvent pas être cherchés'), (e.problem?.errors || []).map(x => ({text: x.detail}))));
      focus(places.firstChild);
    }
  };
  form.addEventListener('submit', async event => {
    event.preventDefault();
    messages.replaceChildren();
    const chosen = choices.querySelector('input:checked');
    if (chosen && chosen.dataset.q === input.value.trim()) {
      return search(JSON.parse(chosen.dataset.commune));
    }
    choices.replaceChildren();
    const q = input.value.trim();
    if (q.length < 2) {
      messages.replaceChildren(errorBox('Indiquez la commune de la personne', [{href: '#commune', text: 'Au moins deux lettres du nom, ou le code postal.'}]));
      focus(messages.firstChild);
      return;
    }
    let communes;
    try {
      communes = await api('GET', `/api/v1/territories/communes?q=${encodeURIComponent(q)}&limit=12`);
    } catch (e) {
      messages.replaceChildren(errorBox(problemText(e, 'la commune ne peut pas être cherchée')));
      focus(messages.firstChild);
      return;
    }
    if (!communes.length) {
      messages.replaceChildren(errorBox(`Aucune commune ne correspond à « ${q} »`, [{href: '#commune', text: 'Vérifiez l\'orthographe, ou essayez le code postal.'}]));
      focus(messages.firstChild);
      return;
    }
    if (communes.length === 1) return search(communes[0]);
    choices.replaceChildren(h('fieldset', {class: 'champ'}, h('legend', {}, 'Plusieurs communes correspondent : laquelle ?'),
      h('div', {class: 'choix-liste'}, communes.map((c, i) => h('label', {class: 'choix choix--petit', for: `commune-${c.code}`},
        h('input', {type: 'radio', name: 'commune-choisie', id: `commune-${c.code}`, value: c.code, checked: i === 0,
          'data-q': q, 'data-commune': JSON.stringify(c)}),
        h('span', {}, `${c.nom} (${c.codesPostaux.join(', ')}) — ${c.departement.nom}`))))));
    focus(choices.querySelector('input'));
  });
  const kept = sessionStorage.getItem(COMMUNE_KEY + d.id);
  if (kept) {
    const c = JSON.parse(kept);
    input.value = c.nom;
    search(c, false); // back on the page: the places again, the focus stays on the title
  }
  return form;
}

function matches(d, found) {
  return h('div', {},
    h('h4', {id: 'lieux-titre'}, `Lieux proposés pour une personne de ${found.commune.nom}`),
    found.needs.map((n, i) => h('section', {class: 'besoin', 'aria-labelledby': `besoin-${i}`},
      h('h5', {id: `besoin-${i}`}, n.serviceLabel, n.priseEnCharge.length ? ` (${n.priseEnCharge.join(', ')})` : ''),
      n.forWhat ? h('p', {class: 'aide'}, n.forWhat) : null,
      !n.unmet && n.total > n.places.length ? h('p', {class: 'aide'}, `Les ${n.places.length} lieux les plus proches, sur ${n.total} qui proposent ce service.`) : null,
      n.unmet ? h('p', {class: 'alerte alerte--info besoin-non-couvert'}, h('strong', {}, 'Besoin non couvert : '), n.message)
        : h('ol', {class: 'lieux'}, n.places.map((p, j) => placeItem(d, n, p, `${i}-${j}`))))));
}

function placeItem(d, need, p, key) {
  const chosen = h('div');
  const li = h('li', {class: 'carte lieu', 'data-place': p.id},
    h('h6', {class: 'lieu__nom', id: `lieu-${key}`}, p.nom),
    h('p', {class: 'lieu__territoire'}, p.territoireLabel, p.distanceKm != null ? `, à ${p.distanceKm.toFixed(1).replace('.', ',')} km` : ''),
    h('p', {}, [p.adresse, p.complement_adresse, `${p.code_postal} ${p.commune}`].filter(Boolean).join(', ')),
    h('dl', {class: 'lieu__details'},
      detail('Horaires', p.horaires || 'Non communiqués : téléphoner avant de s\'y rendre'),
      detail('Pour y aller', p.modalites_acces.join(', ')),
      detail('Accompagnement', p.modalites_accompagnement.join(', ')),
      detail('Frais', p.frais_a_charge.join(', ')),
      detail('Prise en charge', p.prise_en_charge_specifique.join(', ')),
      detail('Téléphone', p.telephone),
      detail('Pourquoi ce lieu', p.pourquoi.join(' ; '))),
    h('button', {type: 'button', class: 'bouton bouton--secondaire', 'aria-describedby': `lieu-${key}`,
      onclick: () => { chosen.replaceChildren(referForm(d, need, p, key)); focus(chosen.querySelector('textarea')); }},
    'Orienter vers ce lieu'),
    chosen);
  return li;
}

function detail(term, value) {
  return value ? [h('dt', {}, term), h('dd', {}, value)] : null;
}

/** Confirms the place chosen, with what the person should bring; then the slip. */
function referForm(d, need, p, key) {
  const bring = h('textarea', {id: `apporter-${key}`, rows: 3, maxlength: 1000, 'aria-describedby': `apporter-aide-${key}`});
  const messages = h('div');
  const button = h('button', {type: 'submit', class: 'bouton'}, "Confirmer l'orientation");
  const idempotency = randomKey();
  const form = h('form', {class: 'orienter', novalidate: true},
    messages,
    h('div', {class: 'champ'}, h('label', {for: `apporter-${key}`}, 'Ce que la personne doit apporter (facultatif)'),
      h('p', {class: 'aide', id: `apporter-aide-${key}`}, 'Par exemple : sa carte Vitale, le dernier courrier de la CAF, son téléphone. Jamais de mot de passe.'),
      bring),
    button);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    button.disabled = true;
    const place = {id: p.id, nom: p.nom, adresse: p.adresse, code_postal: p.code_postal, commune: p.commune,
      modalites_acces: p.modalites_acces, courriels: p.courriels || []};
    if (p.complement_adresse) place.complement_adresse = p.complement_adresse;
    if (p.horaires) place.horaires = p.horaires;
    if (p.telephone) place.telephone = p.telephone;
    const body = {diagnosticId: d.id, service: need.service, place};
    if (bring.value.trim()) body.whatToBring = bring.value.trim();
    try {
      const r = await api('POST', '/api/v1/referrals', body, {'Idempotency-Key': idempotency});
      form.replaceWith(h('div', {class: 'alerte alerte--succes orientation-faite', tabindex: '-1'},
        h('p', {}, h('strong', {}, `Orientation enregistrée vers ${r.place.nom} : ${r.statusLabel}.`)),
        h('p', {}, 'Imprimez la fiche et remettez-la à la personne.'),
        h('p', {}, slipLink(r))));
      focus(document.querySelector(`[data-place="${CSS.escape(p.id)}"] .orientation-faite`));
      showReferrals(d, document.getElementById('orientations-faites'));
    } catch (e) {
      button.disabled = false;
      messages.replaceChildren(errorBox(e instanceof ApiError && e.status === 404 ? 'Diagnostic introuvable.'
        : problemText(e, "l'orientation n'est pas enregistrée"), (e.problem?.errors || []).map(x => ({text: x.detail}))));
      focus(messages.firstChild);
    }
  });
  return form;
}
