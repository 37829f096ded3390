package fr.repere.host;

import fr.repere.diagnostic.DiagnosticId;
import fr.repere.diagnostic.Draft;
import fr.repere.dossier.CaseReference;
import fr.repere.dossier.DossierTimeline;
import fr.repere.identity.Agent;
import fr.repere.identity.AgentDirectory;
import fr.repere.identity.OrganisationDirectory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A signed launch from a host system: once its signature is verified (at the web boundary, with
 * the registration's keys), decides whether it opens a session, for which agent and which case.
 * The token must be a fresh (at most {@link #MAX_LIFETIME}), unused LTI 1.3 resource-link request
 * of a registered deployment, aimed at this Repère; the agent is the one bound to the host account
 * ({@code iss}, {@code sub}), or at first use the active agent of that work e-mail in a team the host
 * may launch into (then bound). Transactions and the journal are the caller's.
 */
@ApplicationScoped
public class Launching {

    /** The longest a launch token may be valid ({@code exp - iat}). */
    public static final Duration MAX_LIFETIME = Duration.ofMinutes(5);
    /** How far the host's clock may be from ours. */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
    private static final int MAX_TEXT = 255;

    /** A launch accepted: open a session for {@code agent} on {@code caseRef}, at its interview in progress if any. */
    public record Launch(HostRegistration registration, Agent agent, CaseReference caseRef, Optional<DiagnosticId> openInterview,
                         boolean framed, boolean newlyBound) {
    }

    private HostRegistrations registrations;
    private LaunchRecords records;
    private AgentDirectory agents;
    private OrganisationDirectory organisations;
    private DossierTimeline timeline;
    private Clock clock;

    /** For CDI's proxy. */
    protected Launching() {
    }

    @Inject
    public Launching(HostRegistrations registrations, LaunchRecords records, AgentDirectory agents,
                     OrganisationDirectory organisations, DossierTimeline timeline, Clock clock) {
        this.registrations = Objects.requireNonNull(registrations, "registrations");
        this.records = Objects.requireNonNull(records, "records");
        this.agents = Objects.requireNonNull(agents, "agents");
        this.organisations = Objects.requireNonNull(organisations, "organisations");
        this.timeline = Objects.requireNonNull(timeline, "timeline");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The registration whose keys must verify the token: that of its issuer for one of its audiences.
     *
     * @throws LaunchRefusedException UNKNOWN_HOST
     */
    public HostRegistration registrationFor(String issuer, List<String> audience) {
        if (issuer == null || issuer.length() > MAX_TEXT || audience == null) {
            throw new LaunchRefusedException(LaunchRefusal.UNKNOWN_HOST, "no issuer or audience");
        }
        for (String aud : audience) {
            if (aud != null && aud.length() <= MAX_TEXT) {
                Optional<HostRegistration> found = registrations.byIssuerAndClient(issuer, aud);
                if (found.isPresent()) {
                    return found.get();
                }
            }
        }
        throw new LaunchRefusedException(LaunchRefusal.UNKNOWN_HOST, "no registration of issuer " + issuer + " for " + audience);
    }

    /**
     * Decides a launch whose signature {@code registration}'s keys verified.
     *
     * @param repere              this Repère's public base address: the target must be one of its pages
     * @param demoAccountsAllowed whether demonstration accounts may log in here
     * @throws LaunchRefusedException with the first check that fails
     */
    public Launch launch(HostRegistration registration, LaunchClaims claims, URI repere, boolean demoAccountsAllowed) {
        Instant now = clock.instant();
        if (!claims.audience().contains(registration.clientId()) || !registration.issuer().equals(claims.issuer())) {
            throw refused(LaunchRefusal.UNKNOWN_HOST, "audience " + claims.audience() + " without " + registration.clientId());
        }
        checkTimes(claims, now);
        if (!text(claims.jti()) || !text(claims.subject())) {
            throw refused(LaunchRefusal.WRONG_MESSAGE, "no jti or no sub");
        }
        if (!LaunchClaims.RESOURCE_LINK_REQUEST.equals(claims.messageType()) || !LaunchClaims.LTI_VERSION.equals(claims.version())) {
            throw refused(LaunchRefusal.WRONG_MESSAGE, "message " + claims.messageType() + " version " + claims.version());
        }
        if (claims.deploymentId() == null || !registration.deploymentIds().contains(claims.deploymentId())) {
            throw refused(LaunchRefusal.UNKNOWN_DEPLOYMENT, "deployment " + claims.deploymentId());
        }
        if (!targetsRepere(claims.targetLinkUri(), repere)) {
            throw refused(LaunchRefusal.TARGET_OUTSIDE, "target " + claims.targetLinkUri());
        }
        CaseReference caseRef = CaseReference.parse(claims.contextId())
                .orElseThrow(() -> refused(LaunchRefusal.BAD_CASE, "context.id is not a case reference"));
        if (!records.firstUse(registration.id(), claims.jti(), claims.expiresAt().plus(CLOCK_SKEW))) {
            throw refused(LaunchRefusal.REPLAYED, "jti used before");
        }
        boolean[] newlyBound = {false};
        Agent agent = agentOf(registration, claims, demoAccountsAllowed, now, newlyBound);
        Optional<DiagnosticId> open = timeline.drafts(agent.team(), caseRef.value()).stream().findFirst().map(Draft::id);
        return new Launch(registration, agent, caseRef, open, claims.framed(), newlyBound[0]);
    }

    /** Forgets the used token ids of tokens expired before {@code now} (a replay of those is refused as expired); returns how many. */
    public int forgetExpiredTokens(Instant now) {
        return records.purgeExpired(now);
    }

    private static void checkTimes(LaunchClaims claims, Instant now) {
        Instant iat = claims.issuedAt();
        Instant exp = claims.expiresAt();
        if (iat == null || exp == null) {
            throw refused(LaunchRefusal.WRONG_MESSAGE, "no iat or no exp");
        }
        if (exp.isAfter(iat.plus(MAX_LIFETIME))) {
            throw refused(LaunchRefusal.EXPIRED, "valid for more than " + MAX_LIFETIME);
        }
        if (!now.isBefore(exp.plus(CLOCK_SKEW))) {
            throw refused(LaunchRefusal.EXPIRED, "expired at " + exp);
        }
        if (iat.isAfter(now.plus(CLOCK_SKEW)) || claims.notBefore() != null && claims.notBefore().isAfter(now.plus(CLOCK_SKEW))) {
            throw refused(LaunchRefusal.EXPIRED, "not valid yet (iat " + iat + ", nbf " + claims.notBefore() + ")");
        }
    }

    /** The same scheme, host and port as this Repère, and a path within it. */
    static boolean targetsRepere(String target, URI repere) {
        if (target == null || target.length() > 2000) {
            return false;
        }
        try {
            URI t = new URI(target).normalize();
            return t.isAbsolute() && repere.getScheme().equalsIgnoreCase(t.getScheme()) && t.getHost() != null
                    && repere.getHost().equalsIgnoreCase(t.getHost()) && port(repere) == port(t) && t.getUserInfo() == null
                    && (t.getRawPath() == null || t.getRawPath().isEmpty() || t.getRawPath().startsWith("/"))
                    && (t.getRawPath() == null || !t.getRawPath().contains(".."));
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static int port(URI u) {
        return u.getPort() >= 0 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    private Agent agentOf(HostRegistration registration, LaunchClaims claims, boolean demoAccountsAllowed, Instant now,
                          boolean[] newlyBound) {
        Optional<String> bound = records.boundAgent(registration.issuer(), claims.subject());
        Agent agent;
        if (bound.isPresent()) {
            agent = agents.byId(bound.get()).orElseThrow(() -> refused(LaunchRefusal.NO_AGENT, "bound agent gone"));
        } else {
            if (!text(claims.email()) || claims.email().length() > 254) {
                throw refused(LaunchRefusal.NO_AGENT, "unbound account without e-mail");
            }
            agent = agents.byEmail(claims.email()).orElseThrow(() -> refused(LaunchRefusal.NO_AGENT, "no agent of this e-mail"));
        }
        if (!agent.active() || agent.demo() && !demoAccountsAllowed || !agent.role().seesDossiers()) {
            throw refused(LaunchRefusal.NO_AGENT, "agent " + agent.id() + " inactive, demonstration or without dossiers");
        }
        if (!organisations.organisationOf(agent.team()).map(registration.organisation()::equals).orElse(false)
                || !registration.launchesInto(agent.team())) {
            throw refused(LaunchRefusal.NO_AGENT, "agent " + agent.id() + " not in a team this host launches into");
        }
        if (bound.isEmpty()) {
            records.bind(registration.issuer(), claims.subject(), agent.id(), now);
            newlyBound[0] = true;
        }
        return agent;
    }

    private static boolean text(String s) {
        return s != null && !s.isBlank() && s.length() <= MAX_TEXT;
    }

    private static LaunchRefusedException refused(LaunchRefusal refusal, String why) {
        return new LaunchRefusedException(refusal, why);
    }
}
