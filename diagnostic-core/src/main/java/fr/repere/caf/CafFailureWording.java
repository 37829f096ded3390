package fr.repere.caf;

/**
 * What the worker reads when the CAF gave no usable answer, by who can act: never the provider's
 * own text, which may echo the identity sent.
 */
final class CafFailureWording {

    private CafFailureWording() {
    }

    static String of(CafLookup.Failure failure) {
        if (failure == null) {
            return "La CAF n'a pas pu répondre : continuez sans ces informations.";
        }
        return switch (failure) {
            case PROVIDER_DOWN -> "La CAF ne répond pas pour l'instant : continuez sans ces informations.";
            case RATE_LIMITED -> "La CAF demande d'attendre avant une nouvelle demande : continuez sans ces informations, "
                    + "ou réessayez dans quelques minutes.";
            case CONFIGURATION -> "La consultation de la CAF est refusée à Repère (jeton ou habilitation API Particulier) : "
                    + "prévenez l'administrateur de Repère, et continuez sans ces informations.";
            case IDENTITY_REFUSED -> "La CAF n'a pas accepté l'identité saisie : vérifiez l'état civil (noms, prénoms, date et "
                    + "lieu de naissance, sexe), puis réessayez, ou continuez sans ces informations.";
            case UNEXPECTED, INTERNAL -> "La réponse de la CAF n'a pas pu être lue : continuez sans ces informations "
                    + "(le détail technique est conservé pour l'assistance).";
        };
    }
}
