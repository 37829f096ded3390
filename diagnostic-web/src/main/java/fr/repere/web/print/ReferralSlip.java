package fr.repere.web.print;

import fr.repere.referral.OpeningHours;
import fr.repere.referral.PlaceSnapshot;
import fr.repere.referral.Referral;

import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.List;

/**
 * The slip handed to the person: where to go (name, address), when (hours in French), how to get
 * in touch ({@code modalites_acces} with the phone and e-mail), what to bring. Nothing about the
 * person is printed.
 */
public final class ReferralSlip {

    private ReferralSlip() {
    }

    public static Response of(Referral referral) {
        PlaceSnapshot p = referral.place();
        Printable page = new Printable("Fiche d'orientation — " + p.nom());
        page.element("h1", null, "Fiche d'orientation");
        page.element("p", null, "Vous pouvez vous rendre dans ce lieu pour être accompagné(e) :");
        referral.service().ifPresent(s -> page.element("p", "important", s.label()));
        page.element("h2", "lieu", p.nom());

        page.open("section", null).element("h3", null, "Adresse")
                .lines(null, p.adresse(), p.complementAdresse(), p.codePostal() + " " + p.commune()).close("section");

        page.open("section", null).element("h3", null, "Horaires d'ouverture");
        if (p.horaires() == null) {
            page.element("p", null, "Horaires non communiqués : téléphonez avant de vous déplacer.");
        } else {
            List<String> french = OpeningHours.inFrench(p.horaires()).orElse(List.of(p.horaires()));
            page.open("ul", null);
            french.forEach(line -> page.element("li", null, capitalize(line)));
            page.close("ul");
        }
        page.close("section");

        page.open("section", null).element("h3", null, "Comment prendre contact");
        List<String> ways = ways(p);
        if (ways.isEmpty()) {
            page.element("p", null, "Se présenter sur place aux horaires d'ouverture.");
        } else {
            page.open("ul", null);
            ways.forEach(w -> page.element("li", null, w));
            page.close("ul");
        }
        if (p.telephone() != null) {
            page.element("p", "important", "Téléphone : " + p.telephone());
        }
        if (!p.courriels().isEmpty()) {
            page.element("p", "important", "Courriel : " + String.join(", ", p.courriels()));
        }
        page.close("section");

        page.open("section", "encadre").element("h3", null, "À apporter");
        page.element("p", null, p.whatToBring() == null
                ? "Votre téléphone si vous en avez un, et les courriers de la démarche concernée."
                : p.whatToBring());
        page.element("p", null, "Ne donnez jamais vos mots de passe : personne n'a besoin de les connaître pour vous aider.");
        page.close("section");

        page.lines("pied", "Orientation faite le " + Printable.day(referral.createdAt())
                + ". Si ce lieu ne peut pas vous recevoir, dites-le à la personne qui vous a remis cette fiche.",
                "Référence de l'orientation : " + referral.id().value().substring(0, 8));
        return page.response();
    }

    /** The schema's access modes, said to the person with the contact details they need. */
    private static List<String> ways(PlaceSnapshot p) {
        List<String> ways = new ArrayList<>();
        for (String m : p.modalitesAcces()) {
            ways.add(switch (m) {
                case "Se présenter" -> "Se présenter sur place, aux horaires d'ouverture.";
                case "Téléphoner" -> p.telephone() == null ? "Téléphoner avant de venir." : "Téléphoner au " + p.telephone() + ".";
                case "Contacter par mail" -> p.courriels().isEmpty() ? "Écrire un courriel."
                        : "Écrire à " + String.join(" ou ", p.courriels()) + ".";
                case "Envoyer un mail avec une fiche de prescription" ->
                        "La personne qui vous oriente envoie un courriel avec une fiche de prescription.";
                case "Prendre un RDV en ligne" -> "Prendre rendez-vous en ligne.";
                default -> m + ".";
            });
        }
        return ways;
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
