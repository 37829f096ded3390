package fr.repere.hostevent;

/**
 * A feed cursor below events already deleted ({@link HostEventRetention#RETENTION}): reading on
 * from it would silently skip them. {@link #oldestCursor()} is the cursor from which the feed is
 * whole again.
 */
public final class CursorExpiredException extends RuntimeException {

    private final long oldestCursor;

    public CursorExpiredException(long oldestCursor) {
        super("events up to " + oldestCursor + " were deleted");
        this.oldestCursor = oldestCursor;
    }

    public long oldestCursor() {
        return oldestCursor;
    }
}
