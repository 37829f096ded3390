package fr.repere.caf.apiparticulier;

import static fr.repere.caf.apiparticulier.Cases.cafData;
import static fr.repere.caf.apiparticulier.Cases.martinSamuel;
import static fr.repere.caf.apiparticulier.Cases.unavailable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.repere.caf.CafLookup;
import fr.repere.caf.CafLookup.Failure;
import fr.repere.caf.CafSituation;
import fr.repere.caf.apiparticulier.ApiParticulierStub.Answer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A provider cannot make Repère read without end: bodies over {@link BoundedBody#MAX_BYTES} are
 * refused (at once when announced), and the deadline covers the body as well as the headers.
 */
class BoundedAnswersTest {

    private static final String RSA = ApiParticulierClient.REVENU_SOLIDARITE_ACTIVE;
    private static final String START = "{\"data\":{\"est_beneficiaire\":true,\"remplissage\":\"";
    private static final long MB = 1024 * 1024;

    private final ApiParticulierStub stub = new ApiParticulierStub();
    private final Cases.Calls calls = new Cases.Calls();
    private final LogCapture log = new LogCapture();

    @AfterEach
    void stop() {
        log.close();
        stub.close();
    }

    /**
     * The lookup's refusal. What cut the reading is told by the failure itself, not by a stopwatch:
     * « taille » (the cap) or « délai » (the deadline), in the reason and the calls journaled.
     */
    private CafLookup.Unavailable refused(Duration timeout) {
        return unavailable(cafData(stub, timeout).lookup(martinSamuel(), calls));
    }

    private void assertTooLarge(CafLookup.Unavailable unavailable) {
        assertEquals(Failure.UNEXPECTED, unavailable.failure());
        assertEquals("réponse trop volumineuse d'API Particulier (RSA)", unavailable.reason());
        assertEquals(List.of("revenu_solidarite_active taille"), calls.told());
        assertEquals(1, stub.requests().size(), "the prime d'activité is not asked");
    }

    /** How much the stub wrote once it stopped writing (the client hung up). */
    private long writtenOnceStopped() throws InterruptedException {
        long before;
        long after = stub.bytesStreamed();
        do {
            before = after;
            Thread.sleep(200);
            after = stub.bytesStreamed();
        } while (after != before);
        return after;
    }

    @Test
    void anEndlessBodyIsCutAtTheCapNotAtTheDeadline() throws Exception {
        stub.override(RSA, Answer.streaming(200, START, -1, false));

        assertTooLarge(refused(Duration.ofSeconds(20)));
        assertTrue(writtenOnceStopped() < 32 * MB, "the connection was closed: the stub stopped writing");
    }

    @Test
    void aBodyAnnouncedAboveTheCapIsRefusedWithoutReadingIt() throws Exception {
        stub.override(RSA, Answer.streaming(200, START, 100 * MB, true));

        assertTooLarge(refused(Duration.ofSeconds(20)));
        long written = writtenOnceStopped();
        assertTrue(written < 16 * MB, written + " bytes left the stub: at most the sockets' buffers, not the 100 MB");
    }

    @Test
    void aChunkedBodyAboveTheCapIsRefused() {
        stub.override(RSA, Answer.streaming(200, START, 2 * MB, false));
        assertTooLarge(refused(Duration.ofSeconds(20)));
    }

    @Test
    void aBodyOfExactlyTheCapIsRead() {
        String end = "\"}}";
        String body = START + "a".repeat(BoundedBody.MAX_BYTES - START.length() - end.length()) + end;
        stub.override(RSA, Answer.of(200, body));

        assertEquals(new CafLookup.Found(new CafSituation(true, true)), cafData(stub, Duration.ofSeconds(20)).lookup(martinSamuel(), calls));
    }

    @Test
    void aBodyOneByteOverTheCapIsRefused() {
        String end = "\"}}";
        String body = START + "a".repeat(BoundedBody.MAX_BYTES - START.length() - end.length() + 1) + end;
        stub.override(RSA, Answer.of(200, body));
        assertTooLarge(refused(Duration.ofSeconds(20)));
    }

    @Test
    void aBodySlowerThanTheDeadlineIsProviderDown() throws Exception {
        stub.override(RSA, Answer.streaming(200, START, 10_000, true).paced(100, Duration.ofMillis(50)));

        CafLookup.Unavailable unavailable = refused(Duration.ofMillis(500));

        assertEquals(Failure.PROVIDER_DOWN, unavailable.failure());
        assertEquals("API Particulier n'a pas répondu dans le délai de 500 ms (RSA)", unavailable.reason());
        assertEquals(List.of("revenu_solidarite_active délai"), calls.told());
        assertTrue(writtenOnceStopped() < 10_000, "the reading was cut: the stub could not finish");
    }

    @Test
    void anEndlessSlowBodyIsCutAtTheDeadline() {
        stub.override(RSA, Answer.streaming(200, START, -1, false).paced(10, Duration.ofMillis(20)));

        CafLookup.Unavailable unavailable = refused(Duration.ofMillis(400));

        assertEquals(Failure.PROVIDER_DOWN, unavailable.failure());
        assertEquals(List.of("revenu_solidarite_active délai"), calls.told());
    }
}
