package fr.repere.web.it;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import fr.repere.web.security.oidc.FakeOidcProvider;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;

/**
 * One fake OpenID Connect provider for the whole integration-test run, on the port that failsafe
 * reserved and gave Payara Micro as {@code REPERE_OIDC_ISSUER}: every deployment has the
 * ProConnect login configured, and only OidcLoginIT drives it. Its keys are made here.
 * Inactive in unit tests.
 */
public class TestOidcProvider implements LauncherSessionListener {

    private static FakeOidcProvider provider;
    private static RSAKey key;
    private static RSAKey impostor;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String port = System.getProperty("repere.it.oidc.port");
        if (port == null || provider != null) {
            return;
        }
        try {
            key = new RSAKeyGenerator(2048).keyID("it-key").generate();
            impostor = new RSAKeyGenerator(2048).keyID("it-key").generate(); // same kid, another key
            provider = new FakeOidcProvider(Integer.parseInt(port), Clock.systemUTC(), key);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (provider != null) {
            provider.close();
            provider = null;
        }
    }

    /** The provider, well-behaved again (the previous test may have changed it). */
    static FakeOidcProvider reset() {
        if (provider == null) {
            throw new IllegalStateException("no test provider: run integration tests through failsafe (mvn verify)");
        }
        provider.reset(key);
        return provider;
    }

    /** A key with the provider's key id that the provider does not publish: its signatures must fail. */
    static RSAKey impostorKey() {
        return impostor;
    }
}
