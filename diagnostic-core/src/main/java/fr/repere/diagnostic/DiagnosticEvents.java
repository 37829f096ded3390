package fr.repere.diagnostic;

import fr.repere.hostevent.HostEvent;
import fr.repere.hostevent.HostEventType;
import fr.repere.questionnaire.Dimension;
import fr.repere.scoring.DimensionScore;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The events a host receives about a diagnostic: thin — ids, orientation codes, levels — never an
 * answer, a reason typed by the worker, nor the complementary actions (some say a handicap).
 */
public final class DiagnosticEvents {

    private DiagnosticEvents() {
    }

    /** A diagnostic was taken (in one go, or by completing an interview). */
    public static HostEvent completed(Diagnostic d, Instant now) {
        Map<String, Object> data = base(d);
        data.put("questionnaireVersion", d.questionnaireVersion());
        data.put("rulesetVersion", d.rulesetVersion());
        data.put("proposedOrientation", d.primaryOrientation().name());
        Map<String, Object> levels = new LinkedHashMap<>();
        for (Map.Entry<Dimension, DimensionScore> e : d.scores().scores().entrySet()) {
            levels.put(e.getKey().name(), e.getValue().level().name());
        }
        data.put("levels", levels);
        data.put("links", links(d));
        return HostEvent.of(HostEventType.DIAGNOSTIC_COMPLETED, d.team(), d.caseRef(), now, data);
    }

    /** The worker decided on the proposal. */
    public static HostEvent decided(Diagnostic d, WorkerDecision decision) {
        Map<String, Object> data = base(d);
        data.put("orientation", decision.orientation().name());
        data.put("proposedOrientation", d.primaryOrientation().name());
        data.put("overridden", decision.overridden());
        data.put("links", links(d));
        return HostEvent.of(HostEventType.DIAGNOSTIC_DECIDED, d.team(), d.caseRef(), decision.decidedAt(), data);
    }

    private static Map<String, Object> base(Diagnostic d) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("diagnosticId", d.id().value());
        data.put("teamId", d.team());
        return data;
    }

    private static Map<String, Object> links(Diagnostic d) {
        return Map.of("diagnostic", HostEvent.diagnosticLink(d.id().value()));
    }
}
