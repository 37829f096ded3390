package fr.repere.web.api.referral;

import fr.repere.diagnostic.DiagnosticId;
import fr.repere.directory.LieuService;
import fr.repere.referral.PlaceSnapshot;
import fr.repere.web.api.BodyFields;

import jakarta.json.JsonObject;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code POST /api/v1/referrals}: the diagnostic, the need it answers (optional), the place and what
 * the person should bring. A place of the directory is named by its national {@code id} alone: the
 * slip copies it from the directory. A place the directory does not know is typed in full (the
 * schema's field names).
 */
record ReferralRequest(DiagnosticId diagnostic, LieuService service, String placeId, PlaceSnapshot typedPlace,
                       String whatToBring) {

    static final Set<String> FIELDS = Set.of("diagnosticId", "service", "place", "whatToBring");
    static final Set<String> PLACE_FIELDS = Set.of("id", "nom", "adresse", "complement_adresse", "code_postal", "commune",
            "horaires", "telephone", "courriels", "modalites_acces");
    /** Any of these makes the place a typed one, which then needs all four. */
    private static final List<String> TYPED = List.of("nom", "adresse", "code_postal", "commune");

    static ReferralRequest from(JsonObject body) {
        BodyFields f = new BodyFields(body, FIELDS);
        String diagnostic = f.text("diagnosticId", 36, true);
        if (diagnostic != null && DiagnosticId.parse(diagnostic).isEmpty()) {
            f.error("diagnosticId", "L'identifiant d'un diagnostic est attendu.");
        }
        LieuService service = f.code("service", EnumSet.allOf(LieuService.class), false);
        String whatToBring = f.text("whatToBring", 1000, false);
        BodyFields p = f.object("place", PLACE_FIELDS);
        String id = null;
        PlaceSnapshot typed = null;
        if (p != null) {
            id = p.text("id", 255, true);
            boolean typedIn = TYPED.stream().anyMatch(body.getJsonObject("place")::containsKey);
            String nom = p.text("nom", 250, typedIn);
            String adresse = p.text("adresse", 250, typedIn);
            String complement = p.text("complement_adresse", 250, false);
            String codePostal = p.matching("code_postal", "\\d{5}", "Un code postal de 5 chiffres est attendu.", typedIn);
            String commune = p.text("commune", 120, typedIn);
            String horaires = p.text("horaires", 1000, false);
            String telephone = p.matching("telephone", "\\+?[0-9 .()-]{6,40}", "Un numéro de téléphone est attendu.", false);
            List<String> courriels = p.texts("courriels", 120, null);
            List<String> modalites = p.texts("modalites_acces", 60, Set.copyOf(PlaceSnapshot.MODALITES_ACCES));
            f.done("L'orientation");
            if (typedIn) {
                typed = new PlaceSnapshot(id, nom, adresse, complement, codePostal, commune, horaires, telephone, courriels,
                        modalites, whatToBring);
            }
        }
        f.done("L'orientation");
        return new ReferralRequest(DiagnosticId.parse(diagnostic).orElseThrow(), service, id, typed, whatToBring);
    }
}
