// A referral to a place as the worker follows it: Dora's status, the slip to print, the history, and
// the place's answer or the person's visit recorded by the worker. Used by the result and the dossier.

import {api, NetworkError} from './api.js';
import {dateTime, errorBox, focus, h} from './dom.js';

/** What the worker may record from each status (ReferralStatus.next(), minus the job's expiry). */
const NEXT = {
  OPEN: [['ACCEPTED', 'Validée : le lieu accepte de recevoir la personne'], ['REFUSED', 'Refusée : le lieu ne peut pas la recevoir'],
    ['COMPLETED', "Réalisée : la personne s'y est rendue"]],
  ACCEPTED: [['COMPLETED', "Réalisée : la personne s'y est rendue"]],
};

let counter = 0;

export function problemText(e, what) {
  return e instanceof NetworkError ? `Pas de connexion : ${what}. Réessayez quand le réseau revient.` : e.message;
}

/** The link that opens the printable slip (a page of its own, A4 print stylesheet). */
export function slipLink(r) {
  return h('a', {href: r.slip, target: '_blank', rel: 'noopener', class: 'bouton bouton--secondaire lien-fiche'},
    "Imprimer la fiche d'orientation", h('span', {class: 'visuellement-cache'}, ` pour ${r.place.nom} (nouvel onglet)`));
}

/** One referral: the place, its status, the slip, the status form when it is still open, the history. */
export function referralCard(r, onChange) {
  const n = ++counter;
  const messages = h('div');
  const next = NEXT[r.status] || [];
  const card = h('article', {class: 'carte orientation-lieu', 'data-referral': r.id, 'aria-labelledby': `orientation-${n}`},
    h('h4', {id: `orientation-${n}`}, r.place.nom),
    h('p', {}, h('span', {class: `statut statut--${r.status.toLowerCase()}`}, r.statusLabel),
      r.serviceLabel ? ` — ${r.serviceLabel}` : ''),
    h('p', {class: 'aide'}, `Orientation faite le ${dateTime(r.createdAt)}`,
      r.status === 'OPEN' ? `, sans réponse elle expire le ${dateTime(r.expiresAt)}.` : '.'),
    r.refusalReason ? h('p', {}, h('strong', {}, 'Motif du refus : '), r.refusalReason) : null,
    h('p', {}, slipLink(r)),
    messages,
    next.length ? statusForm(r, n, next, messages, onChange) : null,
    r.history?.length ? h('details', {class: 'historique'}, h('summary', {}, 'Historique des statuts'),
      h('ol', {}, r.history.map(e => h('li', {}, `${dateTime(e.at)} : ${e.toLabel}`, e.reason ? ` (motif : ${e.reason})` : '')))) : null);
  return card;
}

function statusForm(r, n, next, messages, onChange) {
  const select = h('select', {id: `statut-${n}`, name: 'status'},
    h('option', {value: ''}, '— Choisir —'), next.map(([code, label]) => h('option', {value: code}, label)));
  const reason = h('textarea', {id: `motif-${n}`, name: 'reason', rows: 3, maxlength: 1000, 'aria-describedby': `motif-aide-${n}`});
  const reasonField = h('div', {class: 'champ', hidden: true},
    h('label', {for: `motif-${n}`}, 'Motif du refus (obligatoire)'),
    h('p', {class: 'aide', id: `motif-aide-${n}`}, 'Ce que le lieu a répondu, en quelques mots. Pas d\'information médicale.'), reason);
  select.addEventListener('change', () => { reasonField.hidden = select.value !== 'REFUSED'; });
  const button = h('button', {type: 'submit', class: 'bouton bouton--secondaire'}, 'Enregistrer le statut');
  const form = h('form', {class: 'statut-form', novalidate: true},
    h('div', {class: 'champ'}, h('label', {for: `statut-${n}`}, 'Réponse du lieu ou venue de la personne'), select),
    reasonField, button);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const problems = [];
    if (!select.value) problems.push({href: `#statut-${n}`, text: 'Choisissez le nouveau statut.'});
    if (select.value === 'REFUSED' && !reason.value.trim()) problems.push({href: `#motif-${n}`, text: 'Indiquez le motif du refus.'});
    reason.toggleAttribute('aria-invalid', problems.some(p => p.href === `#motif-${n}`));
    if (problems.length) {
      messages.replaceChildren(errorBox('Le statut n\'est pas enregistré', problems));
      focus(messages.firstChild);
      return;
    }
    button.disabled = true;
    try {
      const body = {status: select.value};
      if (select.value === 'REFUSED') body.reason = reason.value.trim();
      const updated = await api('POST', `/api/v1/referrals/${r.id}/status`, body);
      onChange(updated);
    } catch (e) {
      button.disabled = false;
      messages.replaceChildren(errorBox(problemText(e, "le statut n'est pas enregistré"),
        (e.problem?.errors || []).map(x => ({href: x.pointer === '/reason' ? `#motif-${n}` : null, text: x.detail}))));
      focus(messages.firstChild);
    }
  });
  return form;
}

/** A list of referrals that redraws a card in place when its status changes, and says so. */
export function referralList(referrals) {
  const live = h('p', {class: 'visuellement-cache', role: 'status'});
  const list = h('div', {class: 'orientations'});
  const draw = (r, old) => {
    const card = referralCard(r, updated => {
      draw(updated, card);
      live.textContent = `Statut enregistré : ${updated.statusLabel}.`;
    });
    if (old) {
      old.replaceWith(card);
      focus(card.querySelector('h4'));
    } else {
      list.append(card);
    }
  };
  referrals.forEach(r => draw(r));
  return h('div', {}, live, list);
}
