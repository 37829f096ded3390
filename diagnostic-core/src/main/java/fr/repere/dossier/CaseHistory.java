package fr.repere.dossier;

import fr.repere.diagnostic.Diagnostic;
import fr.repere.diagnostic.Draft;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** A team's case over time: its diagnostics in the order of a story, and its interviews in progress. */
@ApplicationScoped
public class CaseHistory {

    private DossierTimeline timeline;

    /** The case's diagnostics, oldest first, and its drafts, last saved first. */
    public record Story(List<Diagnostic> diagnostics, List<Draft> drafts) {

        public Story {
            diagnostics = List.copyOf(diagnostics);
            drafts = List.copyOf(drafts);
        }
    }

    /** For CDI's proxy. */
    protected CaseHistory() {
    }

    @Inject
    public CaseHistory(DossierTimeline timeline) {
        this.timeline = Objects.requireNonNull(timeline, "timeline");
    }

    public Story of(String team, String caseRef) {
        List<Diagnostic> diagnostics = new ArrayList<>(timeline.diagnostics(team, caseRef));
        Collections.reverse(diagnostics); // oldest first: the order of a story
        return new Story(diagnostics, timeline.drafts(team, caseRef));
    }
}
