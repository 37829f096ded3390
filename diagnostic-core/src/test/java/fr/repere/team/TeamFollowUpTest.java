package fr.repere.team;

import fr.repere.diagnostic.Orientation;
import fr.repere.directory.LieuService;
import fr.repere.mandate.DemarcheCategory;
import fr.repere.mandate.MandateDuration;
import fr.repere.referral.ReferralStatus;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TeamFollowUpTest {

    private static final Instant NOW = Instant.parse("2026-06-30T10:00:00.123456Z");
    private static final Instant NOW_MS = Instant.parse("2026-06-30T10:00:00.123Z");

    /** The team's tables in memory: canned answers, and what was asked. */
    private static final class InMemoryTeamQueries implements TeamQueries {
        final List<String> asked = new ArrayList<>();
        List<Member> members = List.of();
        List<ReferralCounts> referralCounts = List.of();
        List<AuthorCount> mandateCounts = List.of();
        Set<String> team = Set.of();
        List<ReferralLine> referrals = List.of();
        List<OverrideLine> overrides = List.of();
        List<MandateLine> mandates = List.of();

        @Override
        public long openReferralsCreatedUntil(String team, Instant createdUntil) {
            asked.add("waiting " + team + " " + createdUntil);
            return 3;
        }

        @Override
        public long referralsReaching(String team, ReferralStatus status, Instant since) {
            asked.add(status + " " + team + " " + since);
            return status == ReferralStatus.REFUSED ? 4 : 5;
        }

        @Override
        public long overridesSince(String team, Instant since) {
            asked.add("overrides " + team + " " + since);
            return 6;
        }

        @Override
        public long mandatesExpiring(String team, Instant after, Instant until) {
            asked.add("mandates " + team + " " + after + " " + until);
            return 7;
        }

        @Override
        public List<Member> members(String team) {
            return members;
        }

        @Override
        public List<ReferralCounts> referralsByAuthor(String team, Instant since, Instant waitingUntil) {
            asked.add("by author " + team + " " + since + " " + waitingUntil);
            return referralCounts;
        }

        @Override
        public List<AuthorCount> mandatesByAuthor(String team, Instant since) {
            asked.add("mandates by author " + team + " " + since);
            return mandateCounts;
        }

        @Override
        public boolean isMember(String agent, String team) {
            return this.team.contains(agent);
        }

        @Override
        public List<ReferralLine> openReferralsCreatedUntil(String team, Instant createdUntil, int offset, int limit) {
            asked.add("waiting page " + team + " " + createdUntil + " " + offset + " " + limit);
            return referrals;
        }

        @Override
        public List<ReferralLine> referralsReaching(String team, ReferralStatus status, Instant since, int offset, int limit) {
            asked.add(status + " page " + team + " " + since + " " + offset + " " + limit);
            return referrals;
        }

        @Override
        public List<ReferralLine> referralsOf(String team, String author, Instant since, int offset, int limit) {
            asked.add("page of " + author + " " + team + " " + since + " " + offset + " " + limit);
            return referrals;
        }

        @Override
        public List<OverrideLine> overridesSince(String team, Instant since, int offset, int limit) {
            asked.add("overrides page " + team + " " + since + " " + offset + " " + limit);
            return overrides;
        }

        @Override
        public List<MandateLine> mandatesExpiring(String team, Instant after, Instant until, int offset, int limit) {
            asked.add("mandates page " + team + " " + after + " " + until + " " + offset + " " + limit);
            return mandates;
        }
    }

    private final InMemoryTeamQueries queries = new InMemoryTeamQueries();
    private final TeamFollowUp followUp = new TeamFollowUp(queries, Clock.fixed(NOW, ZoneOffset.UTC));

    private static TeamQueries.ReferralLine referral(String id, ReferralStatus status, Instant created, String reason) {
        return new TeamQueries.ReferralLine(id, "d-" + id, "case-" + id, status, "place", "Espace numérique", "Lille",
                LieuService.AIDE_DEMARCHES, created, null, null, reason, "w1", "Wanda");
    }

    @Test
    void theFiguresAreCountedOverThePeriodAsOfNowToTheMillisecond() {
        TeamFigures figures = followUp.figures("t1", 90);
        assertEquals(NOW_MS, figures.asOf());
        assertEquals(90, figures.days());
        assertEquals(Instant.parse("2026-04-01T10:00:00.123Z"), figures.since());
        assertEquals(List.of(3L, 4L, 5L, 6L, 7L), List.of(figures.referralsWaiting(), figures.referralsRefused(),
                figures.referralsExpired(), figures.overrides(), figures.mandatesExpiringSoon()));
        assertEquals(List.of(
                "waiting t1 2026-06-20T10:00:00.123Z",
                "REFUSED t1 2026-04-01T10:00:00.123Z",
                "EXPIRED t1 2026-04-01T10:00:00.123Z",
                "overrides t1 2026-04-01T10:00:00.123Z",
                "mandates t1 2026-06-30T10:00:00.123Z 2026-07-30T10:00:00.123Z",
                "by author t1 2026-04-01T10:00:00.123Z 2026-06-20T10:00:00.123Z",
                "mandates by author t1 2026-04-01T10:00:00.123Z"), queries.asked);
    }

    @Test
    void everyMemberIsListedByNameThenTheAuthorsWhoLeftTheTeamWithoutAName() {
        queries.members = List.of(new TeamQueries.Member("a", "Alice"), new TeamQueries.Member("b", "Bruno"),
                new TeamQueries.Member("c", "Chloé"));
        queries.referralCounts = List.of(new TeamQueries.ReferralCounts("gone", 2, 1, 1, 1, 0, 0, 0),
                new TeamQueries.ReferralCounts("b", 9, 2, 1, 3, 2, 1, 1));
        queries.mandateCounts = List.of(new TeamQueries.AuthorCount("c", 4), new TeamQueries.AuthorCount("b", 1),
                new TeamQueries.AuthorCount("left", 2));
        List<TeamFigures.WorkerFigures> workers = followUp.figures("t1", 30).workers();
        assertEquals(List.of(
                new TeamFigures.WorkerFigures("a", "Alice", 0, 0, 0, 0, 0, 0, 0, 0),
                new TeamFigures.WorkerFigures("b", "Bruno", 9, 2, 1, 3, 2, 1, 1, 1),
                new TeamFigures.WorkerFigures("c", "Chloé", 0, 0, 0, 0, 0, 0, 0, 4),
                new TeamFigures.WorkerFigures("gone", null, 2, 1, 1, 1, 0, 0, 0, 0),
                new TeamFigures.WorkerFigures("left", null, 0, 0, 0, 0, 0, 0, 0, 2)), workers);
    }

    @Test
    void aPageShowsFiftyDossiersAndSaysWhetherOthersFollow() {
        queries.referrals = IntStream.range(0, TeamFollowUp.PAGE + 1)
                .mapToObj(i -> referral("r" + i, ReferralStatus.OPEN, NOW.minusSeconds(86_400L * 12), null)).toList();
        TeamPage<TeamReferral> page = followUp.waiting("t1", 100);
        assertEquals(50, page.items().size());
        assertEquals("r49", page.items().get(49).referralId());
        assertEquals(100, page.offset());
        assertEquals(50, page.limit());
        assertTrue(page.more());
        assertEquals(List.of("waiting page t1 2026-06-20T10:00:00.123456Z 100 51"), queries.asked);

        queries.referrals = queries.referrals.subList(0, 50);
        assertFalse(followUp.waiting("t1", 0).more());
    }

    @Test
    void openReferralsSayHowLongTheyWaitedAndExpiredOnesWhyTheyEnded() {
        queries.referrals = List.of(
                referral("open", ReferralStatus.OPEN, NOW.minusSeconds(86_400L * 11 + 60), null),
                referral("refused", ReferralStatus.REFUSED, NOW.minusSeconds(86_400L * 20), "Complet"),
                referral("expired", ReferralStatus.EXPIRED, NOW.minusSeconds(86_400L * 40), null));
        List<TeamReferral> items = followUp.closed("t1", ReferralStatus.REFUSED, 7, 0).items();
        assertEquals(List.of(11L, 0L, 0L), items.stream().map(TeamReferral::daysWithoutAnswer).toList());
        assertEquals(java.util.Arrays.asList(null, "Complet", "Sans réponse du lieu 30 jours après l'envoi"),
                items.stream().map(TeamReferral::reason).toList());
        TeamReferral first = items.get(0);
        assertEquals(new TeamReferral("open", "d-open", "case-open", ReferralStatus.OPEN, "place", "Espace numérique", "Lille",
                LieuService.AIDE_DEMARCHES, NOW.minusSeconds(86_400L * 11 + 60), null, 11, null, null, "w1", "Wanda"), first);
        assertEquals(List.of("REFUSED page t1 2026-06-23T10:00:00.123456Z 0 51"), queries.asked);
    }

    @Test
    void theReferralsOfAnAgentOfAnotherTeamAreNotRead() {
        queries.team = Set.of("w1");
        assertTrue(followUp.ofWorker("t1", "stranger", 30, 0).isEmpty());
        assertEquals(List.of(), queries.asked);
        assertEquals(0, followUp.ofWorker("t1", "w1", 30, 50).orElseThrow().items().size());
        assertEquals(List.of("page of w1 t1 2026-05-31T10:00:00.123456Z 50 51"), queries.asked);
    }

    @Test
    void overridesArePagedOverThePeriod() {
        TeamQueries.OverrideLine line = new TeamQueries.OverrideLine("d1", "case-1", Orientation.TRAIN, Orientation.MEDIATOR,
                "La personne préfère un accompagnement", NOW.minusSeconds(3600), "3");
        queries.overrides = List.of(line);
        TeamPage<TeamQueries.OverrideLine> page = followUp.overrides("t1", 10, 0);
        assertEquals(List.of(line), page.items());
        assertFalse(page.more());
        assertEquals(List.of("overrides page t1 2026-06-20T10:00:00.123456Z 0 51"), queries.asked);
    }

    @Test
    void expiringMandatesSayHowManyDaysAreLeft() {
        queries.mandates = List.of(new TeamQueries.MandateLine("m1", "case-1", "d1", MandateDuration.values()[0],
                NOW.minusSeconds(86_400L * 300), NOW.plusSeconds(86_400L * 5 + 3600),
                List.of(DemarcheCategory.values()[0]), "w1"));
        ExpiringMandate mandate = followUp.expiringMandates("t1", 0).items().get(0);
        assertEquals(5, mandate.daysLeft());
        assertEquals(List.of(DemarcheCategory.values()[0]), mandate.categoriesInForce());
        assertEquals(List.of("mandates page t1 2026-06-30T10:00:00.123456Z 2026-07-30T10:00:00.123456Z 0 51"), queries.asked);
    }
}
