// French labels of the decision's codes (the same as the API's, for the override form).

export const ORIENTATIONS = [
  ['AUTONOMOUS', "Autonome : pas d'accompagnement numérique nécessaire"],
  ['TRAIN', 'Former : ateliers ou parcours pour gagner en autonomie'],
  ['MEDIATOR', 'Orienter vers un médiateur numérique : faire avec la personne'],
  ['ON_BEHALF', 'Faire à la place, sous mandat : démarche urgente sans autonomie possible à temps'],
];

export const ACTIONS = [
  ['EQUIPMENT', 'Équipement : acquisition de matériel informatique à prix solidaire'],
  ['CONNECTIVITY', 'Connexion : offre solidaire, accès internet et matériel informatique'],
  ['BANK_ACCOUNT', 'Compte bancaire : droit au compte, Point conseil budget'],
  ['BUDGET', 'Budget : accompagnement par un Point conseil budget'],
  ['EMAIL_IDENTITY', 'Adresse e-mail et identité numérique (FranceConnect) à créer'],
  ['FRENCH_COURSE', 'Cours de français (français langue étrangère)'],
  ['LITERACY', 'Accompagnement en lecture et écriture (illettrisme)'],
  ['ACCESSIBILITY_VISUAL', 'Adaptation : déficience visuelle'],
  ['ACCESSIBILITY_HEARING', 'Adaptation : surdité'],
  ['ACCESSIBILITY_MOTOR', 'Adaptation : handicap moteur'],
  ['ACCESSIBILITY_COGNITIVE', 'Adaptation : troubles cognitifs ou handicap mental'],
  ['ONLINE_SAFETY', 'Utilisation sécurisée du numérique (arnaques, mots de passe)'],
];

/** Bars: how much of the bar each level fills, from far to autonomous. */
export const LEVEL_STEPS = {VERY_FAR: 1, FRAGILE: 2, SUPPORTED: 3, AUTONOMOUS: 4, NOT_ASSESSED: 0};

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
