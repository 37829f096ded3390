package fr.repere.host;

/**
 * Why a launch is refused, with what the agent in front of the host's screen is told (French):
 * never which check failed in detail, which only the server's log and the journal keep.
 */
public enum LaunchRefusal {
    /** Not a signed token (JWS compact form) of readable claims. */
    UNREADABLE(400, "Le lien d'ouverture envoyé par votre logiciel métier est illisible."),
    /** No registered host has this issuer and this audience. */
    UNKNOWN_HOST(401, "Votre logiciel métier n'est pas enregistré auprès de Repère pour votre organisation."),
    /** An algorithm other than ES256 or RS256 (a shared secret, or none). */
    ALGORITHM(401, "Le lien d'ouverture n'est pas signé comme Repère l'exige (ES256 ou RS256)."),
    /** No registered key of the host has this key id. */
    UNKNOWN_KEY(401, "Le lien d'ouverture est signé par une clé que Repère ne connaît pas pour votre logiciel métier."),
    /** The host's published keys cannot be read now (its address does not answer, or not a key set). */
    KEYS_UNREACHABLE(503, "Repère ne peut pas lire en ce moment les clés publiques de votre logiciel métier : "
            + "réessayez dans quelques minutes."),
    /** The signature does not verify. */
    BAD_SIGNATURE(401, "La signature du lien d'ouverture n'est pas valide."),
    /** Expired, not valid yet, issued in the future, or valid for more than five minutes. */
    EXPIRED(401, "Le lien d'ouverture a expiré : relancez le diagnostic depuis votre logiciel métier."),
    /** Its token id was used before. */
    REPLAYED(401, "Ce lien d'ouverture a déjà servi : relancez le diagnostic depuis votre logiciel métier."),
    /** The deployment id is not one of the registration's. */
    UNKNOWN_DEPLOYMENT(401, "Ce déploiement de votre logiciel métier n'est pas enregistré auprès de Repère."),
    /** Not an LTI 1.3.0 LtiResourceLinkRequest, or a claim missing. */
    WRONG_MESSAGE(400, "Le lien d'ouverture ne contient pas ce que Repère attend (demande d'ouverture d'un dossier)."),
    /** The target is not a page of this Repère. */
    TARGET_OUTSIDE(400, "Le lien d'ouverture vise une adresse qui n'est pas celle de Repère."),
    /** The host's case id is not a case reference Repère accepts. */
    BAD_CASE(400, "L'identifiant du dossier envoyé par votre logiciel métier n'est pas accepté par Repère."),
    /** No active agent of a team the host may launch into for this account and this e-mail. */
    NO_AGENT(403, "Aucun compte Repère actif ne correspond à votre compte du logiciel métier : "
            + "demandez à l'administrateur Repère de votre organisation de créer ou de réactiver votre compte.");

    private final int status;
    private final String message;

    LaunchRefusal(int status, String message) {
        this.status = status;
        this.message = message;
    }

    public int status() {
        return status;
    }

    /** What the agent reads, in French. */
    public String message() {
        return message;
    }
}
