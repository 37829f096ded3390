package fr.repere.web.security;

import fr.repere.identity.Agent;
import fr.repere.journal.JournalEntry;
import fr.repere.journal.RefusalKind;
import fr.repere.web.api.Json;
import fr.repere.web.api.JsonBodies;
import fr.repere.web.api.problem.Problem;
import fr.repere.web.api.problem.ProblemException;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The built-in login (e-mail and password): opens a server-side session (cookie, 30 minutes idle,
 * 12 hours at most) and hands out the anti-CSRF token to echo in {@code X-CSRF-Token}. The
 * production login through ProConnect is {@link fr.repere.web.security.oidc.OidcLoginResource};
 * both open the session with {@link Sessions}, and both end it here.
 *
 * <p>Password guessing is slowed down per account and per source address ({@link LoginProtection}):
 * a login that must wait is answered 429 with {@code Retry-After} before anything is checked; an
 * unknown e-mail costs one password check like a known one, and every refusal gets the same answer.
 */
@Path("v1/session")
@RequestScoped
@Public
@Tag(name = "Session")
public class SessionResource {

    @Inject
    private JournalWriter journal;

    @Inject
    private LoginProtection protection;

    @Inject
    private ClientAddress addresses;

    @Inject
    private Sessions sessions;

    @Inject
    private ProviderLogout oidc;

    @Context
    private HttpServletRequest http;

    /**
     * @param hostOrigin the web origin of the host system whose signed launch opened this session in
     *                   its iframe: the only parent the page tells that a diagnostic was decided
     */
    public record SessionView(String agent, String name, String role, String roleLabel, String team, String csrfToken,
                              String hostOrigin) {
        static SessionView of(Caller c, HttpServletRequest http) {
            var session = http.getSession(false);
            Object origin = session == null ? null : session.getAttribute(Caller.HOST_ORIGIN_ATTRIBUTE);
            return new SessionView(c.agentId(), c.displayName(), c.role().name(), c.role().label(), c.team(), c.csrfToken(),
                    origin instanceof String o ? o : null);
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Se connecter", description = "Adresse e-mail et mot de passe du compte Repère. Après "
            + "5 échecs pour un compte, ou 50 depuis une même adresse, les tentatives suivantes sont refusées (429, "
            + "en-tête Retry-After) pendant un délai qui double à chaque nouvel échec, jusqu'à 15 minutes.")
    @APIResponse(responseCode = "200", description = "Session ouverte")
    @APIResponse(responseCode = "401", description = "Connexion refusée (la même réponse quelle qu'en soit la raison)")
    @APIResponse(responseCode = "429", description = "Trop de tentatives : réessayer après le délai de Retry-After")
    public Response login(InputStream body) {
        JsonObject json = JsonBodies.object(JsonBodies.readLimited(body));
        String email = text(json, "email");
        String password = text(json, "password");
        String address = addresses.of(http);
        Optional<Duration> wait = protection.waitFor(email, address);
        if (wait.isPresent()) {
            protection.refused(address, RefusalKind.LOGIN_THROTTLED);
            return TooManyAttempts.response(wait.get());
        }
        Optional<Agent> agent = email == null || password == null ? Optional.empty()
                : protection.authenticate(email, password.toCharArray());
        if (agent.isEmpty()) {
            protection.failed(email, address);
            throw new ProblemException(Problem.of("login-refused", "Connexion refusée", 401,
                    "Adresse e-mail ou mot de passe incorrect, ou compte désactivé."));
        }
        return Json.ok(SessionView.of(sessions.open(http, agent.get()), http));
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Session en cours")
    public Response current(@Context jakarta.ws.rs.core.SecurityContext security) {
        if (!(security.getUserPrincipal() instanceof Caller caller)) {
            throw new ProblemException(Problem.of("unauthenticated", "Connexion nécessaire", 401, "Aucune session ouverte."));
        }
        return Json.ok(SessionView.of(caller, http));
    }

    /** @param providerLogoutUrl where to send the browser to end the provider's session too */
    public record LogoutView(String providerLogoutUrl) {
    }

    @DELETE
    @Operation(summary = "Se déconnecter", description = "Met fin à la session sur le serveur. Pour une session "
            + "ouverte par ProConnect, la réponse (200) donne l'adresse où envoyer le navigateur pour se "
            + "déconnecter aussi de ProConnect ; sinon 204.")
    public Response logout(@Context jakarta.ws.rs.core.SecurityContext security, @Context UriInfo uri) {
        if (security.getUserPrincipal() instanceof Caller caller) {
            journal.append(JournalEntry.logout(Instant.now(), caller.actor()));
        }
        HttpSession session = http.getSession(false);
        Object idToken = null;
        if (session != null) {
            idToken = session.getAttribute(ProviderLogout.ID_TOKEN_ATTRIBUTE);
            session.invalidate();
        }
        Optional<URI> providerLogout = idToken instanceof String t ? oidc.providerLogout(t, uri.getBaseUri()) : Optional.empty();
        return providerLogout.map(u -> Json.ok(new LogoutView(u.toString()))).orElseGet(() -> Response.noContent().build());
    }

    private static String text(JsonObject json, String field) {
        return json.get(field) instanceof JsonString s && s.getString().length() <= 254 ? s.getString() : null;
    }
}
