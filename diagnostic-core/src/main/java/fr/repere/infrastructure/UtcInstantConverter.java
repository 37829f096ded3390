package fr.repere.infrastructure;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Every {@link Instant} of the entities is stored as a UTC {@code DATETIME(3)}: MariaDB keeps no
 * time zone, and milliseconds are its precision here. Applied to all entities, so they hold
 * plain instants.
 */
@Converter(autoApply = true)
public class UtcInstantConverter implements AttributeConverter<Instant, LocalDateTime> {

    @Override
    public LocalDateTime convertToDatabaseColumn(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
    }

    @Override
    public Instant convertToEntityAttribute(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }

    /** For a native query's parameter: the instant as the UTC {@code DATETIME(3)} the columns hold. */
    static LocalDateTime utc(Instant instant) {
        return new UtcInstantConverter().convertToDatabaseColumn(instant);
    }

    /** A native query's {@code DATETIME} column (Timestamp or LocalDateTime, as the driver gives it) as an instant. */
    static Instant instant(Object column) {
        if (column instanceof java.sql.Timestamp t) {
            return t.toLocalDateTime().toInstant(ZoneOffset.UTC);
        }
        return column == null ? null : ((LocalDateTime) column).toInstant(ZoneOffset.UTC);
    }
}
