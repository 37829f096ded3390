package fr.repere.hostevent;

import fr.repere.identity.InMemoryOrganisations;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HostEventSequencerTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    /** The outbox in memory: rows in insertion order, some of transactions still open. */
    static final class Outbox implements HostEventLog {
        static final class Row {
            final long position;
            final String organisation;
            final String team;
            final String body;
            boolean committed;
            Long seq;

            Row(long position, String organisation, String team, String body) {
                this.position = position;
                this.organisation = organisation;
                this.team = team;
                this.body = body;
            }
        }

        final List<Row> rows = new ArrayList<>();
        long last;

        Row insert(String organisation, String team, String name) {
            Row r = new Row(rows.size() + 1, organisation, team, name);
            rows.add(r);
            return r;
        }

        @Override
        public long lockSequencer() {
            return last;
        }

        @Override
        public List<Long> unnumbered(int limit) {
            return rows.stream().filter(r -> r.committed && r.seq == null).limit(limit).map(r -> r.position).toList();
        }

        @Override
        public void number(long position, long seq) {
            rows.get((int) position - 1).seq = seq;
        }

        @Override
        public void numberedUpTo(long seq) {
            last = seq;
        }

        @Override
        public List<Published> after(String organisation, List<String> teams, long cursor, int limit) {
            return rows.stream().filter(r -> r.seq != null && r.seq > cursor && r.organisation.equals(organisation)
                            && teams.contains(r.team))
                    .sorted(Comparator.comparingLong(r -> r.seq)).limit(limit)
                    .map(r -> new Published(r.seq, r.body)).toList();
        }

        /** The events numbered up to a publication number count as deleted (the retention's age is MariaDB's: HostEventRetentionIT). */
        final java.util.Map<String, Long> purged = new java.util.HashMap<>();

        @Override
        public int purgeBefore(java.time.Instant cutoff, int limit) {
            throw new UnsupportedOperationException("the outbox's ages are tested against MariaDB (HostEventRetentionIT)");
        }

        @Override
        public long purgedThrough(String organisation) {
            return purged.getOrDefault(organisation, 0L);
        }
    }

    private final Outbox outbox = new Outbox();
    private final HostEventSequencer sequencer = new HostEventSequencer(outbox);
    private final InMemoryOrganisations organisations = new InMemoryOrganisations();
    private final HostEventFeed feed = new HostEventFeed(organisations, outbox);

    private String teamA;
    private String teamB;

    private String team(String organisation, String name) {
        fr.repere.identity.Team t = new fr.repere.identity.Team(organisation, name);
        organisations.addTeam(t);
        return t.id();
    }

    private HostEventFeed.Page read(long cursor) {
        sequencer.sequence();
        return feed.after("org-1", List.of(), cursor, 100);
    }

    @Test
    void anEventCommittedAfterALaterOneIsNumberedAfterItAndNeverSkipped() {
        teamA = team("org-1", "Équipe A");
        Outbox.Row first = outbox.insert("org-1", teamA, "first");   // its transaction stays open
        outbox.insert("org-1", teamA, "second").committed = true;

        HostEventFeed.Page page = read(0);
        assertEquals(List.of("second"), page.cloudEvents());

        first.committed = true;
        HostEventFeed.Page next = read(page.next());
        assertEquals(List.of("first"), next.cloudEvents(), "the late one comes after the cursor");
        assertEquals(List.of(), read(next.next()).cloudEvents());
        assertEquals(next.next(), read(next.next()).next(), "no event: the cursor stays");
    }

    @Test
    void aCursorBelowDeletedEventsIsToldWhereToReadOnAndNeverGivenAPageThatSkipsThem() {
        teamA = team("org-1", "Équipe A");
        for (int i = 0; i < 4; i++) {
            outbox.insert("org-1", teamA, "e" + i).committed = true;
        }
        HostEventFeed.Page page = read(0);
        outbox.purged.put("org-1", 2L);
        outbox.rows.removeIf(r -> r.seq != null && r.seq <= 2);
        for (long stale : new long[] {0, 1}) {
            assertEquals(2L, org.junit.jupiter.api.Assertions.assertThrows(CursorExpiredException.class, () -> read(stale)).oldestCursor());
        }
        assertEquals(List.of("e2", "e3"), read(2).cloudEvents());
        assertEquals(List.of(), read(page.next()).cloudEvents(), "an up-to-date reader is not disturbed");
        assertEquals(List.of(), feed.after("org-2", List.of(), 0, 100).cloudEvents(), "another organisation reads from the start");
    }

    @Test
    void numbersFollowInsertionOrderAndAreNeverGivenTwice() {
        teamA = team("org-1", "Équipe A");
        for (int i = 0; i < 5; i++) {
            outbox.insert("org-1", teamA, "e" + i).committed = true;
        }

        assertEquals(5, sequencer.sequence());
        assertEquals(0, sequencer.sequence());
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), outbox.rows.stream().map(r -> r.seq).toList());
        assertEquals(5, outbox.last);
    }

    @Test
    void pagesFollowTheCursorEachEventOnce() {
        teamA = team("org-1", "Équipe A");
        for (int i = 0; i < 7; i++) {
            outbox.insert("org-1", teamA, "e" + i).committed = true;
        }
        sequencer.sequence();
        List<String> all = new ArrayList<>();
        long cursor = 0;
        while (true) {
            HostEventFeed.Page page = feed.after("org-1", List.of(), cursor, 3);
            if (page.cloudEvents().isEmpty()) {
                break;
            }
            all.addAll(page.cloudEvents());
            cursor = page.next();
        }
        assertEquals(List.of("e0", "e1", "e2", "e3", "e4", "e5", "e6"), all);
    }

    @Test
    void aKeyReadsItsOrganisationOnlyAndARestrictedKeyItsTeamsOnly() {
        teamA = team("org-1", "Équipe A");
        teamB = team("org-1", "Équipe B");
        String teamZ = team("org-2", "Équipe Z");
        outbox.insert("org-1", teamA, "a").committed = true;
        outbox.insert("org-1", teamB, "b").committed = true;
        outbox.insert("org-2", teamZ, "z").committed = true;
        sequencer.sequence();

        assertEquals(List.of("a", "b"), feed.after("org-1", List.of(), 0, 100).cloudEvents());
        assertEquals(List.of("b"), feed.after("org-1", List.of(teamB), 0, 100).cloudEvents());
        assertEquals(List.of(), feed.after("org-1", List.of(teamZ), 0, 100).cloudEvents(), "another organisation's team");
        assertEquals(List.of("z"), feed.after("org-2", List.of(), 0, 100).cloudEvents());
    }

    @Test
    void aCursorBelowZeroOrALimitOutOfBoundsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> feed.after("org-1", List.of(), -1, 10));
        assertThrows(IllegalArgumentException.class, () -> feed.after("org-1", List.of(), 0, 0));
        assertThrows(IllegalArgumentException.class, () -> feed.after("org-1", List.of(), 0, HostEventFeed.MAX_LIMIT + 1));
        assertTrue(HostEventFeed.validLimit(HostEventFeed.MAX_LIMIT));
        assertFalse(HostEventFeed.validLimit(0));
    }

    @Test
    void anEventIsACloudEventOfItsOrganisation() {
        HostEvent e = new HostEvent("7d3f0c1e-0000-4000-8000-000000000001", HostEventType.DIAGNOSTIC_DECIDED, "team-a",
                "DOS-\"42\"", NOW, Map.of("diagnosticId", "d-1"));

        assertEquals("{\"specversion\":\"1.0\",\"id\":\"7d3f0c1e-0000-4000-8000-000000000001\","
                + "\"source\":\"/repere/organisations/org-1\",\"type\":\"fr.repere.diagnostic.decided.v1\","
                + "\"subject\":\"DOS-\\\"42\\\"\",\"time\":\"2026-12-07T10:00:00Z\",\"datacontenttype\":\"application/json\","
                + "\"data\":{\"diagnosticId\":\"d-1\"}}", e.cloudEvent("org-1"));
        assertFalse(new HostEvent(e.id(), e.type(), e.team(), null, NOW, Map.of()).cloudEvent("org-1").contains("subject"));
    }
}
