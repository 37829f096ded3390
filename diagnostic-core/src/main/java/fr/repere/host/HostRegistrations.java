package fr.repere.host;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where host registrations are kept (port; {@code fr.repere.infrastructure} implements it). */
public interface HostRegistrations {

    /** The organisation's registrations in force, oldest first. */
    List<HostRegistration> of(String organisation);

    Optional<HostRegistration> find(String organisation, String id);

    /** The registration in force of this issuer for this audience, whatever its organisation. */
    Optional<HostRegistration> byIssuerAndClient(String issuer, String clientId);

    void add(HostRegistration registration, String by);

    /** Marks it removed: its launches are refused from now on. */
    void remove(String id, Instant at);
}
