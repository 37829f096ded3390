package fr.repere.host;

import fr.repere.diagnostic.DiagnosticId;
import fr.repere.diagnostic.Draft;
import fr.repere.dossier.DossierTimeline;
import fr.repere.identity.Agent;
import fr.repere.identity.InMemoryAgents;
import fr.repere.identity.InMemoryOrganisations;
import fr.repere.identity.Role;
import fr.repere.identity.Team;
import fr.repere.questionnaire.QuestionnaireCatalog;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every rule of a signed launch once its signature is verified, one refusal at a time, without a container. */
class LaunchingTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final URI REPERE = URI.create("https://repere.exemple.fr/");
    private static final String ISSUER = "https://logiciel.exemple.fr";

    private final InMemoryOrganisations organisations = new InMemoryOrganisations();
    private final InMemoryAgents agents = new InMemoryAgents();
    private final Registrations registrations = new Registrations();
    private final Records records = new Records();
    private final List<Draft> drafts = new ArrayList<>();
    private final DossierTimeline timeline = new DossierTimeline() {
        @Override
        public List<fr.repere.diagnostic.Diagnostic> diagnostics(String team, String caseRef) {
            return List.of();
        }

        @Override
        public List<Draft> drafts(String team, String caseRef) {
            return drafts.stream().filter(d -> d.team().equals(team) && caseRef.equals(d.caseRef())).toList();
        }
    };
    private final Launching launching = new Launching(registrations, records, agents, organisations, timeline,
            Clock.fixed(NOW, ZoneOffset.UTC));

    private final Team team = team("org-1", "Équipe A");
    private final Team otherTeam = team("org-1", "Équipe B");
    private final Team foreignTeam = team("org-2", "Équipe d'ailleurs");
    private final Agent worker = agent(team, Role.WORKER, "camille@ccas.invalid");
    private final HostRegistration host = registrations.add(new HostRegistration("reg-1", "org-1", "Logiciel", ISSUER, "client-1",
            "https://logiciel.exemple.fr", "{\"keys\":[]}", null, List.of("dep-1", "dep-2"), List.of(team.id()), NOW));

    private Team team(String organisation, String name) {
        Team t = new Team(organisation, name);
        organisations.teams.add(t);
        return t;
    }

    private Agent agent(Team t, Role role, String email) {
        Agent a = agents.add(Agent.create(t.id(), role, "Agent " + email, email));
        organisations.agents.add(a);
        return a;
    }

    /** A valid launch for {@link #worker}; each test changes one thing. */
    private static Claims claims() {
        return new Claims();
    }

    private static final class Claims {
        String iss = ISSUER;
        List<String> aud = List.of("client-1");
        String sub = "agent-42";
        String jti = UUID.randomUUID().toString();
        Instant iat = NOW.minusSeconds(10);
        Instant nbf = null;
        Instant exp = NOW.plusSeconds(120);
        String deployment = "dep-1";
        String message = "LtiResourceLinkRequest";
        String version = "1.3.0";
        String target = "https://repere.exemple.fr/launch";
        String context = "DOSSIER-2026-0042";
        String target_ = null;
        String email = "camille@ccas.invalid";

        LaunchClaims build() {
            return new LaunchClaims(iss, aud, sub, jti, iat, nbf, exp, deployment, message, version, target, context,
                    List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"), target_, null, email, "Camille", "Martin");
        }
    }

    private Launching.Launch launch(Claims c) {
        return launching.launch(launching.registrationFor(c.iss, c.aud), c.build(), REPERE, false);
    }

    private LaunchRefusal refusal(Claims c) {
        return assertThrows(LaunchRefusedException.class, () -> launch(c)).refusal();
    }

    @Test
    void aFirstLaunchFindsTheAgentByWorkEmailAndBindsTheHostAccount() {
        Launching.Launch l = launch(claims());
        assertEquals(worker.id(), l.agent().id());
        assertEquals("DOSSIER-2026-0042", l.caseRef().value());
        assertTrue(l.newlyBound());
        assertEquals(Optional.empty(), l.openInterview(), "no interview in progress: a new one starts");
        assertEquals(Optional.of(worker.id()), records.boundAgent(ISSUER, "agent-42"));
    }

    @Test
    void aBoundAccountIsFoundByIssuerAndSubjectWhateverTheEmailSaysNow() {
        launch(claims());
        Claims again = claims();
        again.email = "un.autre@ccas.invalid";
        Launching.Launch l = launch(again);
        assertEquals(worker.id(), l.agent().id());
        assertFalse(l.newlyBound());
    }

    @Test
    void aSecondLaunchForTheSameCaseReopensItsInterviewInProgress() {
        Draft open = Draft.start(DiagnosticId.next(), team.id(), "DOSSIER-2026-0042", QuestionnaireCatalog.load().current(), NOW);
        drafts.add(open);
        drafts.add(Draft.start(DiagnosticId.next(), team.id(), "DOSSIER-AUTRE", QuestionnaireCatalog.load().current(), NOW));
        assertEquals(Optional.of(open.id()), launch(claims()).openInterview());
    }

    @Test
    void aTokenIdIsUsedOnce() {
        Claims c = claims();
        launch(c);
        assertEquals(LaunchRefusal.REPLAYED, refusal(c));
    }

    @Test
    void anUnknownIssuerOrAudienceIsNoRegisteredHost() {
        Claims wrongIssuer = claims();
        wrongIssuer.iss = "https://intrus.exemple.fr";
        assertEquals(LaunchRefusal.UNKNOWN_HOST, refusal(wrongIssuer));
        Claims wrongAudience = claims();
        wrongAudience.aud = List.of("client-2");
        assertEquals(LaunchRefusal.UNKNOWN_HOST, refusal(wrongAudience));
        Claims noAudience = claims();
        noAudience.aud = List.of();
        assertEquals(LaunchRefusal.UNKNOWN_HOST, refusal(noAudience));
    }

    @Test
    void aLaunchIsValidFiveMinutesAtMostAndNeitherBeforeNorAfter() {
        Claims expired = claims();
        expired.iat = NOW.minusSeconds(250);
        expired.exp = NOW.minus(Launching.CLOCK_SKEW).minusSeconds(1);
        assertEquals(LaunchRefusal.EXPIRED, refusal(expired));
        Claims tooLong = claims();
        tooLong.exp = tooLong.iat.plus(Duration.ofMinutes(5)).plusSeconds(1);
        assertEquals(LaunchRefusal.EXPIRED, refusal(tooLong));
        Claims future = claims();
        future.iat = NOW.plus(Launching.CLOCK_SKEW).plusSeconds(5);
        future.exp = future.iat.plusSeconds(60);
        assertEquals(LaunchRefusal.EXPIRED, refusal(future));
        Claims notBefore = claims();
        notBefore.nbf = NOW.plus(Launching.CLOCK_SKEW).plusSeconds(5);
        assertEquals(LaunchRefusal.EXPIRED, refusal(notBefore));
        Claims exactlyFive = claims();
        exactlyFive.exp = exactlyFive.iat.plus(Duration.ofMinutes(5));
        assertEquals(worker.id(), launch(exactlyFive).agent().id(), "five minutes is allowed");
    }

    @Test
    void onlyAnLti13ResourceLinkRequestOfARegisteredDeploymentIsALaunch() {
        Claims message = claims();
        message.message = "LtiDeepLinkingRequest";
        assertEquals(LaunchRefusal.WRONG_MESSAGE, refusal(message));
        Claims version = claims();
        version.version = "1.1";
        assertEquals(LaunchRefusal.WRONG_MESSAGE, refusal(version));
        Claims noJti = claims();
        noJti.jti = null;
        assertEquals(LaunchRefusal.WRONG_MESSAGE, refusal(noJti));
        Claims deployment = claims();
        deployment.deployment = "dep-3";
        assertEquals(LaunchRefusal.UNKNOWN_DEPLOYMENT, refusal(deployment));
        Claims second = claims();
        second.deployment = "dep-2";
        assertEquals(worker.id(), launch(second).agent().id(), "every registered deployment launches");
    }

    @Test
    void theTargetIsAPageOfThisRepere() {
        for (String outside : List.of("https://intrus.exemple.fr/launch", "http://repere.exemple.fr/launch",
                "https://repere.exemple.fr:8443/launch", "/launch", "https://user@repere.exemple.fr/launch",
                "https://repere.exemple.fr.intrus.fr/launch")) {
            Claims c = claims();
            c.target = outside;
            assertEquals(LaunchRefusal.TARGET_OUTSIDE, refusal(c), outside);
        }
    }

    @Test
    void theHostsCaseIdMustBeACaseReference() {
        for (String bad : List.of("", "dossier 42", "x".repeat(65), "dossier<42>")) {
            Claims c = claims();
            c.context = bad;
            assertEquals(LaunchRefusal.BAD_CASE, refusal(c), bad);
        }
        Claims none = claims();
        none.context = null;
        assertEquals(LaunchRefusal.BAD_CASE, refusal(none));
    }

    @Test
    void onlyAnActiveWorkerOrTeamLeadOfATeamTheHostOpensIsLaunched() {
        Claims unknown = claims();
        unknown.email = "personne@ccas.invalid";
        assertEquals(LaunchRefusal.NO_AGENT, refusal(unknown));

        Agent inactive = agent(team, Role.WORKER, "inactif@ccas.invalid");
        inactive.deactivate();
        Agent analyst = agent(team, Role.ANALYST, "analyste@ccas.invalid");
        Agent elsewhereInTheOrganisation = agent(otherTeam, Role.WORKER, "equipe-b@ccas.invalid");
        Agent foreign = agent(foreignTeam, Role.WORKER, "ailleurs@ccas.invalid");
        Agent demo = InMemoryAgents.demo(agent(team, Role.WORKER, "demo@ccas.invalid"));
        for (Agent refused : List.of(inactive, analyst, elsewhereInTheOrganisation, foreign, demo)) {
            Claims c = claims();
            c.sub = "sub-" + refused.email();
            c.email = refused.email();
            assertEquals(LaunchRefusal.NO_AGENT, refusal(c), refused.email());
            assertEquals(Optional.empty(), records.boundAgent(ISSUER, c.sub), "nobody bound for a refused launch");
        }
        Agent lead = agent(team, Role.TEAM_LEAD, "responsable@ccas.invalid");
        Claims c = claims();
        c.sub = "lead";
        c.email = lead.email();
        assertEquals(lead.id(), launch(c).agent().id());
    }

    @Test
    void aBoundAgentDeactivatedSinceIsRefused() {
        launch(claims());
        worker.deactivate();
        assertEquals(LaunchRefusal.NO_AGENT, refusal(claims()));
    }

    @Test
    void aHostWithoutTeamsListedOpensEveryTeamOfItsOrganisationOnly() {
        registrations.all.clear();
        registrations.add(new HostRegistration("reg-2", "org-1", "Logiciel", ISSUER, "client-1", "https://logiciel.exemple.fr",
                "{\"keys\":[]}", null, List.of("dep-1"), List.of(), NOW));
        Agent b = agent(otherTeam, Role.WORKER, "equipe-b@ccas.invalid");
        Claims c = claims();
        c.email = b.email();
        assertEquals(b.id(), launch(c).agent().id());
        Agent foreign = agent(foreignTeam, Role.WORKER, "ailleurs@ccas.invalid");
        Claims f = claims();
        f.sub = "other";
        f.email = foreign.email();
        assertEquals(LaunchRefusal.NO_AGENT, refusal(f));
    }

    private static final class Registrations implements HostRegistrations {
        final List<HostRegistration> all = new ArrayList<>();

        HostRegistration add(HostRegistration r) {
            all.add(r);
            return r;
        }

        @Override
        public List<HostRegistration> of(String organisation) {
            return all.stream().filter(r -> r.organisation().equals(organisation)).toList();
        }

        @Override
        public Optional<HostRegistration> find(String organisation, String id) {
            return all.stream().filter(r -> r.organisation().equals(organisation) && r.id().equals(id)).findFirst();
        }

        @Override
        public Optional<HostRegistration> byIssuerAndClient(String issuer, String clientId) {
            return all.stream().filter(r -> r.issuer().equals(issuer) && r.clientId().equals(clientId)).findFirst();
        }

        @Override
        public void add(HostRegistration registration, String by) {
            all.add(registration);
        }

        @Override
        public void remove(String id, Instant at) {
            all.removeIf(r -> r.id().equals(id));
        }
    }

    private static final class Records implements LaunchRecords {
        final Set<String> used = new HashSet<>();
        final Map<String, String> bindings = new HashMap<>();

        @Override
        public boolean firstUse(String registration, String jti, Instant expiresAt) {
            return used.add(registration + "|" + jti);
        }

        @Override
        public Optional<String> boundAgent(String issuer, String subject) {
            return Optional.ofNullable(bindings.get(issuer + "|" + subject));
        }

        @Override
        public void bind(String issuer, String subject, String agent, Instant at) {
            bindings.putIfAbsent(issuer + "|" + subject, agent);
        }

        @Override
        public int purgeExpired(Instant now) {
            return 0;
        }
    }
}
