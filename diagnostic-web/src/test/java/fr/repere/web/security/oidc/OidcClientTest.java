package fr.repere.web.security.oidc;

import static fr.repere.web.security.oidc.FakeOidcProvider.CLIENT_ID;
import static fr.repere.web.security.oidc.FakeOidcProvider.CLIENT_SECRET;
import static fr.repere.web.security.oidc.FakeOidcProvider.SUBJECT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import fr.repere.web.security.oidc.OidcException.Reason;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class OidcClientTest {

    private static final URI CALLBACK = URI.create("https://repere.cd99.fr/auth/callback");
    private static final Pattern URL_SAFE = Pattern.compile("[A-Za-z0-9_-]+");

    private static RSAKey rsa1;
    private static RSAKey rsa2;
    private static ECKey ec1;
    private static RSAKey rogue;
    private static RSAKey impostorOfRsa1;

    private MutableClock clock;
    private FakeOidcProvider provider;
    private OidcClient client;

    @BeforeAll
    static void generateKeys() throws Exception {
        rsa1 = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        rsa2 = new RSAKeyGenerator(2048).keyID("rsa-2").generate();
        ec1 = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
        rogue = new RSAKeyGenerator(2048).keyID("rogue").generate();
        impostorOfRsa1 = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
    }

    @BeforeEach
    void startProvider() throws Exception {
        clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
        // tokens carry real times: Nimbus checks them against the system clock; the test clock
        // drives what the client measures itself (login age, JWKS refetch interval)
        provider = new FakeOidcProvider(Clock.systemUTC(), rsa1, ec1);
        client = clientFor(provider.settings());
    }

    @AfterEach
    void stopProvider() {
        provider.close();
    }

    private OidcClient clientFor(OidcSettings settings) {
        return new OidcClient(settings, clock, Duration.ofSeconds(10));
    }

    private AuthenticatedAgent login(OidcClient c) throws OidcException {
        AuthorizationRequest pending = c.start(CALLBACK);
        String code = provider.authorize(pending.authorizationUri());
        return c.complete(pending, code, pending.state());
    }

    private OidcException loginFails(Reason expected) {
        return fails(expected, () -> login(client));
    }

    private static OidcException fails(Reason expected, Executable action) {
        OidcException e = assertThrows(OidcException.class, action);
        assertEquals(expected, e.reason(), e.getMessage());
        return e;
    }

    // ------------------------------------------------------------------ happy paths

    @Test
    void happyPathMapsTheClaimsOfTheSignedUserinfo() throws Exception {
        AuthenticatedAgent agent = login(client);

        assertEquals(provider.issuer(), agent.issuer());
        assertEquals(SUBJECT, agent.subject());
        assertEquals("agent.dupont@cd99.fr", agent.email());
        assertEquals("Camille", agent.givenName());
        assertEquals("Dupont", agent.usualName());
        assertEquals("cdupont-42", agent.uid());
        assertEquals("22990001900016", agent.siret());
        assertEquals("idp-fi", agent.idpId());
        assertEquals(provider.lastIdToken, agent.idToken());
        assertFalse(agent.toString().contains(agent.idToken()), "toString must hide the ID token");
        // default client authentication: client_secret_post, same redirect_uri at the token endpoint
        Map<String, String> form = provider.lastTokenForm;
        assertEquals(CLIENT_SECRET, form.get("client_secret"));
        assertEquals(CLIENT_ID, form.get("client_id"));
        assertEquals(CALLBACK.toString(), form.get("redirect_uri"));
        assertNull(provider.lastTokenAuthorization);
        assertEquals("Bearer " + provider.lastAccessToken, provider.lastUserinfoAuthorization);
    }

    @Test
    void es256TokensAndClientSecretBasic() throws Exception {
        provider.idTokenKey = ec1;
        provider.userinfoKey = ec1;
        OidcClient basic = clientFor(provider.settings().withTokenAuthMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC));

        AuthenticatedAgent agent = login(basic);

        assertEquals(SUBJECT, agent.subject());
        assertEquals("cdupont-42", agent.uid());
        assertTrue(provider.lastTokenAuthorization.startsWith("Basic "));
        assertFalse(provider.lastTokenForm.containsKey("client_secret"));
        assertEquals(JWSAlgorithm.ES256, SignedJWT.parse(agent.idToken()).getHeader().getAlgorithm());
    }

    @Test
    void userinfoServedAsPlainJsonIsAccepted() throws Exception {
        provider.userinfoAsJson = true;

        AuthenticatedAgent agent = login(client);

        assertEquals(SUBJECT, agent.subject());
        assertEquals("Camille", agent.givenName());
        assertEquals("22990001900016", agent.siret());
    }

    @Test
    void discoveryUrlIsConfigurable() throws Exception {
        URI custom = URI.create("http://127.0.0.1:" + URI.create(provider.issuer()).getPort() + "/custom/discovery");
        OidcClient c = clientFor(provider.settings().withDiscoveryUrl(custom));

        assertEquals(URI.create(provider.issuer() + "/token"), c.metadata().getTokenEndpointURI());
        assertEquals(SUBJECT, login(c).subject());
    }

    // ------------------------------------------------------------------ authorization request

    @Test
    void authorizationUrlHasExactlyTheProConnectParametersPkceAndFreshStateAndNonce() throws Exception {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            AuthorizationRequest pending = client.start(CALLBACK);
            URI uri = pending.authorizationUri();
            assertEquals(provider.issuer() + "/authorize", uri.toString().substring(0, uri.toString().indexOf('?')));
            Map<String, String> q = FakeOidcProvider.parseQuery(uri.getRawQuery());
            assertEquals(Set.of("response_type", "client_id", "redirect_uri", "scope", "state", "nonce",
                    "code_challenge", "code_challenge_method"), q.keySet());
            assertEquals("code", q.get("response_type"));
            assertEquals(CLIENT_ID, q.get("client_id"));
            assertEquals(CALLBACK.toString(), q.get("redirect_uri"));
            assertEquals("openid given_name usual_name email uid siret idp_id", q.get("scope"));
            assertFalse(uri.getRawQuery().contains("+"), "spaces are sent as %20");
            assertEquals("S256", q.get("code_challenge_method"));
            assertEquals(43, pending.codeVerifier().length());
            assertFalse(uri.toString().contains(pending.codeVerifier()), "the PKCE verifier stays here");
            for (String name : List.of("state", "nonce", "code_challenge")) {
                String value = q.get(name);
                assertTrue(value.length() >= 32, name + " too short: " + value.length());
                assertTrue(URL_SAFE.matcher(value).matches(), name + " not URL-safe");
                assertTrue(seen.add(value), name + " repeated");
            }
            assertEquals(pending.state(), q.get("state"));
            assertEquals(pending.nonce(), q.get("nonce"));
            assertFalse(pending.toString().contains(pending.nonce()));
            assertFalse(pending.toString().contains(pending.codeVerifier()));
        }
        assertEquals(60, seen.size());
    }

    @Test
    void acrValuesAreSentOnlyWhenConfiguredAndThenEnforced() throws Exception {
        OidcClient withAcr = clientFor(provider.settings().withAcrValues("eidas1"));
        AuthorizationRequest pending = withAcr.start(CALLBACK);
        Map<String, String> q = FakeOidcProvider.parseQuery(pending.authorizationUri().getRawQuery());
        assertEquals("eidas1", q.get("acr_values"));
        assertEquals(9, q.size());
        assertEquals(SUBJECT, login(withAcr).subject());

        provider.idTokenTweak = b -> b.claim("acr", "eidas0");
        fails(Reason.INVALID_ID_TOKEN, () -> login(withAcr));
    }

    @Test
    void logoutUriTargetsTheEndSessionEndpoint() throws Exception {
        AuthenticatedAgent agent = login(client);
        String state = new State().getValue();
        URI back = URI.create("https://repere.cd99.fr/logged-out");

        URI logout = client.logoutUri(agent.idToken(), back, state);

        assertTrue(logout.toString().startsWith(provider.issuer() + "/session/end?"));
        Map<String, String> q = FakeOidcProvider.parseQuery(logout.getRawQuery());
        assertEquals(Set.of("id_token_hint", "state", "post_logout_redirect_uri"), q.keySet());
        assertEquals(agent.idToken(), q.get("id_token_hint"));
        assertEquals(state, q.get("state"));
        assertEquals(back.toString(), q.get("post_logout_redirect_uri"));
    }

    // ------------------------------------------------------------------ callback and request checks

    @Test
    void stateMismatchIsRefusedBeforeAnyCallToTheProvider() throws Exception {
        AuthorizationRequest pending = client.start(CALLBACK);
        String code = provider.authorize(pending.authorizationUri());

        fails(Reason.STATE_MISMATCH, () -> client.complete(pending, code, new State().getValue()));
        fails(Reason.STATE_MISMATCH, () -> client.complete(pending, code, null));
        fails(Reason.STATE_MISMATCH, () -> client.complete(pending, code, pending.state() + "x"));
        assertNull(provider.lastTokenForm, "the code must not be exchanged");
        // the right state still works
        assertEquals(SUBJECT, client.complete(pending, code, pending.state()).subject());
    }

    @Test
    void staleLoginIsRefused() throws Exception {
        AuthorizationRequest pending = client.start(CALLBACK);
        String code = provider.authorize(pending.authorizationUri());
        clock.advance(AuthorizationRequest.MAX_AGE.plusSeconds(1));

        fails(Reason.REQUEST_EXPIRED, () -> client.complete(pending, code, pending.state()));
    }

    @Test
    void theCodeIsExchangedWithThePkceVerifierOfItsRequest() throws Exception {
        AuthorizationRequest pending = client.start(CALLBACK);
        String code = provider.authorize(pending.authorizationUri());
        AuthorizationRequest another = new AuthorizationRequest(pending.authorizationUri(), pending.redirectUri(),
                pending.state(), pending.nonce(), new CodeVerifier().getValue(), pending.createdAt());

        fails(Reason.TOKEN_EXCHANGE_FAILED, () -> client.complete(another, code, pending.state()));
        assertEquals(another.codeVerifier(), provider.lastTokenForm.get("code_verifier"));
    }

    @Test
    void missingCodeIsRefused() throws Exception {
        AuthorizationRequest pending = client.start(CALLBACK);
        fails(Reason.TOKEN_EXCHANGE_FAILED, () -> client.complete(pending, " ", pending.state()));
    }

    // ------------------------------------------------------------------ ID token

    @Test
    void wrongNonceIsRefused() {
        provider.idTokenTweak = b -> b.claim("nonce", new State().getValue());
        loginFails(Reason.INVALID_ID_TOKEN);
    }

    @Test
    void missingNonceIsRefused() {
        provider.idTokenTweak = b -> b.claim("nonce", null);
        loginFails(Reason.INVALID_ID_TOKEN);
    }

    @Test
    void expiredIdTokenIsRefusedButSmallSkewIsTolerated() throws Exception {
        provider.idTokenTweak = b -> b.expirationTime(Date.from(Instant.now().minusSeconds(300)));
        assertTrue(loginFails(Reason.INVALID_ID_TOKEN).getMessage().toLowerCase().contains("expired"));

        provider.idTokenTweak = b -> b.expirationTime(Date.from(Instant.now().minusSeconds(10)));
        assertEquals(SUBJECT, login(client).subject(), "10 s late is within the default 30 s skew");
    }

    @Test
    void idTokenIssuedInTheFutureIsRefused() {
        provider.idTokenTweak = b -> b.issueTime(Date.from(Instant.now().plusSeconds(600)))
                .expirationTime(Date.from(Instant.now().plusSeconds(700)));
        loginFails(Reason.INVALID_ID_TOKEN);
    }

    @Test
    void wrongAudienceIsRefused() {
        provider.idTokenTweak = b -> b.audience("another-service");
        loginFails(Reason.INVALID_ID_TOKEN);
    }

    @Test
    void severalAudiencesNeedOurAzp() throws Exception {
        provider.idTokenTweak = b -> b.audience(List.of(CLIENT_ID, "another-service"));
        loginFails(Reason.INVALID_ID_TOKEN);

        provider.idTokenTweak = b -> b.audience(List.of(CLIENT_ID, "another-service")).claim("azp", "another-service");
        loginFails(Reason.INVALID_ID_TOKEN);

        provider.idTokenTweak = b -> b.audience(List.of(CLIENT_ID, "another-service")).claim("azp", CLIENT_ID);
        assertEquals(SUBJECT, login(client).subject());

        provider.idTokenTweak = b -> b.claim("azp", "another-service");
        loginFails(Reason.INVALID_ID_TOKEN);
    }

    @Test
    void wrongIssuerIsRefused() {
        provider.idTokenTweak = b -> b.issuer("https://evil.example/api/v2");
        loginFails(Reason.INVALID_ID_TOKEN);
    }

    @Test
    void wrongAccessTokenHashIsRefused() {
        provider.idTokenTweak = b -> b.claim("at_hash", FakeOidcProvider.atHash("another-access-token"));
        loginFails(Reason.INVALID_ID_TOKEN);
    }

    @Test
    void unsignedOrHmacIdTokensAreRefused() {
        provider.idTokenMaker = claims -> new PlainJWT(claims).serialize();
        loginFails(Reason.INVALID_ID_TOKEN);

        // HS256 with the client secret: a key-confusion attempt
        provider.idTokenMaker = claims -> {
            try {
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("rsa-1").build(), claims);
                jwt.sign(new MACSigner(CLIENT_SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                return jwt.serialize();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        assertTrue(loginFails(Reason.INVALID_ID_TOKEN).getMessage().contains("algorithm"));
    }

    @Test
    void idTokenSignedByAnUnknownKeyIsRefusedAfterOneRefetch() throws Exception {
        assertEquals(SUBJECT, login(client).subject());
        assertEquals(1, provider.jwksFetches.get());
        clock.advance(Duration.ofMinutes(1));

        provider.idTokenKey = rogue;
        assertTrue(loginFails(Reason.INVALID_ID_TOKEN).getMessage().contains("no matching key"));
        assertEquals(2, provider.jwksFetches.get(), "one refetch for the unknown kid");

        // an attacker repeating unknown kids does not make us hammer the provider
        loginFails(Reason.INVALID_ID_TOKEN);
        clock.advance(Duration.ofSeconds(5));
        loginFails(Reason.INVALID_ID_TOKEN);
        assertEquals(2, provider.jwksFetches.get(), "at most one refetch per 10 s");
        clock.advance(Duration.ofSeconds(6));
        loginFails(Reason.INVALID_ID_TOKEN);
        assertEquals(3, provider.jwksFetches.get());
    }

    @Test
    void unknownKeyOnAJustFetchedJwksIsNotRefetchedAgain() {
        provider.idTokenKey = rogue;
        loginFails(Reason.INVALID_ID_TOKEN);
        assertEquals(1, provider.jwksFetches.get(), "the JWKS fetched a moment ago is current");
    }

    @Test
    void idTokenSignedByAnotherKeyUnderAKnownKidIsRefused() {
        provider.idTokenKey = impostorOfRsa1;
        assertTrue(loginFails(Reason.INVALID_ID_TOKEN).getMessage().contains("signature"));
    }

    @Test
    void keyRotationRefetchesTheJwksOnceAndAcceptsTheNewKey() throws Exception {
        assertEquals(SUBJECT, login(client).subject());
        assertEquals(1, provider.jwksFetches.get());

        clock.advance(Duration.ofMinutes(1));
        provider.published = List.of(rsa2);
        provider.idTokenKey = rsa2;
        provider.userinfoKey = rsa2;

        assertEquals(SUBJECT, login(client).subject());
        assertEquals(2, provider.jwksFetches.get(), "one refetch for the new kid");
        assertEquals(SUBJECT, login(client).subject());
        assertEquals(2, provider.jwksFetches.get(), "the new key is cached");
    }

    // ------------------------------------------------------------------ userinfo

    @Test
    void userinfoJwtWithABadSignatureIsRefused() {
        provider.userinfoKey = impostorOfRsa1;
        loginFails(Reason.INVALID_USERINFO);
    }

    @Test
    void userinfoJwtForAnotherAudienceOrIssuerIsRefused() {
        provider.userinfoTweak = b -> b.audience("another-service");
        loginFails(Reason.INVALID_USERINFO);

        provider.userinfoTweak = b -> b.issuer("https://evil.example/api/v2");
        loginFails(Reason.INVALID_USERINFO);
    }

    @Test
    void userinfoSubjectMustBeTheIdTokenSubject() {
        provider.userinfoSub = "someone-else";
        loginFails(Reason.SUB_MISMATCH);

        provider.userinfoAsJson = true;
        loginFails(Reason.SUB_MISMATCH);
    }

    // ------------------------------------------------------------------ provider failures

    @Test
    void discoveryIssuerMustBeTheConfiguredOne() {
        provider.discoveryIssuer = "https://evil.example/api/v2";
        fails(Reason.INVALID_PROVIDER_METADATA, () -> client.start(CALLBACK));
    }

    @Test
    void providerDownIsProviderUnavailable() throws Exception {
        OidcSettings settings = provider.settings();
        provider.stop();
        fails(Reason.PROVIDER_UNAVAILABLE, () -> clientFor(settings).start(CALLBACK));
    }

    @Test
    void providerGoingDownDuringTheLoginIsProviderUnavailable() throws Exception {
        AuthorizationRequest pending = client.start(CALLBACK);
        String code = provider.authorize(pending.authorizationUri());
        provider.stop();
        fails(Reason.PROVIDER_UNAVAILABLE, () -> client.complete(pending, code, pending.state()));
    }

    @Test
    void slowTokenEndpointTimesOutAsProviderUnavailable() throws Exception {
        OidcClient impatient = clientFor(provider.settings().withHttpTimeout(Duration.ofMillis(300)));
        AuthorizationRequest pending = impatient.start(CALLBACK);
        String code = provider.authorize(pending.authorizationUri());
        provider.hangTokenEndpoint = new CountDownLatch(1);

        // the endpoint never answers: only the client's own time-out can end the wait (the one-minute
        // guard only keeps a broken client from hanging the build; it is not a speed target)
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofMinutes(1),
                () -> fails(Reason.PROVIDER_UNAVAILABLE, () -> impatient.complete(pending, code, pending.state())));
        assertEquals(1, provider.hangTokenEndpoint.getCount(), "the provider was never let answer");
    }

    @Test
    void jwksEndpointDownIsProviderUnavailable() {
        provider.jwksErrorStatus = 503;
        loginFails(Reason.PROVIDER_UNAVAILABLE);
    }

    @Test
    void tokenEndpointErrorsAreMapped() {
        provider.tokenErrorStatus = 400;
        OidcException e = loginFails(Reason.TOKEN_EXCHANGE_FAILED);
        assertTrue(e.getMessage().contains("invalid_grant"), e.getMessage());

        provider.tokenErrorStatus = 503;
        loginFails(Reason.PROVIDER_UNAVAILABLE);
    }

    @Test
    void messagesNeverCarryTokensCodesOrSecrets() throws Exception {
        List<Runnable> scenarios = List.of(
                () -> provider.tokenErrorStatus = 400,
                () -> provider.idTokenTweak = b -> b.claim("nonce", "x"),
                () -> provider.idTokenKey = rogue,
                () -> provider.userinfoKey = impostorOfRsa1,
                () -> provider.userinfoSub = "other");
        for (Runnable scenario : scenarios) {
            provider.tokenErrorStatus = 0;
            provider.idTokenTweak = b -> { };
            provider.idTokenKey = rsa1;
            provider.userinfoKey = rsa1;
            provider.userinfoSub = SUBJECT;
            scenario.run();
            clock.advance(Duration.ofMinutes(1));
            AuthorizationRequest pending = client.start(CALLBACK);
            String code = provider.authorize(pending.authorizationUri());
            OidcException e = assertThrows(OidcException.class, () -> client.complete(pending, code, pending.state()));
            List<String> secrets = new ArrayList<>(List.of(CLIENT_SECRET, code, pending.nonce(), pending.state()));
            if (provider.lastAccessToken != null) {
                secrets.add(provider.lastAccessToken);
                secrets.add(provider.lastIdToken);
            }
            for (Throwable t = e; t != null; t = t.getCause()) {
                String text = String.valueOf(t.getMessage()) + t;
                for (String secret : secrets) {
                    assertFalse(text.contains(secret), e.reason() + " message leaks a secret: " + text);
                }
            }
        }
        assertNotNull(provider.lastAccessToken);
    }

    /** A clock the tests move by hand; the fake provider uses it too. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

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
}
