package fr.repere.web.security;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The public address: https (http on loopback only), and every link to Repère written from it, never from Host. */
class PublicBaseUrlTest {

    @Test
    void httpsOrLoopbackOnlyAndAWrongValueNamesTheKey() {
        assertEquals(Optional.of(URI.create("https://repere.departement.fr/app")),
                PublicBaseUrl.parse(Optional.of(" https://repere.departement.fr/app/ ")));
        assertEquals(Optional.of(URI.create("http://127.0.0.1:8080")), PublicBaseUrl.parse(Optional.of("http://127.0.0.1:8080")));
        assertEquals(Optional.of(URI.create("http://localhost:8080")), PublicBaseUrl.parse(Optional.of("http://localhost:8080")));
        assertEquals(Optional.empty(), PublicBaseUrl.parse(Optional.of("  ")));
        assertEquals(Optional.empty(), PublicBaseUrl.parse(Optional.empty()));
        for (String wrong : new String[] {"http://repere.departement.fr", "repere.departement.fr", "https://repere.fr/?a=b",
                "ftp://127.0.0.1", "https://user@repere.fr"}) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> PublicBaseUrl.parse(Optional.of(wrong)), wrong);
            assertTrue(e.getMessage().startsWith("repere.public-base-url (REPERE_PUBLIC_BASE_URL) = " + wrong), e.getMessage());
        }
    }

    @Test
    void linksToRepereItselfTakeTheConfiguredAddressOrTheLocalOneNeverTheHostTheClientSent() {
        Optional<URI> none = Optional.empty();
        assertEquals("http://10.1.2.3:8080/api/v1/drafts/42", PublicLocations.rewrite("http://evil.example/api/v1/drafts/42", "evil.example", "http://10.1.2.3:8080", none));
        assertEquals("http://10.1.2.3:8080/api/v1/x?a=b", PublicLocations.rewrite("http://evil.example:8080/api/v1/x?a=b", "evil.example:8080", "http://10.1.2.3:8080", none));
        assertEquals("https://repere.departement.fr/api/v1/drafts/42", PublicLocations.rewrite(
                "http://evil.example/api/v1/drafts/42", "evil.example", "http://10.1.2.3:8080", Optional.of(URI.create("https://repere.departement.fr"))));
        assertEquals("https://repere.departement.fr/assets/", PublicLocations.rewrite(
                "/assets/", "evil.example", "http://10.1.2.3:8080", Optional.of(URI.create("https://repere.departement.fr"))));
    }

    @Test
    void linksToOtherSitesAreLeftAlone() {
        assertEquals("https://proconnect.gouv.fr/api/v2/authorize?x=1",
                PublicLocations.rewrite("https://proconnect.gouv.fr/api/v2/authorize?x=1",  "repere.fr", "http://10.1.2.3:8080", Optional.empty()));
        assertEquals("v1/rulesets/3", PublicLocations.rewrite("v1/rulesets/3",  "repere.fr", "http://10.1.2.3:8080", Optional.empty()));
    }
}
