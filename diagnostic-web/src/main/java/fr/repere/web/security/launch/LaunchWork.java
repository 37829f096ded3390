package fr.repere.web.security.launch;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import fr.repere.host.HostRegistration;
import fr.repere.host.Launching;
import fr.repere.journal.JournalAction;
import fr.repere.journal.JournalEntry;
import fr.repere.web.security.Caller;
import fr.repere.web.security.JournalWriter;
import fr.repere.web.security.Sessions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.time.Clock;

/**
 * Transaction boundary of a signed launch: the token read, its host found by issuer and audience,
 * its signature verified with that host's registered keys, the launch decided by the core
 * ({@link Launching}: fresh, unused, registered deployment, this Repère, a known agent), then the
 * agent's session opened and the launch journaled, all in one transaction: a refusal leaves
 * nothing behind (not even the token id, which a refused launch did not use).
 */
@ApplicationScoped
public class LaunchWork {

    @Inject
    private Launching launching;

    @Inject
    private Sessions sessions;

    @Inject
    private LaunchKeySets keySets;

    @Inject
    private JournalWriter journal;

    @Inject
    private Clock clock;

    @Inject
    @ConfigProperty(name = "repere.demo-accounts", defaultValue = "false")
    private boolean demoAccountsAllowed;

    /**
     * @param repere  this Repère's public base address
     * @param inFrame whether the browser says it loads the launch in a frame (Sec-Fetch-Dest), which
     *                the token's {@code launch_presentation.document_target} may also say
     * @throws fr.repere.host.LaunchRefusedException when refused; nothing was written
     */
    @Transactional
    public Launching.Launch launch(String idToken, URI repere, HttpServletRequest http, boolean inFrame) {
        SignedJWT token = LaunchTokens.parse(idToken);
        JWTClaimsSet claims = LaunchTokens.claimsOf(token);
        HostRegistration registration = launching.registrationFor(claims.getIssuer(), claims.getAudience());
        LaunchKeys.checkAlgorithm(token);
        LaunchKeys.verify(token, keySets.keysOf(registration, token.getHeader().getKeyID()));
        Launching.Launch launch = launching.launch(registration, LaunchTokens.read(claims), repere, demoAccountsAllowed);
        Caller caller = sessions.open(http, launch.agent());
        if (launch.framed() || inFrame) {
            http.getSession(false).setAttribute(Caller.HOST_ORIGIN_ATTRIBUTE, registration.origin());
        }
        journal.append(JournalEntry.dossierAction(clock.instant(), caller.actor(), JournalAction.HOST_LAUNCH,
                journal.dossier(caller.team(), launch.caseRef().value()), registration.id()));
        return launch;
    }
}
