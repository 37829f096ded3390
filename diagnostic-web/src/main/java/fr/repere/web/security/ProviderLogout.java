package fr.repere.web.security;

import java.net.URI;
import java.util.Optional;

/**
 * The identity provider's part of a logout (implemented by the OpenID Connect login, in
 * {@code security.oidc}, so that this package does not depend on it).
 */
public interface ProviderLogout {

    /** Session attribute: the ID token of a session opened through the provider, for its logout. */
    String ID_TOKEN_ATTRIBUTE = "repere.oidc.id-token";

    /**
     * The provider's logout URL for a session opened with this ID token, to which the browser is
     * sent after the local session ended; empty when there is none now.
     */
    Optional<URI> providerLogout(String idToken, URI apiBase);
}
