package fr.repere.web.platform;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The write path's driver options are added to whatever URL the installation gives, never twice, never over its own. */
class RepereMariaDbDataSourceTest {

    @Test
    void optionsAreAddedToAUrlWithoutQuery() {
        assertEquals("jdbc:mariadb://db:3306/repere?useServerPrepStmts=true",
                RepereMariaDbDataSource.withOptions("jdbc:mariadb://db:3306/repere"));
    }

    @Test
    void optionsFollowTheInstallationsOwn() {
        assertEquals("jdbc:mariadb://db/repere?connectTimeout=2000&useServerPrepStmts=true",
                RepereMariaDbDataSource.withOptions("jdbc:mariadb://db/repere?connectTimeout=2000"));
    }

    @Test
    void anOptionTheInstallationSetIsKeptAsItIs() {
        assertEquals("jdbc:mariadb://db/repere?useServerPrepStmts=false",
                RepereMariaDbDataSource.withOptions("jdbc:mariadb://db/repere?useServerPrepStmts=false"));
        assertEquals("jdbc:mariadb://db/repere?connectTimeout=2000&USESERVERPREPSTMTS=false",
                RepereMariaDbDataSource.withOptions("jdbc:mariadb://db/repere?connectTimeout=2000&USESERVERPREPSTMTS=false"));
    }
}
