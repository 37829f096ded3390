import {api, ApiError, NetworkError} from './api.js';
import {errorBox, focus, h, show} from './dom.js';
import {claimDevice} from './store.js';

export function loginPage() {
  const email = h('input', {id: 'email', name: 'email', type: 'email', autocomplete: 'username', required: true, spellcheck: 'false'});
  const password = h('input', {id: 'mot-de-passe', name: 'password', type: 'password', autocomplete: 'current-password', required: true});
  const messages = h('div');
  const form = h('form', {class: 'carte', novalidate: true},
    h('div', {class: 'champ'}, h('label', {for: 'email'}, 'Adresse e-mail professionnelle'), email),
    h('div', {class: 'champ'}, h('label', {for: 'mot-de-passe'}, 'Mot de passe'), password),
    h('button', {type: 'submit', class: 'bouton'}, 'Se connecter'));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    if (!email.value.trim() || !password.value) {
      messages.replaceChildren(errorBox('Renseignez votre adresse e-mail et votre mot de passe.'));
      focus(messages.firstChild);
      return;
    }
    try {
      const session = await api('POST', '/api/v1/session', {email: email.value.trim(), password: password.value});
      // another agent's copies leave the device, and what this tab kept for them (the page to come back to) too
      claimDevice(session.agent);
      const next = sessionStorage.getItem('repere:apres-connexion') || '/diagnostic/nouveau';
      sessionStorage.removeItem('repere:apres-connexion');
      location.assign(next.startsWith('/') && !next.startsWith('//') ? next : '/diagnostic/nouveau');
    } catch (e) {
      const text = e instanceof NetworkError ? 'Pas de connexion au serveur. Vérifiez le réseau puis réessayez.'
        : e instanceof ApiError && e.status === 401 ? 'Adresse e-mail ou mot de passe incorrect, ou compte désactivé.'
          : e.message;
      messages.replaceChildren(errorBox(text));
      focus(messages.firstChild);
    }
  });
  show('Se connecter', h('h1', {}, 'Se connecter à Repère'),
    h('p', {}, "Repère vous aide à repérer, pendant l'entretien, ce qui gêne la personne pour ses démarches en ligne, et à l'orienter vers la bonne aide."),
    messages, form);
}
