package fr.repere.web.api.caf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.repere.caf.CafData;
import fr.repere.caf.CafLookup;
import fr.repere.caf.CafSituation;
import fr.repere.caf.CivilStatus;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

class CafGatewayTest {

    static final class Moving extends Clock {
        Instant now = Instant.parse("2026-12-07T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final Moving clock = new Moving();
    final Deque<CafLookup> answers = new ArrayDeque<>();
    int asked;
    /** Each answer takes this long to come back. */
    Duration replyTime = Duration.ofMillis(1500);

    final CafData source = (person, calls) -> {
        asked++;
        clock.now = clock.now.plus(replyTime);
        return answers.removeFirst();
    };

    final CafGateway gateway = new CafGateway(source, clock);
    final CivilStatus person = new CivilStatus("MARTIN", null, List.of("YVES"), null, CivilStatus.Sexe.M, "99350", null);

    @Test
    void retryAfterIsCountedFromTheReplyNotFromTheRequest() {
        answers.add(new CafLookup.Unavailable(CafLookup.Failure.RATE_LIMITED, "trop de requêtes (HTTP 429)", Duration.ofSeconds(2)));
        gateway.lookup(person, call -> { });
        Instant reply = clock.now;

        clock.now = reply.plusMillis(1900); // 3.4 s after the request, 1.9 s after the reply
        CafLookup waiting = gateway.lookup(person, call -> { });
        assertEquals(1, asked, "no request before Retry-After, counted from the reply");
        assertEquals(CafLookup.Failure.RATE_LIMITED, ((CafLookup.Unavailable) waiting).failure());
        assertEquals(Duration.ofMillis(100), ((CafLookup.Unavailable) waiting).retryAfter());

        clock.now = reply.plusSeconds(2);
        answers.add(new CafLookup.Found(new CafSituation(false, true)));
        assertInstanceOf(CafLookup.Found.class, gateway.lookup(person, call -> { }));
        assertEquals(2, asked);
    }

    @Test
    void onlyAProviderDownIsThrownForRetryAndThenRecordedAsItWas() {
        CafLookup.Unavailable down = new CafLookup.Unavailable(CafLookup.Failure.PROVIDER_DOWN, "délai dépassé", null);
        answers.add(down);
        CafGateway.TransientFailure thrown = assertThrows(CafGateway.TransientFailure.class, () -> gateway.lookup(person, call -> { }));
        assertEquals(down, CafGateway.unavailable(new RuntimeException(thrown)), "what the retries' end records");

        CafLookup.Unavailable refused = new CafLookup.Unavailable(CafLookup.Failure.CONFIGURATION, "jeton refusé (HTTP 401)", null);
        answers.add(refused);
        assertEquals(refused, gateway.lookup(person, call -> { }), "a refused token is not retried");
    }

    @Test
    void anythingElseThrownIsAnInternalFailureNamedByItsClassOnly() {
        CafLookup.Unavailable internal = (CafLookup.Unavailable) CafGateway.unavailable(new OutOfMemoryError("Java heap space"));
        assertEquals(CafLookup.Failure.INTERNAL, internal.failure());
        assertEquals("erreur interne de Repère pendant l'interrogation (OutOfMemoryError)", internal.reason());
    }
}
