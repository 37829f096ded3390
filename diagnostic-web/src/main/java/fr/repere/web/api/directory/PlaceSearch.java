package fr.repere.web.api.directory;

import fr.repere.diagnostic.Diagnostic;
import fr.repere.diagnostic.DiagnosticId;
import fr.repere.diagnostic.Orientation;
import fr.repere.diagnostic.WorkerDecision;
import fr.repere.directory.Place;
import fr.repere.directory.PlaceMatching;
import fr.repere.directory.UnmetNeed;
import fr.repere.infrastructure.JpaAdministration;
import fr.repere.infrastructure.JpaDiagnosticRepository;
import fr.repere.infrastructure.JpaDirectory;
import fr.repere.journal.JournalAction;
import fr.repere.journal.JournalEntry;
import fr.repere.territory.DiagnosticTerritory;
import fr.repere.territory.Geography;
import fr.repere.territory.Territory;
import fr.repere.web.security.Caller;
import fr.repere.web.security.JournalWriter;
import fr.repere.web.security.TeamScope;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

    @PersistenceContext(unitName = "repere")
    private EntityManager em;

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
        Optional<Diagnostic> found = scope.of(caller, new JpaDiagnosticRepository(em).find(id), Diagnostic::belongsTo,
                JournalAction.PLACES_SEARCH, id.value());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Diagnostic diagnostic = found.get();
        Instant now = clock.instant();
        JpaDirectory directory = new JpaDirectory(em);
        Territory territory = request.commune().territory();
        List<Place> candidates = organisationOf(diagnostic.team()).map(o -> directory.near(o, territory)).orElse(List.of());
        PlaceMatching.Point from = request.from() != null ? request.from()
                : PlaceMatching.centreOf(request.commune(), candidates);
        Orientation orientation = diagnostic.decision().map(WorkerDecision::orientation)
                .orElse(diagnostic.primaryOrientation());
        PlaceMatching matching = new PlaceMatching(request.commune(), from, PlaceMatching.suitableFor(orientation));

        List<MatchingView.NeedView> needs = diagnostic.proposal().needs().stream().distinct().map(need -> {
            PlaceMatching.NeedMatches matches = matching.rank(need, candidates, request.limit());
            if (matches.unmet()) {
                directory.recordOnce(UnmetNeed.record(id, diagnostic.team(), need, territory, now), UnmetNeed.key(need));
            }
            return MatchingView.of(matches, request.commune());
        }).toList();

        directory.territoryOf(id.value()).ifPresentOrElse(t -> t.moveTo(territory, now),
                () -> directory.add(new DiagnosticTerritory(id.value(), territory, now)));
        journal.append(JournalEntry.dossierAction(now, caller.actor(), JournalAction.PLACES_SEARCH,
                journal.dossier(diagnostic.team(), diagnostic.caseRef()), id.value()));
        em.flush();
        return Optional.of(new MatchingView(id.value(), CommuneView.of(request.commune()), needs));
    }

    /** A place of the caller's organisation's directory; another organisation's is absent. */
    @Transactional
    public Optional<PlaceView> place(Caller caller, String id) {
        return organisationOf(caller.team()).flatMap(o -> new JpaDirectory(em).place(o, id)).map(p -> PlaceView.of(p.data()));
    }

    private Optional<String> organisationOf(String team) {
        return new JpaAdministration(em).organisationOf(team);
    }

    /**
     * The caller's team's unmet needs, counted by service and by the person's commune (with its EPCI
     * and département), each count with the ids of its diagnostics; every diagnostic listed is
     * journaled as read.
     */
    @Transactional
    public UnmetNeedsView unmetNeeds(Caller caller) {
        List<UnmetNeed> all = new JpaDirectory(em).unmetNeedsOf(caller.team());
        Map<String, List<UnmetNeed>> groups = all.stream().collect(Collectors.groupingBy(
                u -> u.service().name() + "/" + u.priseEnCharge() + "/" + u.territory().commune(), LinkedHashMap::new,
                Collectors.toList()));
        List<UnmetNeedsView.Group> views = groups.values().stream()
                .map(g -> UnmetNeedsView.group(g, geography))
                .sorted(Comparator.comparingInt(UnmetNeedsView.Group::count).reversed()
                        .thenComparing(UnmetNeedsView.Group::service).thenComparing(v -> v.commune().code()))
                .toList();
        List<UnmetNeedsView.ServiceCount> byService = all.stream()
                .collect(Collectors.groupingBy(UnmetNeed::service, () -> new java.util.EnumMap<>(fr.repere.directory.LieuService.class),
                        Collectors.counting()))
                .entrySet().stream().map(e -> new UnmetNeedsView.ServiceCount(e.getKey().name(), e.getKey().label(),
                        e.getValue().intValue()))
                .sorted(Comparator.comparingInt(UnmetNeedsView.ServiceCount::count).reversed()).toList();
        List<String> ids = all.stream().map(UnmetNeed::diagnosticId).filter(Objects::nonNull).distinct().toList();
        if (!ids.isEmpty()) {
            Instant now = clock.instant();
            em.createQuery("SELECT d FROM Diagnostic d WHERE d.id IN :ids", Diagnostic.class).setParameter("ids", ids)
                    .getResultList().forEach(d -> journal.append(JournalEntry.dossierAction(now, caller.actor(),
                            JournalAction.UNMET_NEEDS_READ, journal.dossier(d.team(), d.caseRef()), d.id().value())));
        }
        return new UnmetNeedsView(all.size(), byService, views);
    }

}
