package fr.repere.infrastructure;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SchemaPrivilegesTest {

    @Test
    void theJournalsMayOnlyBeReadAndAppended() {
        for (String journal : new String[] {"journal_entry", "mandate_event", "referral_event"}) {
            assertEquals("SELECT, INSERT", SchemaPrivileges.privilegesOf(journal, false), journal);
        }
    }

    @Test
    void theStatisticsTheTriggersKeepAreReadOnly() {
        for (String table : new String[] {"stat_diagnostic", "stat_progress", "stat_count", "stat_grain"}) {
            assertEquals("SELECT", SchemaPrivileges.privilegesOf(table, false), table);
        }
        assertEquals("SELECT", SchemaPrivileges.privilegesOf("stat_contribution", true));
    }

    @Test
    void everyOtherTableGetsItsDataManipulationAndATableAddedLaterToo() {
        assertEquals("SELECT, INSERT, UPDATE, DELETE", SchemaPrivileges.privilegesOf("diagnostic", false));
        assertEquals("SELECT, INSERT, UPDATE, DELETE", SchemaPrivileges.privilegesOf("a_table_of_v17", false));
    }

    @Test
    void flywaysHistoryIsNotTheApplications() {
        assertEquals("", SchemaPrivileges.privilegesOf("flyway_schema_history", false));
    }

    @Test
    void anAccountNameThatCouldCloseTheQuoteIsRefused() {
        assertEquals("'repere_app'", SchemaPrivileges.quote("repere_app"));
        assertEquals("'%'", SchemaPrivileges.quote("%"));
        assertEquals("'10.0.0.5'", SchemaPrivileges.quote("10.0.0.5"));
        for (String bad : new String[] {"x' IDENTIFIED BY 'y", "a b", "", "x`", "x\\"}) {
            assertThrows(IllegalArgumentException.class, () -> SchemaPrivileges.quote(bad), bad);
        }
    }
}
