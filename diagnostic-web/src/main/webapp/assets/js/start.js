// « Nouveau diagnostic »: the case, the information notice read to the person, their consent.

import {api, ApiError, NetworkError, randomKey} from './api.js';
import {dateTime, errorBox, focus, h, show} from './dom.js';
import {interviewsOnDevice, saveInterview} from './store.js';

export function startPage(session) {
  const launched = sessionStorage.getItem('repere:lancement');
  const caseRef = h('input', {id: 'dossier', name: 'caseRef', type: 'text', required: true, autocomplete: 'off',
    spellcheck: 'false', maxlength: 64, 'aria-describedby': 'dossier-aide', value: launched || ''});
  const consent = h('input', {id: 'accord', name: 'consent', type: 'checkbox', required: true});
  const messages = h('div');
  const button = h('button', {type: 'submit', class: 'bouton'}, "Commencer l'entretien");
  const key = randomKey(); // one key per form: a retry after a lost answer gets the same draft back

  const form = h('form', {novalidate: true},
    h('div', {class: 'champ'},
      h('label', {for: 'dossier'}, 'Référence du dossier'),
      h('p', {id: 'dossier-aide', class: 'aide'}, launched
        ? 'Reprise du logiciel de suivi. Lettres, chiffres et . _ : / - seulement.'
        : 'La référence du dossier dans votre logiciel de suivi. Lettres, chiffres et . _ : / - seulement.'),
      caseRef),
    h('section', {class: 'notice', 'aria-labelledby': 'notice-titre'},
      h('h2', {id: 'notice-titre'}, 'À lire à la personne avant de commencer'),
      h('p', {}, "Je vais vous poser quelques questions sur internet et les démarches en ligne : ce que vous avez comme appareil, ce que vous savez faire, ce qui vous gêne. Cela prend une dizaine de minutes."),
      h('p', {}, "Le but est de trouver avec vous l'aide qui vous convient. Il n'y a pas de bonne ou de mauvaise réponse, et vous pouvez toujours dire « je ne sais pas » ou « je préfère ne pas répondre »."),
      h('p', {}, "Vos réponses sont enregistrées dans votre dossier, dans notre service. Elles servent seulement à vous orienter. Des chiffres sans votre nom aident aussi le département à organiser l'aide au numérique."),
      h('p', {}, "Vous pouvez demander à voir vos réponses ou à les faire effacer. Nous ne vous demanderons jamais de mot de passe ni de code."),
      h('p', {}, h('strong', {}, 'Êtes-vous d’accord pour répondre ?'))),
    h('div', {class: 'champ champ--case'},
      h('label', {class: 'choix', for: 'accord'}, consent,
        h('span', {}, "J'ai lu la notice à la personne : elle est informée et d'accord pour répondre."))),
    button);

  form.addEventListener('submit', async event => {
    event.preventDefault();
    const problems = [];
    if (!/^[A-Za-z0-9._:/-]{1,64}$/.test(caseRef.value.trim())) {
      problems.push({href: '#dossier', text: 'Indiquez la référence du dossier (lettres, chiffres et . _ : / - seulement).'});
    }
    if (!consent.checked) {
      problems.push({href: '#accord', text: "Cochez la case d'accord : la personne doit être informée et d'accord avant l'entretien."});
    }
    if (problems.length) {
      messages.replaceChildren(errorBox('Avant de commencer', problems));
      focus(messages.firstChild);
      return;
    }
    button.disabled = true;
    try {
      const draft = await api('POST', '/api/v1/drafts', {caseRef: caseRef.value.trim(), consent: true},
        {'Idempotency-Key': key});
      saveInterview({id: draft.id, caseRef: draft.caseRef, version: draft.questionnaireVersion, answers: {},
        pending: {}, step: 0, touchedAt: new Date().toISOString()});
      sessionStorage.removeItem('repere:lancement');
      location.assign(`/entretien/${draft.id}`);
    } catch (e) {
      button.disabled = false;
      const text = e instanceof NetworkError
        ? "Pas de connexion : l'entretien ne peut pas commencer. Vérifiez le réseau puis réessayez."
        : e instanceof ApiError && e.status === 401 ? 'Votre session a expiré : reconnectez-vous.' : e.message;
      messages.replaceChildren(errorBox(text));
      focus(messages.firstChild);
    }
  });

  const kept = interviewsOnDevice();
  show('Nouveau diagnostic',
    h('h1', {}, 'Nouveau diagnostic'),
    h('p', {class: 'chapo'}, `Bonjour ${session.name}. Un entretien d'une dizaine de minutes, avec la personne, écran partagé.`),
    messages, form,
    kept.length ? h('section', {class: 'carte', 'aria-labelledby': 'en-cours'},
      h('h2', {id: 'en-cours'}, 'Entretiens en cours sur cet appareil'),
      h('ul', {class: 'liste'}, kept.map(s => h('li', {},
        h('a', {href: `/entretien/${s.id}`}, `Reprendre l'entretien du dossier ${s.caseRef || 'sans référence'}`),
        s.touchedAt ? ` (dernière réponse le ${dateTime(s.touchedAt)})` : '')))) : null);
}
