package fr.repere.web.security;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SessionCookiePolicyTest {

    private static final String CONTAINER_COOKIE = "JSESSIONID=e6007879d555897d64ccf468bd8c; Path=/; HttpOnly";

    @Test
    void withoutEmbeddingTheSessionStaysOnRepèreSiteAndSurvivesTheProConnectRedirect() {
        assertEquals(CONTAINER_COOKIE + "; SameSite=Lax", SessionCookiePolicy.complete(CONTAINER_COOKIE, "JSESSIONID", false));
    }

    @Test
    void embeddedInAHostIframeTheSessionIsSentCrossSiteButOverHttpsOnly() {
        assertEquals(CONTAINER_COOKIE + "; Secure; SameSite=None",
                SessionCookiePolicy.complete(CONTAINER_COOKIE, "JSESSIONID", true));
        assertEquals(CONTAINER_COOKIE + "; Secure; SameSite=None",
                SessionCookiePolicy.complete(CONTAINER_COOKIE + "; Secure", "JSESSIONID", true));
    }

    @Test
    void aLaunchInTheHostsIframeGetsACookiePartitionedByTheHostsSiteWhateverTheContainerSaid() {
        assertEquals(CONTAINER_COOKIE + "; Secure; SameSite=None; Partitioned", SessionCookiePolicy.partitioned(CONTAINER_COOKIE, "JSESSIONID"));
        assertEquals(CONTAINER_COOKIE + "; Secure; SameSite=None; Partitioned",
                SessionCookiePolicy.partitioned(CONTAINER_COOKIE + "; SameSite=Lax; Secure", "JSESSIONID"));
        assertEquals("autre=1; Path=/", SessionCookiePolicy.partitioned("autre=1; Path=/", "JSESSIONID"));
    }

    @Test
    void otherCookiesAndCookiesThatAlreadySayItAreLeftAlone() {
        assertEquals("autre=1; Path=/", SessionCookiePolicy.complete("autre=1; Path=/", "JSESSIONID", false));
        assertEquals("JSESSIONID=a; SameSite=Strict", SessionCookiePolicy.complete("JSESSIONID=a; SameSite=Strict", "JSESSIONID", true));
        assertEquals("REPERE=a; Path=/; SameSite=Lax", SessionCookiePolicy.complete("REPERE=a; Path=/", "REPERE", false));
    }

    @Test
    void onlyHttpsOriginsAllowEmbedding() {
        assertEquals(Optional.of("https://logiciel.example https://autre.example"),
                EmbeddingHosts.parse(Optional.of("  https://logiciel.example http://non-chiffre.example https://autre.example ")));
        assertEquals(Optional.empty(), EmbeddingHosts.parse(Optional.of("http://non-chiffre.example")));
        assertEquals(Optional.empty(), EmbeddingHosts.parse(Optional.of("   ")));
        assertEquals(Optional.empty(), EmbeddingHosts.parse(Optional.empty()));
        assertEquals(Optional.of("http://localhost:3000"), EmbeddingHosts.parse(Optional.of("http://localhost:3000")));
    }
}
