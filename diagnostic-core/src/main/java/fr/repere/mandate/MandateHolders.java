package fr.repere.mandate;

import java.util.Optional;

/** The organisations that hold mandates: an agent acts for the person in the name of its team's organisation. */
public interface MandateHolders {

    /** The organisation a team belongs to; empty if the team is unknown. */
    Optional<String> organisationOf(String team);

    /** The organisation's name, as the attestation prints it; empty text if the organisation is unknown. */
    String name(String organisation);
}
