package fr.repere.caf;

import java.time.YearMonth;

/**
 * Port to the CAF / MSA data of a person (implemented by integration-caf-pro on API Particulier v3).
 *
 * <p>Implementations never throw for a remote failure: an unreachable, slow, rate-limited or
 * incoherent source is {@link CafLookup.Unavailable}. Only a programming error (null argument)
 * throws.
 */
public interface CafData {

    /**
     * Looks the person up.
     *
     * @param person identity as written on the civil-status records
     * @param period month of the quotient familial wanted; {@code null} means the source's current
     *               month (preferable for a live diagnostic: no "future month" refusal when our clock
     *               runs ahead of the source's at a month boundary)
     */
    CafLookup lookup(CivilStatus person, YearMonth period);

    /**
     * The same, telling {@code calls} about each request made to the source, as
     * {@code "<endpoint> <HTTP status>"} (or a word for a request without answer: "délai", "réseau",
     * "limite"), so that every call can be journaled. Never with the identity.
     */
    default CafLookup lookup(CivilStatus person, YearMonth period, java.util.function.Consumer<String> calls) {
        return lookup(person, period);
    }
}
