package fr.repere.web.api.problem;

import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionalException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each server-side failure is answered by its kind and logged exactly once, with the incident number the answer gives. */
class ServerErrorsTest {

    private static final Pattern INSTANCE = Pattern.compile("\"instance\":\"urn:repere:incident:([0-9a-f-]{36})\"");
    private final Logger logger = Logger.getLogger(ServerErrors.class.getName());
    private final List<LogRecord> records = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        logger.addHandler(capture);
    }

    @AfterEach
    void stop() {
        logger.removeHandler(capture);
    }

    private static String incident(ServerErrors.Answer r) {
        Matcher m = INSTANCE.matcher(r.problem().toJson());
        assertTrue(m.find(), r.problem().toJson());
        return m.group(1);
    }

    @Test
    void anOutageWrappedInATransactionIs503WithRetryAfterAndOneLineWithoutStackTrace() {
        ServerErrors.Answer r = ServerErrors.decide(new TransactionalException("commit",
                new PersistenceException(new SQLNonTransientConnectionException("Socket fail to connect to host:127.0.0.1", "08000"))));
        assertEquals(503, r.problem().status());
        assertEquals("10", r.retryAfter());
        assertEquals(1, records.size());
        assertEquals(Level.WARNING, records.get(0).getLevel());
        assertNull(records.get(0).getThrown());
        assertEquals("Incident " + incident(r) + ": database unavailable (java.sql.SQLNonTransientConnectionException: "
                + "Socket fail to connect to host:127.0.0.1)", records.get(0).getMessage());
    }

    @Test
    void aLockTimeoutIs503WithAShortRetryAfterAndAReadOnlyDatabaseWithALongerOne() {
        ServerErrors.Answer busy = ServerErrors.decide(new PersistenceException(
                new java.sql.SQLException("Lock wait timeout exceeded; try restarting transaction", "HY000", 1205)));
        assertEquals(503, busy.problem().status());
        assertEquals("urn:repere:problem:service-busy", busy.problem().type());
        assertEquals("2", busy.retryAfter());
        ServerErrors.Answer readOnly = ServerErrors.decide(new PersistenceException(
                new java.sql.SQLException("The MariaDB server is running with the --read-only option", "HY000", 1290)));
        assertEquals(503, readOnly.problem().status());
        assertEquals("urn:repere:problem:read-only", readOnly.problem().type());
        assertEquals("60", readOnly.retryAfter());
        assertTrue(readOnly.problem().detail().contains("la consultation reste possible"), readOnly.problem().detail());
        assertEquals(2, records.size());
        assertTrue(records.stream().allMatch(r -> r.getLevel() == Level.WARNING && r.getThrown() == null));
    }

    @Test
    void aConstraintViolationIs409() {
        ServerErrors.Answer r = ServerErrors.decide(new PersistenceException(
                new SQLIntegrityConstraintViolationException("Duplicate entry 'x' for key 'PRIMARY'", "23000", 1062)));
        assertEquals(409, r.problem().status());
        assertEquals("urn:repere:problem:conflict", r.problem().type());
        assertNull(r.retryAfter());
        assertEquals(1, records.size());
        assertTrue(records.get(0).getLevel().intValue() < Level.WARNING.intValue());
    }

    @Test
    void anythingElseIs500LoggedOnceWithItsStackTraceAndTheIncidentOfTheAnswer() {
        IllegalStateException bug = new IllegalStateException("bug");
        ServerErrors.Answer r = ServerErrors.decide(new PersistenceException("bad query", bug));
        assertEquals(500, r.problem().status());
        assertEquals(1, records.size());
        assertEquals(Level.SEVERE, records.get(0).getLevel());
        assertSame(bug, records.get(0).getThrown().getCause());
        assertEquals("Incident " + incident(r), records.get(0).getMessage());
        assertTrue(r.problem().detail().endsWith("votre administrateur : " + incident(r) + "."), r.problem().detail());
    }
}
