package fr.repere.caf;

import java.util.function.Consumer;

/**
 * Port to the CAF / MSA data of a person (implemented by integration-caf-pro on API Particulier v3).
 *
 * <p>Implementations never throw for a remote failure: an unreachable, slow, rate-limited,
 * oversized or incoherent answer is {@link CafLookup.Unavailable}. Only a programming error (null
 * argument) throws.
 */
public interface CafData {

    /**
     * Looks the person up, asking only what the rules read (RSA, prime d'activité), and tells
     * {@code calls} about each request made to the source, as {@code "<endpoint> <HTTP status>"}
     * (or a word for a request without answer: "délai", "réseau", "limite", "taille"), so that
     * every call can be journaled. Never with the identity.
     *
     * @param person identity as written on the civil-status records
     */
    CafLookup lookup(CivilStatus person, Consumer<String> calls);
}
