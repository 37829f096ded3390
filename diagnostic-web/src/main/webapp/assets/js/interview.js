// The questionnaire, one dimension at a time. Each answer is saved to the draft as it is given;
// without network it waits on the device (Outbox) and leaves when the network returns.

import {api, ApiError, NetworkError} from './api.js';
import {cafPanel} from './caf.js';
import {errorBox, focus, h, show, time} from './dom.js';
import {stepTitle} from './labels.js';
import {cacheQuestionnaire, cachedQuestionnaire, forgetInterview, loadInterview, Outbox, saveInterview} from './store.js';

/**
 * Questions grouped in steps: a new step when the dimension changes, except for a question asked
 * right after its parent (BAN_TELEPHONE follows ACC_CREDIT_EPUISE in the conversation).
 */
export function steps(questionnaire) {
  const result = [];
  let current = null;
  let previous = null;
  for (const q of questionnaire.questions) {
    const withParent = q.showIf && current && previous && previous.code === q.showIf.question;
    if (!current || (q.dimension !== current.dimension && !withParent)) {
      const dimension = questionnaire.dimensions.find(d => d.code === q.dimension);
      const index = result.filter(s => s.dimension === q.dimension).length;
      current = {dimension: q.dimension, title: stepTitle(q.dimension, index, dimension?.label), questions: []};
      result.push(current);
    }
    current.questions.push(q);
    previous = q;
  }
  return result;
}

/** Skip logic as the questionnaire defines it: asked only if its parent is asked and got one of the listed answers. */
export function visible(question, byCode, answers) {
  if (!question.showIf) return true;
  const parent = byCode[question.showIf.question];
  if (!parent || !visible(parent, byCode, answers)) return false;
  return (answers[parent.code] || []).some(code => question.showIf.anyOf.includes(code));
}

const STATUS = {
  saved: ['etat--ok', () => 'Enregistré'],
  saving: ['etat--cours', () => 'Enregistrement…'],
  offline: ['etat--hors', () => 'Hors connexion : vos réponses sont gardées sur cet appareil. Elles seront envoyées dès le retour du réseau.'],
  unavailable: ['etat--hors', () => 'Serveur momentanément indisponible : vos réponses sont gardées sur cet appareil. Elles seront envoyées automatiquement dès que possible.'],
  session: ['etat--hors', () => 'Session expirée : vos réponses sont gardées sur cet appareil. Reconnectez-vous pour les envoyer.'],
  refused: ['etat--erreur', m => `Une réponse n'a pas été acceptée : ${m || 'réessayez.'}`],
};

async function loadState(id) {
  const local = loadInterview(id);
  try {
    const draft = await api('GET', `/api/v1/drafts/${id}`);
    const state = local || {id, step: 0, pending: {}};
    state.caseRef = draft.caseRef;
    state.version = draft.questionnaireVersion;
    state.answers = {...draft.answers};
    for (const [q, v] of Object.entries(state.pending || {})) {
      if (v === null) delete state.answers[q]; else state.answers[q] = v;
    }
    state.pending = state.pending || {};
    return state;
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) {
      forgetInterview(id);
      return {gone: true};
    }
    if (local && (e instanceof NetworkError || (e instanceof ApiError && e.status >= 500))) return local;
    if (local && e instanceof ApiError && e.status === 401) return local;
    throw e;
  }
}

async function loadQuestionnaire(version) {
  try {
    const q = await api('GET', `/api/v1/questionnaires/${encodeURIComponent(version)}`);
    cacheQuestionnaire(q);
    return q;
  } catch (e) {
    const kept = cachedQuestionnaire(version);
    if (kept) return kept;
    throw e;
  }
}

export async function interviewPage(id) {
  let state;
  let questionnaire;
  try {
    state = await loadState(id);
    if (state.gone) {
      // completed elsewhere (or abandoned): the diagnostic, if any, has the same id
      try {
        await api('GET', `/api/v1/diagnostics/${id}`);
        location.replace(`/resultat/${id}`);
        return;
      } catch (e) {
        show('Entretien introuvable', h('h1', {}, 'Entretien introuvable'),
          h('p', {}, "Cet entretien n'existe plus : il a peut-être été abandonné."),
          h('p', {}, h('a', {href: '/diagnostic/nouveau'}, 'Commencer un nouveau diagnostic')));
        return;
      }
    }
    questionnaire = await loadQuestionnaire(state.version);
  } catch (e) {
    show('Entretien', h('h1', {}, 'Entretien'),
      errorBox(e instanceof NetworkError ? "Pas de connexion, et cet entretien n'est pas gardé sur cet appareil. Réessayez quand le réseau revient."
        : e.message));
    return;
  }
  saveInterview(state);
  new Interview(state, questionnaire).render(false);
}

class Interview {
  constructor(state, questionnaire) {
    this.state = state;
    this.q = questionnaire;
    this.byCode = Object.fromEntries(questionnaire.questions.map(q => [q.code, q]));
    this.steps = steps(questionnaire);
    this.status = h('p', {id: 'enregistrement', class: 'etat', role: 'status'});
    this.outbox = new Outbox(state, (s, message) => this.showStatus(s, message));
    // optional, below every step: the same node each time, so a CAF request goes on across steps
    this.caf = cafPanel(state.id);
    this.state.step = Math.min(this.state.step || 0, this.steps.length - 1);
    if (!this.visibleIn(this.steps[this.state.step]).length) {
      // the kept step has nothing left to ask (an earlier answer changed): the nearest one that has
      const back = this.nextStep(this.state.step, -1);
      this.state.step = back >= 0 ? back : Math.max(this.nextStep(this.state.step, 1), 0);
    }
  }

  showStatus(kind, message) {
    const [css, text] = STATUS[kind];
    this.status.className = `etat ${css}`;
    let label = text(message);
    if (kind === 'saved' && this.state.savedAt) label += ` à ${time(new Date(this.state.savedAt))}`;
    this.status.replaceChildren(label);
    if (kind === 'session') {
      sessionStorage.setItem('repere:apres-connexion', location.pathname);
      this.status.append(' ', h('a', {href: '/connexion'}, 'Se reconnecter'));
    }
  }

  answered(code) {
    return (this.state.answers[code] || []).length > 0;
  }

  visibleIn(step) {
    return step.questions.filter(q => visible(q, this.byCode, this.state.answers));
  }

  /** The nearest step from `from` in direction `dir` that has a question to ask. */
  nextStep(from, dir) {
    for (let i = from + dir; i >= 0 && i < this.steps.length; i += dir) {
      if (this.visibleIn(this.steps[i]).length) return i;
    }
    return -1;
  }

  /** The steps that have something to ask, given the answers so far. */
  askable() {
    return this.steps.map((s, i) => i).filter(i => this.visibleIn(this.steps[i]).length);
  }

  /** Step counter, progress bar and list of steps: redrawn after each answer (skip logic may add or remove a step). */
  progressParts() {
    const index = this.state.step;
    const askable = this.askable();
    const position = askable.indexOf(index) + 1;
    return [
      h('p', {class: 'etape', id: 'etape'}, `Étape ${position} sur ${askable.length}`),
      h('progress', {max: askable.length, value: position, 'aria-labelledby': 'etape'}),
      h('ol', {class: 'etapes', 'aria-label': 'Étapes du questionnaire'}, askable.map(i => h('li',
        {class: i === index ? 'etapes__en-cours' : i < index ? 'etapes__faite' : null, 'aria-current': i === index ? 'step' : null},
        this.steps[i].title)))];
  }

  /** « Étape précédente » and « Étape suivante » (or « Voir le résultat » on the last step), from the answers so far. */
  navigationParts() {
    const previous = this.nextStep(this.state.step, -1);
    const last = this.nextStep(this.state.step, 1) < 0;
    return [
      previous >= 0 ? h('button', {type: 'button', class: 'bouton bouton--secondaire',
        onclick: () => this.go(this.nextStep(this.state.step, -1))}, 'Étape précédente') : null,
      last ? h('button', {type: 'button', class: 'bouton', onclick: () => this.finish()}, 'Voir le résultat')
        : h('button', {type: 'button', class: 'bouton', onclick: () => this.forward()}, 'Étape suivante')];
  }

  render(moveFocus = true) {
    const step = this.steps[this.state.step];
    this.messages = h('div');
    this.fieldsets = {};
    const questions = step.questions.map(q => this.question(q));
    this.progressBox = h('div', {class: 'avancement'}, this.progressParts());
    this.navigation = h('div', {class: 'navigation'}, this.navigationParts());
    const askable = this.askable();

    show(`${step.title} (étape ${askable.indexOf(this.state.step) + 1} sur ${askable.length})`,
      h('div', {class: 'entretien-tete'},
        h('p', {class: 'dossier-ref'}, `Dossier ${this.state.caseRef || 'sans référence'}`),
        this.status),
      this.progressBox,
      h('h1', {}, step.title),
      this.messages,
      h('form', {class: 'questions', novalidate: true, onsubmit: e => e.preventDefault()},
        questions, this.navigation),
      this.caf.element);
    this.refreshVisibility();
    this.outbox.flush();
    if (!this.outbox.pendingCount()) this.showStatus('saved');
    if (moveFocus) focus(document.querySelector('h1'));
  }

  question(q) {
    const name = q.code;
    const type = q.multiple ? 'checkbox' : 'radio';
    const hintId = `indication-${q.code}`;
    const chosen = this.state.answers[q.code] || [];
    const options = q.options.map(o => {
      const id = `${q.code}--${o.code}`;
      const input = h('input', {type, id, name, value: o.code, checked: chosen.includes(o.code)});
      input.addEventListener('change', () => this.changed(q, o, input));
      return h('label', {class: `choix${o.unknown ? ' choix--nsp' : ''}`, for: id}, input, h('span', {}, o.label));
    });
    const fieldset = h('fieldset', {class: 'question', id: `q-${q.code}`},
      h('legend', {}, q.label, q.multiple ? h('span', {class: 'precision'}, ' (plusieurs réponses possibles)') : null),
      q.hint ? h('details', {class: 'indication', id: hintId},
        h('summary', {}, 'Conseil pour poser la question'), h('p', {}, q.hint)) : null,
      h('div', {class: 'choix-liste'}, options));
    this.fieldsets[q.code] = fieldset;
    return fieldset;
  }

  changed(question, option, input) {
    const inputs = [...this.fieldsets[question.code].querySelectorAll('input')];
    if (question.multiple && input.checked) {
      const alone = o => o.exclusive || o.unknown;
      for (const other of inputs) {
        if (other === input) continue;
        const o = question.options.find(x => x.code === other.value);
        if (alone(option) || alone(o)) other.checked = false;
      }
    }
    const codes = inputs.filter(i => i.checked).map(i => i.value);
    const wasVisible = Object.keys(this.byCode).filter(c => visible(this.byCode[c], this.byCode, this.state.answers));
    this.outbox.set(question.code, codes);
    const hidden = wasVisible.filter(c => !visible(this.byCode[c], this.byCode, this.state.answers) && this.answered(c));
    if (hidden.length) this.outbox.drop(hidden);
    this.refreshVisibility();
    this.progressBox.replaceChildren(...this.progressParts());
    const focused = document.activeElement;
    if (!this.navigation.contains(focused)) this.navigation.replaceChildren(...this.navigationParts().filter(Boolean));
    this.fieldsets[question.code].classList.remove('question--manque');
  }

  refreshVisibility() {
    for (const [code, fieldset] of Object.entries(this.fieldsets)) {
      const show = visible(this.byCode[code], this.byCode, this.state.answers);
      fieldset.hidden = !show;
      if (!show) fieldset.querySelectorAll('input').forEach(i => { i.checked = false; });
    }
  }

  missingIn(step) {
    return this.visibleIn(step).filter(q => q.required !== false && !this.answered(q.code));
  }

  go(index) {
    this.state.step = index;
    this.outbox.persist();
    this.render();
  }

  forward() {
    const missing = this.missingIn(this.steps[this.state.step]);
    if (missing.length) return this.complain(missing);
    const next = this.nextStep(this.state.step, 1);
    if (next >= 0) this.go(next); else this.finish();
  }

  complain(missing) {
    missing.forEach(q => this.fieldsets[q.code]?.classList.add('question--manque'));
    this.messages.replaceChildren(errorBox(missing.length === 1 ? 'Une question est sans réponse'
      : `${missing.length} questions sont sans réponse`,
    missing.map(q => ({href: `#${q.code}--${q.options[0].code}`, text: `${q.label} Si la personne ne sait pas, choisissez « Ne sait pas ».`}))));
    focus(this.messages.firstChild);
  }

  async finish() {
    const missingHere = this.missingIn(this.steps[this.state.step]);
    if (missingHere.length) return this.complain(missingHere);
    const elsewhere = this.steps.findIndex(s => this.missingIn(s).length);
    if (elsewhere >= 0) {
      this.go(elsewhere);
      return this.complain(this.missingIn(this.steps[elsewhere]));
    }
    await this.outbox.flush();
    if (this.outbox.pendingCount()) {
      this.messages.replaceChildren(h('div', {class: 'alerte alerte--info', role: 'alert', tabindex: '-1'},
        h('p', {}, 'Hors connexion : les dernières réponses sont gardées sur cet appareil. Le résultat pourra être calculé dès le retour du réseau : appuyez de nouveau sur « Voir le résultat ».')));
      focus(this.messages.firstChild);
      return;
    }
    await this.caf.beforeCompletion();
    try {
      await api('POST', `/api/v1/drafts/${this.state.id}/diagnostic`);
    } catch (e) {
      this.messages.replaceChildren(errorBox(e instanceof NetworkError
        ? 'Hors connexion : le résultat sera calculé dès le retour du réseau. Appuyez de nouveau sur « Voir le résultat ».'
        : e.message, (e.problem?.errors || []).map(x => ({text: x.detail}))));
      focus(this.messages.firstChild);
      return;
    }
    this.outbox.close();
    forgetInterview(this.state.id);
    location.assign(`/resultat/${this.state.id}`);
  }
}
