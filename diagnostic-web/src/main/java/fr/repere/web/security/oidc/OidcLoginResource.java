package fr.repere.web.security.oidc;

import fr.repere.identity.ProviderAccounts;
import fr.repere.journal.RefusalKind;
import fr.repere.web.api.problem.Problem;
import fr.repere.web.security.ClientAddress;
import fr.repere.web.security.LoginProtection;
import fr.repere.web.security.Public;
import fr.repere.web.security.Sessions;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.logging.Logger;

/**
 * The production login, through the OpenID Connect provider (ProConnect): the browser is sent to
 * the provider, which sends it back to the callback; the callback checks everything, finds the
 * agent and opens the same session as the built-in login. A refusal, at any step, is counted per
 * source address and minute, and the first of each minute journaled (LOGIN_REFUSED, nothing about
 * the person: {@link fr.repere.journal.Refusals}), and answered with a French problem detail; the
 * reason is logged for the administrators, without tokens nor personal data.
 */
@Path("v1/session/oidc")
@RequestScoped
@Public
@Tag(name = "Session")
public class OidcLoginResource {

    private static final Logger LOG = Logger.getLogger(OidcLoginResource.class.getName());

    @Inject
    private OidcLogin oidc;

    @Inject
    private OidcAccounts accounts;

    @Inject
    private Sessions sessions;

    @Inject
    private LoginProtection protection;

    @Inject
    private ClientAddress addresses;

    @Inject
    @ConfigProperty(name = "repere.demo-accounts", defaultValue = "false")
    private boolean demoAccountsAllowed;

    @Context
    private HttpServletRequest http;

    @Context
    private UriInfo uri;

    /** Why a login is refused, and what the agent is told. */
    enum Refusal {
        /** No login in progress in this browser session, or another one, or an old one. */
        NOT_STARTED(Problem.of("login-refused", "Connexion refusée", 401,
                "La connexion par ProConnect a expiré ou n'a pas été commencée dans ce navigateur : recommencez.")),
        /** The provider, its tokens or its answers could not be trusted. */
        NOT_VERIFIED(Problem.of("login-refused", "Connexion refusée", 401,
                "La connexion par ProConnect n'a pas pu être vérifiée : recommencez. "
                        + "Si le problème persiste, prévenez l'administrateur de Repère.")),
        /** No active agent for this provider account. */
        NO_AGENT(Problem.of("login-forbidden", "Accès refusé", 403,
                "Votre compte ProConnect ne correspond à aucun compte Repère actif. Demandez à l'administrateur "
                        + "de Repère de votre structure de créer ou de réactiver votre accès, à votre adresse "
                        + "e-mail professionnelle.")),
        /** The provider cannot be reached. */
        PROVIDER_DOWN(Problem.of("service-unavailable", "Service momentanément indisponible", 503,
                "ProConnect ne répond pas pour le moment : réessayez dans quelques minutes."));

        private final Problem problem;

        Refusal(Problem problem) {
            this.problem = problem;
        }
    }

    @GET
    @Operation(summary = "Se connecter avec ProConnect",
            description = "Redirige le navigateur vers ProConnect, qui le renverra vers /api/v1/session/oidc/callback.")
    @APIResponse(responseCode = "302", description = "Redirection vers ProConnect")
    @APIResponse(responseCode = "404", description = "Connexion par ProConnect non configurée ou indisponible à cette adresse")
    @APIResponse(responseCode = "503", description = "ProConnect ne répond pas")
    public Response start() {
        OidcClient client = oidc.client().orElse(null);
        if (client == null) {
            return notConfigured();
        }
        AuthorizationRequest request;
        try {
            request = client.start(oidc.configuration().redirectUri(uri.getBaseUri()));
        } catch (OidcException e) {
            return refuse(e.reason() == OidcException.Reason.PROVIDER_UNAVAILABLE ? Refusal.PROVIDER_DOWN
                    : Refusal.NOT_VERIFIED, e.getMessage());
        } catch (IllegalArgumentException e) {
            // no configured callback URL, and the one derived from this request is not acceptable
            // (plain http on a network): the login cannot work at this address; nobody was refused
            LOG.severe("OpenID Connect login unavailable at " + uri.getBaseUri() + ": " + e.getMessage()
                    + "; set " + OidcConfiguration.REDIRECT_URI + " to the https callback registered at the provider");
            return Problem.of("not-found", "Connexion par ProConnect indisponible", 404,
                    "La connexion par ProConnect n'est pas disponible à cette adresse de Repère : prévenez votre "
                            + "administrateur.").toResponse();
        }
        http.getSession(true).setAttribute(OidcLogin.PENDING_ATTRIBUTE, request);
        return Response.status(Response.Status.FOUND).location(request.authorizationUri())
                .header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("callback")
    @Operation(summary = "Retour de ProConnect",
            description = "Vérifie la réponse de ProConnect, ouvre la session de l'agent et redirige vers l'accueil.")
    @APIResponse(responseCode = "303", description = "Session ouverte, redirection vers l'accueil")
    @APIResponse(responseCode = "401", description = "Connexion refusée (expirée, interrompue ou invérifiable)")
    @APIResponse(responseCode = "403", description = "Aucun compte Repère actif pour ce compte ProConnect")
    @APIResponse(responseCode = "404", description = "Connexion par ProConnect non configurée")
    public Response callback(@QueryParam("code") String code, @QueryParam("state") String state,
                             @QueryParam("error") String error) {
        OidcClient client = oidc.client().orElse(null);
        if (client == null) {
            return notConfigured();
        }
        HttpSession session = http.getSession(false);
        Object pending = session == null ? null : session.getAttribute(OidcLogin.PENDING_ATTRIBUTE);
        if (session != null) {
            session.removeAttribute(OidcLogin.PENDING_ATTRIBUTE); // a login request is used once
        }
        if (!(pending instanceof AuthorizationRequest request)) {
            return refuse(Refusal.NOT_STARTED, "no login in progress in this session");
        }
        if (error != null) {
            return refuse(Refusal.NOT_VERIFIED, "the provider answered error " + ProviderHttp.safe(error));
        }
        AuthenticatedAgent account;
        try {
            account = client.complete(request, code, state);
        } catch (OidcException e) {
            return refuse(switch (e.reason()) {
                case STATE_MISMATCH, REQUEST_EXPIRED -> Refusal.NOT_STARTED;
                case PROVIDER_UNAVAILABLE -> Refusal.PROVIDER_DOWN;
                default -> Refusal.NOT_VERIFIED;
            }, e.getMessage());
        }
        ProviderAccounts.Match match = accounts.find(account, demoAccountsAllowed);
        if (!match.loggedIn()) {
            return refuse(Refusal.NO_AGENT, "no active agent for this account (" + match.outcome() + ")");
        }
        if (match.outcome() == ProviderAccounts.Outcome.LINKED) {
            LOG.info("OpenID Connect: agent " + match.agent().id() + " linked to its provider account at first login");
        }
        sessions.open(http, match.agent());
        http.getSession(false).setAttribute(OidcLogin.ID_TOKEN_ATTRIBUTE, account.idToken());
        return Response.seeOther(uri.getBaseUri().resolve("/")).header("Cache-Control", "no-store").build();
    }

    private static Response notConfigured() {
        return Problem.of("not-found", "Connexion par ProConnect indisponible", 404,
                "La connexion par ProConnect n'est pas configurée sur ce service : utilisez votre adresse e-mail "
                        + "et votre mot de passe Repère, ou prévenez votre administrateur.").toResponse();
    }

    private Response refuse(Refusal refusal, String why) {
        LOG.warning("OpenID Connect login refused, " + refusal + ": " + why);
        protection.refused(addresses.of(http), RefusalKind.LOGIN_REFUSED);
        Response r = refusal.problem.toResponse();
        return refusal == Refusal.PROVIDER_DOWN ? Response.fromResponse(r).header("Retry-After", "30").build() : r;
    }
}
