package fr.repere.referral;

import fr.repere.diagnostic.Diagnostic;
import fr.repere.diagnostic.DiagnosticId;
import fr.repere.diagnostic.DiagnosticRepository;
import fr.repere.directory.LieuService;
import fr.repere.hostevent.HostEvents;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The referral use cases of a worker: refer the person of a diagnostic to a place, follow the
 * referrals of a diagnostic and those the reminder job flagged, record the place's answer or the
 * person's visit. Which team may see what is the caller's boundary's business: the diagnostics and
 * referrals handed here are already the caller's team's. Each change writes its host event
 * ({@link ReferralEvents}) in the caller's transaction.
 */
@ApplicationScoped
public class Referrals {

    /** At most this many reminded referrals are listed to a worker. */
    public static final int REMINDERS_SHOWN = 200;

    private ReferralRepository referrals;
    private DiagnosticRepository diagnostics;
    private ReferralPlaces places;
    private Clock clock;
    private HostEvents events;

    /** For CDI's proxy. */
    protected Referrals() {
    }

    @Inject
    public Referrals(ReferralRepository referrals, DiagnosticRepository diagnostics, ReferralPlaces places, Clock clock,
                     HostEvents events) {
        this.referrals = Objects.requireNonNull(referrals, "referrals");
        this.diagnostics = Objects.requireNonNull(diagnostics, "diagnostics");
        this.places = Objects.requireNonNull(places, "places");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.events = Objects.requireNonNull(events, "events");
    }

    public Optional<Diagnostic> diagnostic(DiagnosticId id) {
        return diagnostics.find(id);
    }

    /** The diagnostic a referral was made from (whose dossier it belongs to); empty if it is gone. */
    public Optional<Diagnostic> diagnosticOf(Referral referral) {
        return diagnostics.find(referral.diagnosticId());
    }

    public Optional<Referral> find(ReferralId id) {
        return referrals.find(id);
    }

    /**
     * Refers the person of {@code diagnostic} to a place, by an agent of {@code team}. A place of the
     * team's directory is copied from the directory (what the browser sent of it is ignored); else
     * the typed place is taken as is.
     *
     * @param placeId     the national id of the place, or null
     * @param typedPlace  the place as typed in full, or null
     * @throws UnknownPlaceException if the directory does not know the place and none was typed
     */
    public Referral make(Diagnostic diagnostic, String team, String agent, LieuService service, String placeId,
                         PlaceSnapshot typedPlace, String whatToBring) {
        Referral r = Referral.make(ReferralId.next(), diagnostic.id(), team, agent, service,
                place(team, placeId, typedPlace, whatToBring), clock.instant());
        referrals.store(r);
        events.record(ReferralEvents.created(r, diagnostic.caseRef(), r.createdAt()));
        referrals.flush();
        return r;
    }

    private PlaceSnapshot place(String team, String placeId, PlaceSnapshot typedPlace, String whatToBring) {
        return places.ofTeam(team, placeId)
                .map(p -> PlaceSnapshot.of(p, whatToBring))
                .or(() -> Optional.ofNullable(typedPlace))
                .orElseThrow(() -> new UnknownPlaceException(placeId));
    }

    /** The referrals made from a diagnostic, oldest first. */
    public List<Referral> ofDiagnostic(Diagnostic diagnostic) {
        return referrals.ofDiagnostic(diagnostic.id());
    }

    /** The agent's referrals the reminder job flagged and that still wait for an answer, oldest first. */
    public List<Referral> reminded(String team, String agent) {
        return referrals.remindedOf(team, agent, REMINDERS_SHOWN);
    }

    /**
     * Records the place's answer (accepted, refused with its reason) or the person's visit
     * (completed), by an agent; the lifecycle refuses what it does not allow, and an expiry is the
     * job's alone.
     *
     * @throws ForbiddenTransitionException       if the referral cannot go to that status from its own
     * @throws RefusalWithoutReasonException      if a refusal has no reason
     */
    public void changeStatus(Referral referral, String agent, ReferralStatus status, String reason) {
        Instant now = clock.instant();
        ReferralStatus before = referral.status();
        if (status == ReferralStatus.REFUSED) {
            referral.refuse(agent, reason, now);
        } else if (status == ReferralStatus.ACCEPTED) {
            referral.accept(agent, now);
        } else if (status == ReferralStatus.COMPLETED) {
            referral.complete(agent, now);
        } else {
            throw new ForbiddenTransitionException(referral.status(), status);
        }
        events.record(ReferralEvents.statusChanged(referral, before,
                diagnosticOf(referral).map(Diagnostic::caseRef).orElse(null), now));
        referrals.flush();
    }
}
