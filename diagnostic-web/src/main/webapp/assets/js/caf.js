// « Interroger la CAF ou la MSA (facultatif) », beside the questionnaire: with the person's consent,
// her civil-status identity goes to the server, which asks API Particulier in the background; the
// page polls the answer and never holds the questionnaire up. The identity lives in this page's
// memory only (never in localStorage; the server does not keep it either). CDAP (« CAF Pro ») has
// no API: only a link, when the installation configured one.

import {api, ApiError} from './api.js';
import {errorBox, focus, h} from './dom.js';

/** The server answers within seconds (three attempts at most): polling more often would only load it. */
const POLL_MS = 1500;
/** Past this, the page stops asking and says the CAF does not answer (the server has long given up). */
const POLL_LIMIT_MS = 90_000;

/** Server pointers → the field that shows the error, and its name in the error summary. */
const FIELDS = {
  '/consent': ['caf-accord', "Accord de la personne"],
  '/nomNaissance': ['caf-nom', 'Nom de naissance'],
  '/nomUsage': ['caf-nom-usage', "Nom d'usage"],
  '/prenoms': ['caf-prenom-1', 'Prénoms'],
  '/sexe': ['caf-sexe-F', "Sexe à l'état civil"],
  '/dateNaissance': ['caf-jour', 'Date de naissance'],
  '/codePaysNaissance': ['caf-pays', 'Pays de naissance'],
  '/codeCommuneNaissance': ['caf-commune', 'Commune de naissance'],
};

/** Where the server's wording speaks of its JSON format, the worker reads what to do in this form. */
const DATE_HINT = 'Date non valable : le jour et le mois en chiffres (ou vides s\'ils ne figurent pas à l\'état civil), l\'année en 4 chiffres.';

/**
 * The panel of one interview: `element` goes into every step of the questionnaire (the same node,
 * so what is typed and the polling survive a change of step); `beforeCompletion()` is awaited
 * before the diagnostic is asked for.
 */
export function cafPanel(interviewId) {
  const panel = new CafPanel(interviewId);
  panel.load();
  return panel;
}

/**
 * On the result page: whether the orientation used what the CAF or the MSA said. The server
 * recorded it when the interview was completed, so the page says the truth whenever and wherever
 * it is opened. An element filled once the server has answered (empty if the CAF was not asked).
 */
export function cafUsedNote(diagnosticId) {
  const note = h('div', {id: 'caf-note'});
  api('GET', `/api/v1/drafts/${diagnosticId}/caf`).then(view => {
    note.setAttribute('data-caf', view.inOrientation || view.status); // read: the note says what it should
    if (view.status !== 'FOUND' || view.quarterlyDeclarations !== true) return;
    note.replaceChildren(view.inOrientation === 'USED'
      ? h('p', {class: 'alerte alerte--neutre', id: 'caf-prise-en-compte'},
        h('strong', {}, 'Information de la CAF ou de la MSA prise en compte : '),
        "avec l'accord de la personne, la CAF ou la MSA a indiqué qu'elle a des déclarations trimestrielles à faire en ligne (RSA ou prime d'activité), une démarche qui revient tous les trois mois.")
      : h('p', {class: 'alerte alerte--info', id: 'caf-non-prise-en-compte'},
        h('strong', {}, 'Information de la CAF ou de la MSA non prise en compte : '),
        "sa réponse est arrivée après la fin de l'entretien. Elle indique des déclarations trimestrielles à faire en ligne (RSA ou prime d'activité) : tenez-en compte dans votre décision."));
  }).catch(() => { /* not asked, or not readable now: the page says nothing of the CAF */ });
  return note;
}

/** A field of the form, trimmed. */
const fieldValue = (form, id) => form.querySelector(`#${id}`).value.trim();

class CafPanel {
  constructor(interviewId) {
    this.id = interviewId;
    this.element = h('div', {id: 'caf-zone'});
    this.last = null; // the latest consultation the server showed
    this.shown = '';
    this.timer = null;
    this.runs = 0;
  }

  async load() {
    let settings;
    try {
      settings = await api('GET', '/api/v1/caf');
    } catch (e) {
      return; // no network, or a session to renew: the questionnaire goes on without the panel
    }
    const cdap = typeof settings.cdapUrl === 'string' && settings.cdapUrl.startsWith('https://') ? settings.cdapUrl : null;
    if (!settings.enabled) {
      if (cdap) this.element.replaceChildren(cdapOnly(cdap));
      return;
    }
    this.element.replaceChildren(this.build(cdap));
    this.poll(Date.now(), true); // a consultation started before a reload
  }

  build(cdap) {
    this.status = h('div', {id: 'caf-etat', class: 'caf__etat', role: 'status', 'aria-live': 'polite'});
    this.details = h('details', {class: 'caf__formulaire'},
      h('summary', {}, "Renseigner l'identité de la personne"), this.form());
    return h('section', {class: 'carte caf', id: 'caf', 'aria-labelledby': 'caf-titre'},
      h('h2', {id: 'caf-titre'}, 'Interroger la CAF ou la MSA (facultatif)'),
      h('p', {}, "Avec l'accord de la personne, Repère peut demander à la CAF ou à la MSA si elle touche le RSA ou la prime d'activité. "
        + "Dans ce cas, elle a des déclarations trimestrielles à faire en ligne : l'orientation en tient compte."),
      h('p', {class: 'aide'}, "L'identité saisie sert seulement à la demande : Repère ne la conserve pas, ni sur le serveur ni sur cet appareil. "
        + "Seule la réponse (RSA, prime d'activité, déclarations trimestrielles) est gardée avec l'entretien. "
        + "Vous pouvez continuer le questionnaire pendant la demande."),
      this.status,
      this.details,
      cdap ? cdapLink(cdap) : null);
  }

  form() {
    this.messages = h('div');
    this.button = h('button', {type: 'submit', class: 'bouton'}, 'Interroger la CAF ou la MSA');
    this.bornInFrance = h('input', {type: 'radio', id: 'caf-ne-france', name: 'caf-naissance', value: 'FRANCE', checked: true,
      onchange: () => this.showBirthPlace()});
    this.bornAbroad = h('input', {type: 'radio', id: 'caf-ne-etranger', name: 'caf-naissance', value: 'ETRANGER',
      onchange: () => this.showBirthPlace()});
    this.communeField = textField('caf-commune', 'Code de la commune de naissance (code Insee)',
      "5 caractères, ce n'est pas le code postal : ce sont les chiffres 6 à 10 du numéro de sécurité sociale de la personne (par exemple 59350 pour Lille).",
      {maxlength: 5, class: 'caf__code'});
    this.countryField = textField('caf-pays', 'Code du pays de naissance (code Insee)',
      '5 chiffres commençant par 99 : ce sont les chiffres 6 à 10 du numéro de sécurité sociale de la personne (par exemple 99350 pour le Maroc).',
      {maxlength: 5, class: 'caf__code'});
    this.countryField.hidden = true;
    const form = h('form', {id: 'caf-formulaire', novalidate: true, autocomplete: 'off'},
      this.messages,
      h('div', {class: 'champ champ--case'},
        h('label', {class: 'choix', for: 'caf-accord'}, h('input', {type: 'checkbox', id: 'caf-accord', name: 'caf-accord'}),
          h('span', {}, "La personne accepte que Repère demande à la CAF ou à la MSA si elle touche le RSA ou la prime d'activité."))),
      h('h3', {}, "Identité de la personne, comme à l'état civil"),
      h('p', {class: 'aide'}, "Recopiez sa pièce d'identité ou son acte de naissance, accents et traits d'union compris."),
      textField('caf-nom', 'Nom de naissance', null, {maxlength: 100}),
      textField('caf-nom-usage', "Nom d'usage (facultatif)", "Par exemple le nom d'époux ou d'épouse, s'il diffère du nom de naissance.", {maxlength: 100}),
      h('fieldset', {class: 'champ', id: 'caf-prenoms'}, h('legend', {}, "Prénoms, dans l'ordre de l'état civil"),
        textField('caf-prenom-1', 'Premier prénom', null, {maxlength: 100}),
        textField('caf-prenom-2', 'Deuxième prénom (facultatif)', null, {maxlength: 100}),
        textField('caf-prenom-3', 'Troisième prénom (facultatif)', null, {maxlength: 100})),
      h('fieldset', {class: 'champ', id: 'caf-sexe'}, h('legend', {}, "Sexe à l'état civil"),
        h('div', {class: 'choix-liste'}, [['F', 'Féminin'], ['M', 'Masculin']].map(([code, label]) =>
          h('label', {class: 'choix choix--petit', for: `caf-sexe-${code}`},
            h('input', {type: 'radio', id: `caf-sexe-${code}`, name: 'caf-sexe', value: code}), h('span', {}, label))))),
      h('fieldset', {class: 'champ', id: 'caf-date', 'aria-describedby': 'caf-date-aide'}, h('legend', {}, 'Date de naissance'),
        h('p', {class: 'aide', id: 'caf-date-aide'}, "En chiffres, par exemple 20 / 09 / 1980. Si l'état civil ne donne que l'année, ou le mois et l'année, laissez le reste vide."),
        h('div', {class: 'caf-date'},
          textField('caf-jour', 'Jour', null, {maxlength: 2, inputmode: 'numeric', class: 'caf__jour'}),
          textField('caf-mois', 'Mois', null, {maxlength: 2, inputmode: 'numeric', class: 'caf__jour'}),
          textField('caf-annee', 'Année', null, {maxlength: 4, inputmode: 'numeric', class: 'caf__annee'}))),
      h('fieldset', {class: 'champ', id: 'caf-naissance'}, h('legend', {}, 'Lieu de naissance'),
        h('div', {class: 'choix-liste'},
          h('label', {class: 'choix choix--petit', for: 'caf-ne-france'}, this.bornInFrance, h('span', {}, 'En France')),
          h('label', {class: 'choix choix--petit', for: 'caf-ne-etranger'}, this.bornAbroad, h('span', {}, "À l'étranger")))),
      this.communeField,
      this.countryField,
      this.button);
    form.addEventListener('submit', event => {
      event.preventDefault();
      this.send(form);
    });
    return form;
  }

  showBirthPlace() {
    this.communeField.hidden = !this.bornInFrance.checked;
    this.countryField.hidden = this.bornInFrance.checked;
  }

  /** What the form says, as the server's request expects it; empty optional fields are left out. */
  request(form) {
    const value = id => fieldValue(form, id);
    const body = {consent: form.querySelector('#caf-accord').checked, nomNaissance: value('caf-nom'),
      prenoms: ['caf-prenom-1', 'caf-prenom-2', 'caf-prenom-3'].map(value).filter(Boolean)};
    if (value('caf-nom-usage')) body.nomUsage = value('caf-nom-usage');
    const sexe = form.querySelector('input[name="caf-sexe"]:checked');
    if (sexe) body.sexe = sexe.value;
    const [day, month, year] = ['caf-jour', 'caf-mois', 'caf-annee'].map(value);
    if (day || month || year) {
      const pad = s => (s.length === 1 ? `0${s}` : s);
      body.dateNaissance = [year, month && pad(month), month && day && pad(day)].filter(Boolean).join('-');
    }
    if (this.bornInFrance.checked) {
      body.codePaysNaissance = '99100';
      if (value('caf-commune')) body.codeCommuneNaissance = value('caf-commune').toUpperCase();
    } else if (value('caf-pays')) {
      body.codePaysNaissance = value('caf-pays');
    }
    return body;
  }

  /** What the page can tell at once; formats are the server's to check. */
  missing(body, form) {
    const value = id => fieldValue(form, id);
    const errors = [];
    if (!body.consent) errors.push({pointer: '/consent', detail: "Cochez la case si la personne est d'accord (sans son accord, la CAF n'est pas interrogée)."});
    if (!body.nomNaissance) errors.push({pointer: '/nomNaissance', detail: 'Indiquez le nom de naissance.'});
    if (!value('caf-prenom-1')) errors.push({pointer: '/prenoms', detail: 'Indiquez au moins le premier prénom.'});
    if (!body.sexe) errors.push({pointer: '/sexe', detail: "Choisissez le sexe indiqué à l'état civil."});
    if (value('caf-jour') && !value('caf-mois')) errors.push({pointer: '/dateNaissance', detail: 'Un jour sans mois : indiquez le mois, ou laissez le jour vide.'});
    if ((value('caf-jour') || value('caf-mois')) && !value('caf-annee')) errors.push({pointer: '/dateNaissance', detail: "Indiquez l'année de naissance."});
    if (this.bornInFrance.checked && !body.codeCommuneNaissance) {
      errors.push({pointer: '/codeCommuneNaissance', detail: 'Indiquez le code de la commune de naissance.'});
    }
    if (!this.bornInFrance.checked && !body.codePaysNaissance) {
      errors.push({pointer: '/codePaysNaissance', detail: 'Indiquez le code du pays de naissance.'});
    }
    return errors;
  }

  async send(form) {
    if (this.button.disabled) return;
    const body = this.request(form);
    const problems = this.missing(body, form);
    if (problems.length) return this.showErrors(form, "La CAF n'a pas été interrogée", problems);
    this.showErrors(form, null, []);
    this.button.disabled = true;
    let view;
    try {
      view = await api('POST', `/api/v1/drafts/${this.id}/caf`, body);
    } catch (e) {
      this.button.disabled = false;
      const errors = (e.problem?.errors || []).map(x => ({pointer: x.pointer, detail: x.pointer === '/dateNaissance' ? DATE_HINT : x.detail}));
      return this.showErrors(form, failure(e), errors);
    }
    this.button.disabled = false;
    this.details.open = false;
    this.showResult(view);
    focus(this.status);
    this.poll(Date.now());
  }

  /** The error summary above the form, and each message next to its field (aria-invalid, aria-describedby). */
  showErrors(form, title, errors) {
    form.querySelectorAll('.champ__erreur').forEach(p => p.remove());
    form.querySelectorAll('[aria-invalid]').forEach(i => {
      i.removeAttribute('aria-invalid');
      const rest = (i.getAttribute('aria-describedby') || '').split(' ').filter(x => x && !x.endsWith('-erreur'));
      if (rest.length) i.setAttribute('aria-describedby', rest.join(' ')); else i.removeAttribute('aria-describedby');
    });
    this.messages.replaceChildren();
    if (!title) return;
    const items = errors.map(x => {
      const [id, label] = fieldOf(x.pointer);
      if (id) markField(form, id, x.detail);
      return {href: id ? `#${id}` : null, text: label ? `${label} : ${x.detail}` : x.detail};
    });
    this.messages.replaceChildren(errorBox(title, items));
    this.details.open = true;
    focus(this.messages.firstChild);
  }

  /** Reads the latest consultation until it has an answer; a missing network only delays it. */
  async poll(since, quiet = false) {
    clearTimeout(this.timer);
    const run = ++this.runs; // a new request (or a new consultation) ends the previous loop
    let view = null;
    try {
      view = await api('GET', `/api/v1/drafts/${this.id}/caf`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) return; // not asked yet for this interview
      if (quiet) return;
    }
    if (run !== this.runs) return;
    if (view) this.showResult(view);
    if (view && view.status !== 'PENDING' && view.latestAttempt?.status !== 'PENDING') return;
    if (Date.now() - since > POLL_LIMIT_MS) {
      this.showResult({status: 'UNAVAILABLE'});
      return;
    }
    this.timer = setTimeout(() => this.poll(since), POLL_MS);
  }

  /** The live region changes only when the answer does: each poll would otherwise be read out again. */
  showResult(view) {
    this.last = view;
    const [css, lines] = describe(view);
    const key = `${css}|${lines.join('|')}`;
    if (key === this.shown) return;
    this.shown = key;
    this.status.replaceChildren(h('div', {class: `alerte ${css}`},
      h('p', {class: 'caf__reponse'}, h('strong', {}, lines[0])), lines.slice(1).map(l => h('p', {class: 'aide'}, l))));
    this.details.querySelector('summary').textContent = "Corriger l'identité et interroger de nouveau";
  }

  /**
   * Just before the diagnostic: one last look, so that the panel shows what the server will use
   * (the server records whether the orientation used the CAF's answer; the result page reads it).
   */
  async beforeCompletion() {
    if (this.last?.status === 'PENDING') {
      try {
        this.showResult(await api('GET', `/api/v1/drafts/${this.id}/caf`));
      } catch (e) {
        // unknown: the result page asks the server again
      }
    }
  }
}

/** The status in the worker's words: a CSS modifier, a first line, then details. */
function describe(view) {
  const [css, lines] = describeAnswer(view);
  const attempt = view.latestAttempt;
  if (attempt) {
    lines.push(attempt.status === 'PENDING'
      ? 'Nouvelle demande en cours… La réponse ci-dessus reste valable en attendant.'
      : `Nouvelle demande sans réponse utilisable : ${attempt.message} La réponse ci-dessus reste valable.`);
  }
  return [css, lines];
}

function describeAnswer(view) {
  switch (view.status) {
    case 'PENDING':
      return ['alerte--neutre', ['Demande en cours…', "Continuez l'entretien : la réponse s'affichera ici."]];
    case 'FOUND':
      return view.quarterlyDeclarations
        ? ['alerte--succes', [`${benefits(view)} : déclarations trimestrielles à faire en ligne.`, used(view)]]
        : ['alerte--succes', ["Dossier trouvé à la CAF ou à la MSA, sans RSA ni prime d'activité : pas de déclaration trimestrielle à faire."]];
    case 'NOT_FOUND':
      return ['alerte--neutre', ['Aucun dossier trouvé à la CAF ou à la MSA pour cette personne.',
        "Vérifiez l'identité (nom de naissance, prénoms dans l'ordre, codes de naissance) si vous le souhaitez, ou continuez l'entretien sans ces informations."]];
    default:
      return ['alerte--info', [view.message || "La CAF ne répond pas pour l'instant : continuez l'entretien sans ces informations.",
        view.reason ? `Détail pour l'assistance : ${view.reason}.` : null].filter(Boolean)];
  }
}

/** Whether the orientation used the answer: said by the server once the interview is completed. */
function used(view) {
  if (view.inOrientation === 'USED') return "Prise en compte dans l'orientation : c'est une démarche en ligne qui revient tous les trois mois.";
  if (view.inOrientation === 'NOT_USED') return "La réponse est arrivée après la fin de l'entretien : elle n'a pas été prise en compte dans l'orientation.";
  return "L'orientation en tiendra compte à la fin de l'entretien : c'est une démarche en ligne qui revient tous les trois mois.";
}

function benefits(view) {
  if (view.rsa && view.primeActivite) return "Bénéficiaire du RSA et de la prime d'activité";
  return view.rsa ? 'Bénéficiaire du RSA' : "Bénéficiaire de la prime d'activité";
}

function failure(e) {
  if (!(e instanceof ApiError)) return "Pas de connexion : la CAF n'a pas été interrogée. Continuez l'entretien, vous pourrez réessayer.";
  if (e.status === 400 || e.status === 422) return "La CAF n'a pas été interrogée : vérifiez ces informations";
  if (e.status === 401) return 'Votre session a expiré : reconnectez-vous pour interroger la CAF.';
  return /continuez/i.test(e.message) ? e.message : `${e.message} Continuez l'entretien sans ces informations.`;
}

function fieldOf(pointer) {
  if (FIELDS[pointer]) return FIELDS[pointer];
  const prenom = /^\/prenoms\/(\d)$/.exec(pointer || '');
  if (prenom) return [`caf-prenom-${Math.min(Number(prenom[1]) + 1, 3)}`, 'Prénoms'];
  return [null, null];
}

/** The message next to the field (inside its fieldset for a group of choices or the date). */
function markField(form, id, text) {
  const input = form.querySelector(`#${id}`);
  if (!input) return;
  const group = input.closest('#caf-sexe, #caf-date') || input.closest('.champ');
  const messageId = `${group.id || id}-erreur`;
  if (!form.querySelector(`#${messageId}`)) {
    const message = h('p', {class: 'champ__erreur', id: messageId}, text);
    const legendOrLabel = group.querySelector(':scope > legend, :scope > label');
    if (legendOrLabel) legendOrLabel.after(message); else group.prepend(message);
  }
  const inputs = group.matches('fieldset') ? [...group.querySelectorAll('input')] : [input];
  for (const i of inputs) {
    i.setAttribute('aria-invalid', 'true');
    const described = (i.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
    if (!described.includes(messageId)) i.setAttribute('aria-describedby', [messageId, ...described].join(' '));
  }
}

/** A labelled text input with its hint, as elsewhere in Repère. */
function textField(id, label, hint, attrs = {}) {
  return h('div', {class: 'champ', id: `${id}-champ`},
    h('label', {for: id}, label),
    hint ? h('p', {class: 'aide', id: `${id}-aide`}, hint) : null,
    h('input', {type: 'text', id, name: id, autocomplete: 'off', spellcheck: 'false', 'aria-describedby': hint ? `${id}-aide` : null, ...attrs}));
}

function cdapLink(url) {
  return h('div', {class: 'caf__cdap'},
    h('p', {class: 'aide'}, "Pour voir le dossier complet de l'allocataire, si votre organisation a un accès à CDAP :"),
    h('p', {}, h('a', {href: url, target: '_blank', rel: 'noopener noreferrer', class: 'bouton bouton--secondaire', id: 'caf-cdap'},
      'Ouvrir CDAP (CAF Pro) dans un nouvel onglet')));
}

/** The consultation is not enabled here, but the installation gives the link to CDAP. */
function cdapOnly(url) {
  return h('section', {class: 'carte caf', id: 'caf', 'aria-labelledby': 'caf-titre'},
    h('h2', {id: 'caf-titre'}, 'Dossier CAF de la personne (facultatif)'),
    h('p', {}, "Repère n'interroge pas la CAF dans votre installation. Si votre organisation a un accès à CDAP (CAF Pro), vous pouvez y consulter le dossier de la personne."),
    cdapLink(url));
}
