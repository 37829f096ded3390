package fr.repere.web.api.directory;

import fr.repere.diagnostic.Diagnosing;
import fr.repere.diagnostic.Diagnostic;
import fr.repere.diagnostic.DiagnosticId;
import fr.repere.directory.DirectorySearch;
import fr.repere.directory.LieuService;
import fr.repere.directory.UnmetNeed;
import fr.repere.journal.JournalAction;
import fr.repere.journal.JournalEntry;
import fr.repere.territory.Geography;
import fr.repere.web.security.Caller;
import fr.repere.web.security.JournalWriter;
import fr.repere.web.security.TeamScope;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Transaction boundary of the places proposed for a diagnostic, for one caller: a diagnostic of
 * another team is absent (and the refusal journaled), every search is journaled on the dossier,
 * the person's territory is kept on the diagnostic, and each need no place meets is recorded once
 * as unmet. Places come from the directory of the diagnostic's team's organisation only. Also the
 * team lead's report of the team's unmet needs.
 */
@ApplicationScoped
public class PlaceSearch {

    @Inject
    private DirectorySearch directory;

    @Inject
    private Diagnosing diagnostics;

    @Inject
    private Clock clock;

    @Inject
    private JournalWriter journal;

    @Inject
    private TeamScope scope;

    @Inject
    private Geography geography;

    @Transactional
    public Optional<MatchingView> placesFor(Caller caller, DiagnosticId id, PlacesRequest request) {
        Optional<Diagnostic> found = scope.of(caller, diagnostics.find(id), Diagnostic::belongsTo,
                JournalAction.PLACES_SEARCH, id.value());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Diagnostic diagnostic = found.get();
        Instant now = clock.instant();
        List<MatchingView.NeedView> needs = directory.placesFor(diagnostic, request.commune(), request.from(),
                request.limit(), now).stream().map(matches -> MatchingView.of(matches, request.commune())).toList();
        journal.append(JournalEntry.dossierAction(now, caller.actor(), JournalAction.PLACES_SEARCH,
                journal.dossier(diagnostic.team(), diagnostic.caseRef()), id.value()));
        directory.flush();
        return Optional.of(new MatchingView(id.value(), CommuneView.of(request.commune()), needs));
    }

    /** A place of the caller's organisation's directory; another organisation's is absent. */
    @Transactional
    public Optional<PlaceView> place(Caller caller, String id) {
        return directory.place(caller.team(), id).map(p -> PlaceView.of(p.data()));
    }

    /**
     * The caller's team's unmet needs, counted by service and by the person's commune (with its EPCI
     * and département), each count with the ids of its diagnostics; every diagnostic listed is
     * journaled as read.
     */
    @Transactional
    public UnmetNeedsView unmetNeeds(Caller caller) {
        DirectorySearch.UnmetNeeds unmet = directory.unmetNeeds(caller.team());
        List<UnmetNeed> all = unmet.needs();
        Map<String, List<UnmetNeed>> groups = all.stream().collect(Collectors.groupingBy(
                u -> u.service().name() + "/" + u.priseEnCharge() + "/" + u.territory().commune(), LinkedHashMap::new,
                Collectors.toList()));
        List<UnmetNeedsView.Group> views = groups.values().stream()
                .map(g -> UnmetNeedsView.group(g, geography))
                .sorted(Comparator.comparingInt(UnmetNeedsView.Group::count).reversed()
                        .thenComparing(UnmetNeedsView.Group::service).thenComparing(v -> v.commune().code()))
                .toList();
        List<UnmetNeedsView.ServiceCount> byService = all.stream()
                .collect(Collectors.groupingBy(UnmetNeed::service, () -> new EnumMap<>(LieuService.class),
                        Collectors.counting()))
                .entrySet().stream().map(e -> new UnmetNeedsView.ServiceCount(e.getKey().name(), e.getKey().label(),
                        e.getValue().intValue()))
                .sorted(Comparator.comparingInt(UnmetNeedsView.ServiceCount::count).reversed()).toList();
        if (!unmet.diagnostics().isEmpty()) {
            Instant now = clock.instant();
            unmet.diagnostics().forEach(d -> journal.append(JournalEntry.dossierAction(now, caller.actor(),
                    JournalAction.UNMET_NEEDS_READ, journal.dossier(d.team(), d.caseRef()), d.id().value())));
        }
        return new UnmetNeedsView(all.size(), byService, views);
    }
}
