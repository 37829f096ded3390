package fr.repere.referral;

/**
 * A referral names a place its team's directory does not know, and does not describe it in full
 * either: the slip would have nothing to tell the person.
 */
public class UnknownPlaceException extends RuntimeException {

    private final String placeId;

    public UnknownPlaceException(String placeId) {
        super("place not in the team's directory, and not typed: " + placeId);
        this.placeId = placeId;
    }

    /** The id asked for, or null. */
    public String placeId() {
        return placeId;
    }
}
