package fr.repere.mandate;

import fr.repere.hostevent.HostEvents;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The mandate use cases (Aidants Connect model): prepare a mandate between the agent's
 * organisation and the person of a dossier, record the signed attestation, use an autorisation,
 * revoke one or the whole mandate. Which team may see what is the caller's boundary's business:
 * the dossiers and mandates handed here are already the caller's team's. Signing and revoking
 * write their host event ({@link MandateEvents}) in the caller's transaction.
 */
@ApplicationScoped
public class Mandates {

    private MandateRepository mandates;
    private MandateHolders holders;
    private Clock clock;
    private HostEvents events;

    /** For CDI's proxy. */
    protected Mandates() {
    }

    @Inject
    public Mandates(MandateRepository mandates, MandateHolders holders, Clock clock, HostEvents events) {
        this.mandates = Objects.requireNonNull(mandates, "mandates");
        this.holders = Objects.requireNonNull(holders, "holders");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.events = Objects.requireNonNull(events, "events");
    }

    public Instant now() {
        return clock.instant();
    }

    /**
     * A mandate, awaiting signature, between the organisation of {@code team} and the person of the
     * dossier ({@code team}, {@code caseRef}) a diagnostic was taken for. Empty when the dossier was
     * anonymized ({@code caseRef} null): it points to nobody.
     */
    public Optional<Mandate> prepare(String team, String caseRef, String diagnosticId,
                                     Collection<DemarcheCategory> categories, MandateDuration duration, String agent) {
        if (caseRef == null) {
            return Optional.empty();
        }
        Mandate m = Mandate.prepare(MandateId.next(), holders.organisationOf(team).orElseThrow(), team, caseRef,
                diagnosticId, EnumSet.copyOf(categories), duration, agent, clock.instant());
        mandates.store(m);
        mandates.flush();
        return Optional.of(m);
    }

    public Optional<Mandate> find(MandateId id) {
        return mandates.find(id);
    }

    /** The mandates of a dossier, newest first; none for an anonymized one ({@code caseRef} null). */
    public List<Mandate> ofDossier(String team, String caseRef) {
        return caseRef == null ? List.of() : mandates.ofDossier(team, caseRef);
    }

    /** The person signed the printed attestation ({@code attestationSha256}: of the scanned copy, or null). */
    public void sign(Mandate mandate, String agent, String attestationSha256) {
        Instant now = clock.instant();
        mandate.sign(agent, attestationSha256, now);
        events.record(MandateEvents.signed(mandate, now));
        saved(mandate);
    }

    /** The organisation acted for the person in a démarche of this category. */
    public void use(Mandate mandate, DemarcheCategory category, String agent) {
        mandate.use(category, agent, clock.instant());
        saved(mandate);
    }

    /** Revokes one autorisation, or the whole mandate when {@code category} is null. */
    public void revoke(Mandate mandate, DemarcheCategory category, String agent) {
        Instant now = clock.instant();
        if (category == null) {
            mandate.revokeAll(agent, now);
        } else {
            mandate.revoke(category, agent, now);
        }
        events.record(MandateEvents.revoked(mandate, category == null, now));
        saved(mandate);
    }

    /** The name of a mandate holder ({@link Mandate#organisation()}), printed on the attestation; empty text if unknown. */
    public String holderName(String organisation) {
        return holders.name(organisation);
    }

    private void saved(Mandate mandate) {
        mandates.flush();
        mandate.journal().size(); // loaded while the transaction is open: the caller shows it
    }
}
