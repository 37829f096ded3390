// The demonstration host's page: gets a launch signed by its own backend and posts it into the
// iframe, shows the message Repère posts to it (from Repère's origin only) and lists the webhooks
// its backend received.
const repereOrigin = document.body.dataset.repereOrigin;
const bouton = document.getElementById('lancer');
const etat = document.getElementById('etat-lancement');
const formulaire = document.getElementById('lancement');
const cadre = document.getElementById('cadre-repere');
const message = document.getElementById('message-repere');
const liste = document.getElementById('evenements');
const aucun = document.getElementById('aucun-evenement');

const TYPES = {
  'fr.repere.diagnostic.completed.v1': 'diagnostic réalisé',
  'fr.repere.diagnostic.decided.v1': 'orientation décidée',
  'fr.repere.referral.created.v1': 'orientation vers un lieu créée',
  'fr.repere.referral.status-changed.v1': "statut d'une orientation changé",
  'fr.repere.mandate.signed.v1': 'mandat signé',
  'fr.repere.mandate.revoked.v1': 'mandat révoqué',
  'fr.repere.dossier.erased.v1': 'dossier effacé',
};

bouton.addEventListener('click', async () => {
  etat.textContent = 'Ouverture de Repère…';
  try {
    const reponse = await fetch('/demo/hote/jeton', {method: 'POST', headers: {'Content-Type': 'application/json'}, body: '{}'});
    if (!reponse.ok) throw new Error(`réponse ${reponse.status}`);
    const {idToken, launchUrl} = await reponse.json();
    formulaire.action = launchUrl;
    formulaire.elements.id_token.value = idToken;
    cadre.hidden = false;
    formulaire.submit();
    etat.textContent = 'Repère est ouvert ci-dessous pour ce dossier.';
  } catch (e) {
    etat.textContent = `Repère n'a pas pu être ouvert : jeton non obtenu (${e.message}).`;
  }
});

// Only Repère, in our iframe, may tell us something; anything else is ignored.
window.addEventListener('message', (event) => {
  if (event.origin !== repereOrigin || event.source !== cadre.contentWindow) return;
  const data = event.data;
  if (!data || typeof data.type !== 'string') return;
  message.dataset.origin = event.origin;
  message.dataset.type = data.type;
  message.dataset.diagnosticId = data.diagnosticId || '';
  message.dataset.caseRef = data.caseRef || '';
  const quoi = data.type === 'repere.diagnostic.decided' ? 'orientation décidée' : 'message';
  message.textContent = `Reçu de ${event.origin} : ${data.type} (${quoi}), diagnostic ${data.diagnosticId || '—'}, `
    + `dossier ${data.caseRef || '—'}, à ${new Date().toLocaleTimeString('fr-FR')}.`;
});

const vus = new Set();

function ligne(e) {
  const li = document.createElement('li');
  li.dataset.type = e.type;
  li.dataset.verified = String(e.verified);
  const type = document.createElement('span');
  type.className = 'evenement__type';
  type.textContent = e.type;
  const quand = document.createElement('time');
  quand.dateTime = e.receivedAt;
  quand.textContent = new Date(e.receivedAt).toLocaleTimeString('fr-FR');
  const signature = document.createElement('span');
  signature.className = e.verified ? 'signature--oui' : 'signature--non';
  signature.textContent = `signature vérifiée : ${e.verified ? 'oui' : 'non'}`;
  li.append(type, `${TYPES[e.type] || 'événement'}${e.subject ? `, dossier ${e.subject}` : ''}, reçu à `, quand, ' — ', signature);
  return li;
}

async function evenements() {
  try {
    const reponse = await fetch('/demo/hote/evenements', {cache: 'no-store'});
    if (reponse.ok) {
      const {events} = await reponse.json();
      for (const e of events) {
        const cle = `${e.id} ${e.receivedAt}`;
        if (vus.has(cle)) continue;
        vus.add(cle);
        liste.append(ligne(e));
      }
      aucun.hidden = events.length > 0;
    }
  } catch {
    // the demonstration host stopped or restarts: ask again later
  }
  setTimeout(evenements, 2000);
}

evenements();
