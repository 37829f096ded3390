// Acting on the person's behalf (Aidants Connect model): prepare a mandate (démarche categories,
// duration), print the attestation, record the signature — with, if the worker wishes, the SHA-256
// of the scanned signed copy, computed on this device: the file itself never leaves it — then note
// the démarches done, revoke a category or the whole mandate. Repère never stores passwords.

import {api, randomKey} from './api.js';
import {dateTime, errorBox, focus, h} from './dom.js';
import {problemText} from './referrals.js';
import {DEMARCHE_CATEGORIES, MANDATE_DURATIONS} from './vocabulary.js';

export const CATEGORIES = DEMARCHE_CATEGORIES;
export const DURATIONS = MANDATE_DURATIONS;

export const NO_PASSWORD = "Repère ne conserve jamais les mots de passe de la personne : ne les demandez pas, ne les notez nulle part. "
  + "Pour chaque démarche, la personne se connecte elle-même ou vous utilisez les accès prévus pour les aidants.";

/**
 * The mandate step for one diagnostic: the mandates of the person, each with what can be done next,
 * and the form to prepare one when none is in force or waiting for its signature.
 */
export async function mandateStep(container, diagnosticId, suggestion) {
  const live = h('p', {class: 'visuellement-cache', role: 'status'});
  const body = h('div');
  container.replaceChildren(
    h('p', {class: 'alerte alerte--info mot-de-passe'}, h('strong', {}, 'Mots de passe : '), NO_PASSWORD),
    live, body);
  const reload = async (said, focusId) => {
    let mandates;
    try {
      mandates = await api('GET', `/api/v1/mandates?diagnostic=${diagnosticId}`);
    } catch (e) {
      body.replaceChildren(errorBox(problemText(e, 'les mandats ne peuvent pas être affichés')));
      return;
    }
    // the list has no journal: read each mandate in full (one or two per person)
    const full = await Promise.all(mandates.map(m => api('GET', `/api/v1/mandates/${m.id}`).catch(() => m)));
    const current = full.some(m => m.status === 'ACTIVE' || m.status === 'AWAITING_SIGNATURE');
    body.replaceChildren(...full.map(m => mandateCard(m, reload)));
    if (!current) body.append(prepareForm(diagnosticId, suggestion, reload));
    if (said) live.textContent = said;
    if (focusId) focus(document.getElementById(focusId));
  };
  await reload();
}

function prepareForm(diagnosticId, suggestion, reload) {
  const messages = h('div');
  const suggested = (suggestion?.categories || []).map(c => c.code);
  const boxes = CATEGORIES.map(([code, label]) => h('label', {class: 'choix choix--petit', for: `categorie-${code}`},
    h('input', {type: 'checkbox', id: `categorie-${code}`, name: 'categories', value: code, checked: suggested.includes(code)}),
    h('span', {}, label)));
  const durations = DURATIONS.map(([code, label]) => h('label', {class: 'choix choix--petit', for: `duree-${code}`},
    h('input', {type: 'radio', id: `duree-${code}`, name: 'duration', value: code,
      checked: code === (suggestion?.duration || 'ONE_MONTH')}),
    h('span', {}, label)));
  const button = h('button', {type: 'submit', class: 'bouton'}, 'Préparer le mandat');
  const key = randomKey();
  const form = h('form', {novalidate: true, class: 'mandat-preparation'},
    h('h4', {id: 'mandat-preparer'}, 'Préparer le mandat'),
    suggestion?.reason ? h('p', {class: 'aide'}, `Proposition de la règle : ${suggestion.reason.text}`) : null,
    messages,
    h('fieldset', {class: 'champ', id: 'mandat-categories'}, h('legend', {}, 'Démarches couvertes par le mandat'),
      h('div', {class: 'choix-liste'}, boxes)),
    h('fieldset', {class: 'champ'}, h('legend', {}, 'Durée du mandat'), h('div', {class: 'choix-liste'}, durations)),
    h('p', {class: 'aide'}, "Le mandat est passé entre votre organisation et la personne. Il entre en vigueur quand la personne a signé l'attestation."),
    button);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const categories = boxes.map(l => l.querySelector('input')).filter(i => i.checked).map(i => i.value);
    if (!categories.length) {
      messages.replaceChildren(errorBox('Le mandat n\'est pas préparé', [{href: '#categorie-PAPIERS', text: 'Cochez au moins une démarche.'}]));
      focus(messages.firstChild);
      return;
    }
    const duration = durations.map(l => l.querySelector('input')).find(i => i.checked).value;
    button.disabled = true;
    try {
      const m = await api('POST', '/api/v1/mandates', {diagnosticId, categories, duration}, {'Idempotency-Key': key});
      await reload('Mandat préparé : imprimez l\'attestation et faites-la signer.', `mandat-${m.id}`);
    } catch (e) {
      button.disabled = false;
      messages.replaceChildren(errorBox(problemText(e, "le mandat n'est pas préparé"), (e.problem?.errors || []).map(x => ({text: x.detail}))));
      focus(messages.firstChild);
    }
  });
  return form;
}

/** One mandate, with what can be done in its state. */
export function mandateCard(m, reload) {
  const messages = h('div');
  const act = async (method, path, body, said, focusId) => {
    try {
      await api(method, path, body);
      await reload(said, focusId || `mandat-${m.id}`);
    } catch (e) {
      messages.replaceChildren(errorBox(problemText(e, "rien n'est enregistré")));
      focus(messages.firstChild);
    }
  };
  const inForce = m.status === 'ACTIVE';
  return h('article', {class: `carte mandat mandat--${m.status.toLowerCase()}`, 'aria-labelledby': `mandat-${m.id}`},
    h('h4', {id: `mandat-${m.id}`, tabindex: '-1'}, `Mandat : ${m.statusLabel}`),
    h('p', {}, m.durationLabel, m.signedAt ? `, signé le ${dateTime(m.signedAt)}` : `, préparé le ${dateTime(m.createdAt)}`,
      m.expiresAt ? `, jusqu'au ${dateTime(m.expiresAt)}` : '', '.'),
    messages,
    m.status === 'AWAITING_SIGNATURE' ? signing(m, act) : null,
    h('h5', {}, 'Démarches autorisées'),
    h('ul', {class: 'autorisations'}, m.autorisations.map(a => h('li', {class: 'autorisation'},
      h('span', {class: 'autorisation__nom'}, a.label),
      a.revoked ? h('span', {class: 'statut statut--refused'}, `Révoquée le ${dateTime(a.revokedAt)}`) : null,
      inForce && !a.revoked ? h('span', {class: 'autorisation__actions'},
        h('button', {type: 'button', class: 'bouton bouton--petit bouton--secondaire',
          onclick: () => act('POST', `/api/v1/mandates/${m.id}/use`, {category: a.category}, `Démarche notée au journal : ${a.label}.`)},
        'Noter une démarche faite', h('span', {class: 'visuellement-cache'}, ` : ${a.label}`)),
        h('button', {type: 'button', class: 'bouton bouton--petit bouton--danger',
          onclick: () => act('POST', `/api/v1/mandates/${m.id}/revocation`, {category: a.category}, `Autorisation révoquée : ${a.label}.`)},
        'Révoquer', h('span', {class: 'visuellement-cache'}, ` l'autorisation ${a.label}`))) : null))),
    inForce || m.status === 'AWAITING_SIGNATURE' ? revokeAll(m, act) : null,
    m.journal?.length ? h('details', {class: 'historique'}, h('summary', {}, 'Journal du mandat'),
      h('ol', {}, m.journal.map(e => h('li', {}, `${dateTime(e.at)} : ${e.label}`,
        e.category ? ` (${(CATEGORIES.find(c => c[0] === e.category) || [null, e.category])[1]})` : ''))))
      : null);
}

/** Print the attestation, then record the signature, with the optional fingerprint of the scan. */
function signing(m, act) {
  const file = h('input', {type: 'file', id: `scan-${m.id}`, accept: 'application/pdf,image/jpeg,image/png', 'aria-describedby': `scan-aide-${m.id}`});
  const fingerprint = h('p', {class: 'empreinte', 'aria-live': 'polite', id: `empreinte-${m.id}`});
  const signed = h('input', {type: 'checkbox', id: `signe-${m.id}`});
  let sha = null;
  file.addEventListener('change', async () => {
    sha = null;
    fingerprint.textContent = '';
    const f = file.files[0];
    if (!f) return;
    fingerprint.textContent = "Calcul de l'empreinte…";
    try {
      const digest = await crypto.subtle.digest('SHA-256', await f.arrayBuffer());
      sha = [...new Uint8Array(digest)].map(b => b.toString(16).padStart(2, '0')).join('');
      fingerprint.textContent = `Empreinte SHA-256 de « ${f.name} » : ${sha}`;
    } catch (e) {
      fingerprint.textContent = "L'empreinte ne peut pas être calculée sur cet appareil : enregistrez la signature sans elle.";
    }
  });
  const messages = h('div');
  const form = h('form', {novalidate: true, class: 'signature'},
    h('ol', {class: 'etapes-mandat'},
      h('li', {}, h('a', {href: m.attestation, target: '_blank', rel: 'noopener', class: 'bouton bouton--secondaire', id: `attestation-${m.id}`},
        "Imprimer l'attestation", h('span', {class: 'visuellement-cache'}, ' (nouvel onglet)')),
      h('p', {class: 'aide'}, 'En deux exemplaires : un pour la personne, un pour votre organisation.')),
      h('li', {}, h('p', {}, "Lisez l'attestation avec la personne, puis faites-la signer."))),
    messages,
    h('div', {class: 'champ champ--case'}, h('label', {class: 'choix', for: `signe-${m.id}`}, signed,
      h('span', {}, "La personne a signé l'attestation papier."))),
    h('div', {class: 'champ'}, h('label', {for: `scan-${m.id}`}, 'Copie numérisée signée (facultatif)'),
      h('p', {class: 'aide', id: `scan-aide-${m.id}`}, "Seule l'empreinte du fichier est calculée sur cet appareil et enregistrée, pour prouver plus tard quelle copie a été signée. Le fichier lui-même n'est pas envoyé."),
      file, fingerprint),
    h('button', {type: 'submit', class: 'bouton'}, 'Enregistrer la signature'));
  form.addEventListener('submit', event => {
    event.preventDefault();
    if (!signed.checked) {
      messages.replaceChildren(errorBox("La signature n'est pas enregistrée", [{href: `#signe-${m.id}`, text: "Cochez la case quand la personne a signé l'attestation."}]));
      focus(messages.firstChild);
      return;
    }
    act('POST', `/api/v1/mandates/${m.id}/signature`, sha ? {attestationSha256: sha} : {}, 'Signature enregistrée : le mandat est actif.');
  });
  return form;
}

/** Revoking the whole mandate asks for a confirmation, in the page (no pop-up). */
function revokeAll(m, act) {
  const confirm = h('div', {class: 'confirmation', hidden: true},
    h('p', {id: `confirmer-${m.id}`}, 'Toutes les démarches de ce mandat seront révoquées. Confirmez-vous ?'),
    h('button', {type: 'button', class: 'bouton bouton--danger', 'aria-describedby': `confirmer-${m.id}`,
      onclick: () => act('POST', `/api/v1/mandates/${m.id}/revocation`, {}, 'Mandat révoqué.')}, 'Oui, révoquer le mandat'),
    ' ',
    h('button', {type: 'button', class: 'bouton bouton--secondaire', onclick: () => { confirm.hidden = true; ask.focus(); }}, 'Annuler'));
  const ask = h('button', {type: 'button', class: 'bouton bouton--secondaire',
    onclick: () => { confirm.hidden = false; focus(confirm.querySelector('.bouton--danger')); }}, 'Révoquer tout le mandat');
  return h('div', {class: 'revocation'}, ask, confirm);
}
