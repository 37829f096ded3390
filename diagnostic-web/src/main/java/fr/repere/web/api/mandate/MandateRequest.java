package fr.repere.web.api.mandate;

import fr.repere.diagnostic.DiagnosticId;
import fr.repere.mandate.DemarcheCategory;
import fr.repere.mandate.MandateDuration;
import fr.repere.web.api.BodyFields;

import jakarta.json.JsonObject;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** {@code POST /api/v1/mandates}: for the person of a diagnostic, the démarche categories and the duration. */
record MandateRequest(DiagnosticId diagnostic, List<DemarcheCategory> categories, MandateDuration duration) {

    static MandateRequest from(JsonObject body) {
        BodyFields f = new BodyFields(body, Set.of("diagnosticId", "categories", "duration"));
        String diagnostic = f.text("diagnosticId", 36, true);
        if (diagnostic != null && DiagnosticId.parse(diagnostic).isEmpty()) {
            f.error("diagnosticId", "L'identifiant d'un diagnostic est attendu.");
        }
        List<DemarcheCategory> categories = f.codes("categories", EnumSet.allOf(DemarcheCategory.class));
        MandateDuration duration = f.code("duration", EnumSet.allOf(MandateDuration.class), true);
        f.done("Le mandat");
        return new MandateRequest(DiagnosticId.parse(diagnostic).orElseThrow(), categories, duration);
    }

    /** {@code {"category": "LOGEMENT"}} for one autorisation (use, revocation); for a revocation, none means the whole mandate. */
    static DemarcheCategory category(JsonObject body, boolean required) {
        BodyFields f = new BodyFields(body, Set.of("category"));
        DemarcheCategory c = f.code("category", EnumSet.allOf(DemarcheCategory.class), required);
        f.done("La demande");
        return c;
    }

    /** {@code {"attestationSha256": "<64 hex>"}}, or nothing. */
    static String attestationHash(JsonObject body) {
        BodyFields f = new BodyFields(body, Set.of("attestationSha256"));
        String sha = f.matching("attestationSha256", "[0-9a-fA-F]{64}",
                "L'empreinte SHA-256 de la copie numérisée est attendue (64 caractères hexadécimaux).", false);
        f.done("L'enregistrement de l'attestation signée");
        return sha == null ? null : sha.toLowerCase(java.util.Locale.ROOT);
    }
}
