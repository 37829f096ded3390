package fr.repere.web.security.oidc;

import java.io.Serializable;
import java.util.Objects;

/**
 * A public agent authenticated by the provider. Claims come from the verified userinfo answer;
 * any of them but {@code subject} may be null when the provider did not release it.
 *
 * @param issuer    the provider's issuer; (issuer, subject) identifies the agent
 * @param subject   the {@code sub} claim (ProConnect: pairwise, different for each service)
 * @param email     {@code email}
 * @param givenName {@code given_name}
 * @param usualName {@code usual_name} (ProConnect's family name)
 * @param uid       {@code uid}, the identifier at the agent's own identity provider
 * @param siret     {@code siret} of the agent's organisation
 * @param idpId     {@code idp_id}, the identity provider the agent used
 * @param idToken   the raw ID token, kept only as {@code id_token_hint} for logout (never printed)
 */
public record AuthenticatedAgent(String issuer, String subject, String email, String givenName,
        String usualName, String uid, String siret, String idpId, String idToken) implements Serializable {

    public AuthenticatedAgent {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(idToken, "idToken");
    }

    @Override
    public String toString() {
        return "AuthenticatedAgent[issuer=" + issuer + ", subject=" + subject + ", siret=" + siret
                + ", idpId=" + idpId + "]";
    }
}
