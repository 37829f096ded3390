package fr.repere.web.security.oidc;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import fr.repere.web.security.ProviderLogout;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.net.URI;
import java.security.CodeSource;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The application's one OpenID Connect relying party (ProConnect), built from
 * {@link OidcConfiguration} at start-up: a configuration error stops the deployment; no
 * configuration leaves the login disabled.
 */
@ApplicationScoped
public class OidcLogin implements ProviderLogout {

    /** Session attribute: the {@link AuthorizationRequest} of a login in progress. */
    public static final String PENDING_ATTRIBUTE = "repere.oidc.pending";
    /** Session attribute: the ID token of a session opened through the provider, for its logout. */
    public static final String ID_TOKEN_ATTRIBUTE = ProviderLogout.ID_TOKEN_ATTRIBUTE;

    private static final Logger LOG = Logger.getLogger(OidcLogin.class.getName());

    private OidcConfiguration configuration;
    private OidcClient client;

    @PostConstruct
    void configure() {
        Config config = ConfigProvider.getConfig();
        configuration = OidcConfiguration.read(key -> config.getOptionalValue(key, String.class)).orElse(null);
        if (configuration == null) {
            LOG.info("OpenID Connect login disabled (" + OidcConfiguration.ISSUER + " is not set)");
            return;
        }
        checkJoseLibrary();
        client = new OidcClient(configuration.settings());
        LOG.info("OpenID Connect login enabled: " + configuration);
    }

    void checkAtStartup(@Observes @Initialized(ApplicationScoped.class) Object event) {
        enabled(); // builds this bean now: a configuration error stops the deployment
    }

    public boolean enabled() {
        return client != null;
    }

    /** The relying party; empty when the login is not configured. */
    public Optional<OidcClient> client() {
        return Optional.ofNullable(client);
    }

    /** The configuration; only when {@link #enabled()}. */
    public OidcConfiguration configuration() {
        return configuration;
    }

    /**
     * The provider's logout URL for a session opened with this ID token, to which the browser is
     * sent after the local session ended; empty when the login is disabled, the provider has no
     * end-session endpoint, or cannot be reached now.
     */
    @Override
    public Optional<URI> providerLogout(String idToken, URI apiBase) {
        if (client == null || idToken == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(client.logoutUri(idToken, configuration.postLogoutRedirectUri(apiBase),
                    new State().getValue()));
        } catch (OidcException | IllegalArgumentException e) {
            LOG.log(Level.INFO, "OpenID Connect: no provider logout URL ({0})", e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The WAR brings the libraries its checks were written and tested against (nimbus-jose-jwt
     * 10.10, oauth2-oidc-sdk); Payara Micro has an older nimbus-jose-jwt of its own (10.5), which it
     * would hand out first unless glassfish-web.xml says {@code <class-loader delegate="false"/>}.
     * Tokens are not checked with a library nobody chose: the deployment stops instead.
     */
    private static void checkJoseLibrary() {
        for (Class<?> library : new Class<?>[] {JWSObject.class, IDTokenValidator.class}) {
            CodeSource source = library.getProtectionDomain().getCodeSource();
            String where = source == null || source.getLocation() == null ? "?" : source.getLocation().toString();
            if (library.getClassLoader() != OidcLogin.class.getClassLoader()) {
                throw new IllegalStateException("OpenID Connect: " + library.getName() + " is the server's (" + where
                        + "), not the application's: glassfish-web.xml must keep <class-loader delegate=\"false\"/>");
            }
            LOG.info("OpenID Connect: " + library.getSimpleName() + " loaded from the application (" + where + ")");
        }
    }
}
