package fr.repere.web.api;

import fr.repere.web.api.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Parsson's own limits are the client's mistake: a 400 malformed-request, never a runtime exception reaching the 500 mapper. */
class JsonBodiesTest {

    private static ProblemException refused(String json) {
        return assertThrows(ProblemException.class, () -> JsonBodies.object(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void nestingDeeperThanParssonsLimitIsAMalformedRequest() {
        ProblemException e = refused("{\"email\":" + "[".repeat(1_001) + "]".repeat(1_001) + "}");
        assertEquals(400, e.problem().status());
        assertEquals("urn:repere:problem:malformed-request", e.problem().type());
        assertEquals("JSON refusé : imbrication trop profonde ou nombre trop long.", e.problem().detail());
    }

    @Test
    void aNumberLongerThanParssonsLimitIsAMalformedRequest() {
        ProblemException e = refused("{\"limit\":" + "9".repeat(1_101) + "}");
        assertEquals(400, e.problem().status());
        assertEquals("urn:repere:problem:malformed-request", e.problem().type());
    }

    @Test
    void syntaxErrorsStillSayWhere() {
        assertEquals("JSON mal formé près de la ligne 1, colonne 2.", refused("{]").problem().detail());
        assertEquals("Un objet JSON est attendu ({ … }).", refused("[1]").problem().detail());
    }
}
