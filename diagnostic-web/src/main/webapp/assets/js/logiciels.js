// The administrator connects the organisation's case-management software: the hosts registered
// for the signed launch (issuer, public keys, deployments, teams, origin) and the webhooks that
// receive the events (status, a new secret shown once, a replay from a date). Every change goes
// through the API, which checks it and journals it; messages come from the API's problem details.

import {api} from './api.js';
import {dateTime, errorBox, focus, h, show} from './dom.js';
import {problemText} from './referrals.js';
import {table} from './team.js';

/** @param message what the last change did, announced at the top once the page is shown again ({text, secret?}) */
export async function logicielsPage(message = null) {
  let teams;
  let hosts;
  let webhooks;
  try {
    [teams, hosts, webhooks] = await Promise.all([api('GET', '/api/v1/admin/teams'), api('GET', '/api/v1/admin/hosts'),
      api('GET', '/api/v1/admin/webhooks')]);
  } catch (e) {
    show('Logiciels métier', h('h1', {}, 'Logiciels métier'), errorBox(problemText(e, 'la page ne peut pas être affichée')));
    return;
  }
  const names = new Map(teams.map(t => [t.id, t.name]));
  const teamText = ids => ids.length ? ids.map(id => names.get(id) || id).join(', ') : 'Toutes les équipes';
  const notice = h('div', {id: 'annonce'});
  show('Logiciels métier', h('h1', {}, 'Logiciels métier'),
    h('p', {class: 'chapo'}, "Le logiciel de suivi de l'organisation ouvre Repère pour un dossier (ouverture signée) et reçoit les "
      + 'événements (webhooks). Le guide des équipes informatiques : docs/integration.md.'),
    notice,
    hostsSection(hosts, teams, teamText, notice),
    webhooksSection(webhooks, teams, teamText, notice));
  if (message?.secret) showSecret(message.secret, message.text);
  else if (message) announce(notice, message.text);
}

/** Checkboxes of the organisation's teams; none checked means every team. */
function teamChoice(prefix, teams) {
  return h('fieldset', {class: 'champ'},
    h('legend', {}, 'Équipes (aucune cochée : toutes les équipes)'),
    teams.map(t => h('label', {class: 'choix', for: `${prefix}-${t.id}`},
      h('input', {type: 'checkbox', id: `${prefix}-${t.id}`, name: `${prefix}-equipes`, value: t.id}), h('span', {}, t.name))));
}

function checkedTeams(form, prefix) {
  return [...form.querySelectorAll(`input[name="${prefix}-equipes"]:checked`)].map(i => i.value);
}

function field(id, label, input, help) {
  return h('div', {class: 'champ'}, h('label', {for: id}, label), help ? h('p', {class: 'aide', id: `${id}-aide`}, help) : null, input);
}

/** The API's field errors, each linked to its field when the pointer names one of this form's. */
function fieldErrors(e, fields) {
  return (e.problem?.errors || []).map(x => {
    const name = (x.pointer || '').split('/')[1];
    return {href: fields[name] ? `#${fields[name]}` : null, text: x.detail};
  });
}

function hostsSection(hosts, teams, teamText, notice) {
  const messages = h('div');
  const label = h('input', {type: 'text', id: 'hote-nom', maxlength: 120, autocomplete: 'off'});
  const issuer = h('input', {type: 'url', id: 'hote-emetteur', maxlength: 255, 'aria-describedby': 'hote-emetteur-aide'});
  const origin = h('input', {type: 'url', id: 'hote-origine', maxlength: 255, 'aria-describedby': 'hote-origine-aide'});
  const deployments = h('textarea', {id: 'hote-deploiements', rows: 2, 'aria-describedby': 'hote-deploiements-aide'});
  const jwks = h('textarea', {id: 'hote-cles', rows: 6, spellcheck: 'false', 'aria-describedby': 'hote-cles-aide'});
  const jwksUri = h('input', {type: 'url', id: 'hote-cles-adresse', maxlength: 2000, 'aria-describedby': 'hote-cles-adresse-aide'});
  const form = h('form', {novalidate: true, class: 'carte', 'aria-labelledby': 'hote-form-titre'},
    h('h3', {id: 'hote-form-titre'}, 'Enregistrer un logiciel'),
    messages,
    field('hote-nom', 'Nom du logiciel', label),
    field('hote-emetteur', 'Émetteur (iss)', issuer, 'L\'adresse https que le logiciel écrit dans le champ « iss » de ses jetons.'),
    field('hote-origine', 'Origine du site du logiciel', origin,
      "Par exemple https://logiciel.exemple.fr, sans chemin : seule cette origine pourra afficher Repère dans un cadre."),
    field('hote-deploiements', 'Identifiants de déploiement (un par ligne)', deployments,
      'Les valeurs de « deployment_id » que le logiciel envoie.'),
    field('hote-cles', 'Clés publiques (JWK Set)', jwks,
      'Le JSON {"keys": […]} des clés publiques du logiciel (EC P-256 ou RSA de 2048 bits au moins, chacune avec un « kid ») ; jamais une clé privée.'),
    field('hote-cles-adresse', 'Ou adresse où le logiciel publie ses clés (jwks_uri)', jwksUri,
      "Une adresse https publique : Repère y relit les clés, et suit ainsi leurs changements. Remplissez l'un ou l'autre."),
    teamChoice('hote', teams),
    h('button', {type: 'submit', class: 'bouton'}, 'Enregistrer le logiciel'));
  const fields = {label: 'hote-nom', issuer: 'hote-emetteur', origin: 'hote-origine', deploymentIds: 'hote-deploiements',
    jwks: 'hote-cles', jwksUri: 'hote-cles-adresse', teams: null};
  form.addEventListener('submit', async event => {
    event.preventDefault();
    let keys = null;
    try {
      if (jwks.value.trim()) keys = JSON.parse(jwks.value);
    } catch (notJson) {
      messages.replaceChildren(errorBox('Les clés publiques ne sont pas du JSON', [{href: '#hote-cles', text: 'Collez le JWK Set tel que le logiciel le publie.'}]));
      focus(messages.firstChild);
      return;
    }
    try {
      const made = await api('POST', '/api/v1/admin/hosts', {label: label.value, issuer: issuer.value, origin: origin.value,
        deploymentIds: deployments.value.split('\n').map(s => s.trim()).filter(s => s), jwks: keys,
        jwksUri: jwksUri.value.trim() || null, teams: checkedTeams(form, 'hote')});
      logicielsPage({text: `Logiciel « ${made.label} » enregistré. Ses jetons doivent porter aud = ${made.clientId} et être envoyés à ${made.launchUrl}.`});
    } catch (e) {
      messages.replaceChildren(errorBox(problemText(e, "le logiciel n'est pas enregistré"), fieldErrors(e, fields)));
      focus(messages.firstChild);
    }
  });
  const rows = hosts.map(r => [r.label, r.issuer, h('code', {}, r.clientId), r.origin, r.deploymentIds.join(', '), teamText(r.teams),
    dateTime(r.createdAt), h('button', {type: 'button', class: 'bouton bouton--petit bouton--danger', onclick: async () => {
      if (!window.confirm(`Retirer « ${r.label} » ? Ses ouvertures de Repère seront refusées dès maintenant.`)) return;
      try {
        await api('DELETE', `/api/v1/admin/hosts/${r.id}`);
        logicielsPage({text: `Logiciel « ${r.label} » retiré.`});
      } catch (e) {
        announce(notice, problemText(e, "le logiciel n'est pas retiré"), true);
      }
    }}, 'Retirer', h('span', {class: 'visuellement-cache'}, ` ${r.label}`))]);
  return h('section', {'aria-labelledby': 'hotes-titre'},
    h('h2', {id: 'hotes-titre'}, 'Ouverture signée depuis le logiciel'),
    hosts.length ? h('p', {}, 'Adresse d\'ouverture à donner au logiciel : ', h('code', {}, hosts[0].launchUrl)) : null,
    hosts.length ? table('Logiciels enregistrés', ['Nom', 'Émetteur', 'Audience (aud)', 'Origine', 'Déploiements', 'Équipes',
      'Enregistré le', 'Action'], rows) : h('p', {}, 'Aucun logiciel enregistré.'),
    form);
}

function webhooksSection(webhooks, teams, teamText, notice) {
  const messages = h('div');
  const url = h('input', {type: 'url', id: 'webhook-adresse', maxlength: 2000, 'aria-describedby': 'webhook-adresse-aide'});
  const form = h('form', {novalidate: true, class: 'carte', 'aria-labelledby': 'webhook-form-titre'},
    h('h3', {id: 'webhook-form-titre'}, 'Ajouter un webhook'),
    messages,
    field('webhook-adresse', 'Adresse de réception', url, 'Une adresse https publique du logiciel, qui recevra chaque événement signé.'),
    teamChoice('webhook', teams),
    h('button', {type: 'submit', class: 'bouton'}, 'Ajouter le webhook'));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    try {
      const made = await api('POST', '/api/v1/admin/webhooks', {url: url.value, teams: checkedTeams(form, 'webhook')});
      logicielsPage({text: `Webhook ${made.url} ajouté.`, secret: made.secret});
    } catch (e) {
      messages.replaceChildren(errorBox(problemText(e, "le webhook n'est pas ajouté"), fieldErrors(e, {url: 'webhook-adresse'})));
      focus(messages.firstChild);
    }
  });
  const rows = webhooks.map(w => {
    const date = h('input', {type: 'date', id: `renvoi-${w.id}`, required: true});
    return [w.url, teamText(w.teams), w.statusLabel, w.lastError || '—',
      h('div', {class: 'actions-webhook'},
        h('button', {type: 'button', class: 'bouton bouton--petit bouton--secondaire', onclick: async () => {
          try {
            const rotated = await api('POST', `/api/v1/admin/webhooks/${w.id}/secrets`);
            showSecret(rotated.secret, `Nouveau secret pour ${w.url} : l'ancien signe encore pendant 24 heures.`);
          } catch (e) {
            announce(notice, problemText(e, "le secret n'est pas changé"), true);
          }
        }}, 'Nouveau secret', h('span', {class: 'visuellement-cache'}, ` pour ${w.url}`)),
        h('label', {for: `renvoi-${w.id}`}, 'Renvoyer depuis le', h('span', {class: 'visuellement-cache'}, ` (${w.url})`)), date,
        h('button', {type: 'button', class: 'bouton bouton--petit bouton--secondaire', onclick: async () => {
          if (!date.value) {
            announce(notice, 'Choisissez la date à partir de laquelle renvoyer les événements.', true);
            focus(date);
            return;
          }
          try {
            const planned = await api('POST', `/api/v1/admin/webhooks/${w.id}/replay`, {from: date.value});
            announce(notice, `${planned.planned} événement(s) seront renvoyés à ${w.url}.`);
          } catch (e) {
            announce(notice, problemText(e, "le renvoi n'est pas lancé"), true);
          }
        }}, 'Renvoyer', h('span', {class: 'visuellement-cache'}, ` à ${w.url}`)),
        h('button', {type: 'button', class: 'bouton bouton--petit bouton--danger', onclick: async () => {
          if (!window.confirm(`Supprimer le webhook ${w.url} ? Plus aucun événement n'y sera envoyé.`)) return;
          try {
            await api('DELETE', `/api/v1/admin/webhooks/${w.id}`);
            logicielsPage({text: `Webhook ${w.url} supprimé.`});
          } catch (e) {
            announce(notice, problemText(e, "le webhook n'est pas supprimé"), true);
          }
        }}, 'Supprimer', h('span', {class: 'visuellement-cache'}, ` ${w.url}`)))];
  });
  return h('section', {'aria-labelledby': 'webhooks-titre'},
    h('h2', {id: 'webhooks-titre'}, 'Événements envoyés au logiciel (webhooks)'),
    webhooks.length ? table('Webhooks', ['Adresse', 'Équipes', 'État', 'Dernière erreur', 'Actions'], rows)
      : h('p', {}, 'Aucun webhook.'),
    form);
}

/** A message at the top of the page, read by screen readers. */
function announce(notice, text, error = false) {
  notice.replaceChildren(h('div', {class: `alerte ${error ? 'alerte--erreur' : 'alerte--succes'}`, role: error ? 'alert' : 'status',
    tabindex: '-1'}, h('p', {}, text)));
  focus(notice.firstChild);
}

/** A webhook secret, shown this once: Repère cannot show it again. */
function showSecret(secret, what) {
  const notice = document.getElementById('annonce');
  notice.replaceChildren(h('div', {class: 'alerte alerte--succes', role: 'status', tabindex: '-1'},
    h('p', {}, what),
    h('p', {}, 'Secret de signature, affiché une seule fois : copiez-le maintenant dans le logiciel.'),
    h('p', {}, h('code', {id: 'secret'}, secret))));
  focus(notice.firstChild);
}
