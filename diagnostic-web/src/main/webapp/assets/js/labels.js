// The decision's codes and labels come from Java (vocabulary.js, written by the server from the
// one definition of each); this module adds what only the screens say.

export {ACTIONS, LEVEL_COUNT, LEVEL_STEPS, ORIENTATIONS} from './vocabulary.js';

/** Step titles of the questionnaire: the two context steps say what they are about. */
export function stepTitle(dimension, index, dimensionLabel) {
  if (dimension === 'CONTEXT') return index === 0 ? 'La démarche à faire' : 'La situation de la personne';
  return {
    ACCESS: 'Accès : appareils et connexion',
    SKILLS: "Compétences : se servir d'internet",
    MOTIVATION: 'Envie et confiance',
    BANKING: 'Banque et budget',
  }[dimension] || dimensionLabel;
}
