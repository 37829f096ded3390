package fr.repere.web.print;

import fr.repere.mandate.Autorisation;
import fr.repere.mandate.Mandate;

import jakarta.ws.rs.core.Response;

/**
 * The mandate attestation the person signs on paper (Aidants Connect model): the organisation
 * that holds the mandate, the démarche categories, the duration, the person's rights, and that
 * nobody will ask for their passwords. The person's name is written by hand: Repère does not know
 * it.
 */
public final class MandateAttestation {

    private MandateAttestation() {
    }

    public static Response of(Mandate m, String organisationName) {
        Printable page = new Printable("Attestation de mandat");
        page.element("h1", null, "Attestation de mandat");
        page.element("p", null, "Je soussigné(e), nom et prénom :");
        page.element("p", "a-remplir", "");
        page.element("p", null, "autorise la structure");
        page.element("p", "lieu important", organisationName);
        page.element("p", null, "— et non une personne en particulier — à réaliser pour mon compte les démarches "
                + "administratives en ligne des catégories suivantes :");
        page.open("ul", null);
        for (Autorisation a : m.autorisations()) {
            if (!a.isRevoked()) {
                page.element("li", "important", a.category().label());
            }
        }
        page.close("ul");

        page.open("section", "encadre").element("h3", null, "Durée");
        page.element("p", null, m.duration().label() + " : " + m.duration().daysText() + " à compter de l'enregistrement de cette attestation signée"
                + m.expiresAt().map(e -> " (jusqu'au " + Printable.day(e) + ")").orElse("") + ".");
        page.close("section");

        page.open("section", null).element("h3", null, "Mes droits");
        page.open("ul", null);
        page.element("li", null, "Je peux révoquer ce mandat à tout moment auprès de la structure, en entier ou pour une seule "
                + "catégorie de démarches.");
        page.element("li", null, "Chaque utilisation du mandat est inscrite dans un journal qui ne peut être ni modifié ni "
                + "effacé ; je peux demander à le consulter.");
        page.element("li", "important", "Repère, l'outil de la structure, ne conserve jamais mes mots de passe ni mes "
                + "identifiants de connexion. Personne ne doit me les demander.");
        page.close("ul").close("section");

        page.lines(null, "Fait à ………………………………, le ……………………");
        page.open("div", "signatures");
        page.open("div", null).element("p", null, "Signature de la personne").close("div");
        page.open("div", null).element("p", null, "Pour la structure : nom, signature et cachet").close("div");
        page.close("div");
        page.lines("pied", "Mandat n° " + m.id().value(), "Document en deux exemplaires : un pour la personne, un pour la structure.");
        return page.response();
    }
}
