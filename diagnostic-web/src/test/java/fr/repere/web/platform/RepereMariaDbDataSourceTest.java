package fr.repere.web.platform;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The data source Payara pools: local transactions only (never an XADataSource, or Payara goes back
 * to XA START/END/COMMIT around every transaction), and the write path's driver options added to
 * whatever URL the installation gives, never twice, never over its own.
 */
class RepereMariaDbDataSourceTest {

    @Test
    void payaraIsOfferedPooledConnectionsWithLocalTransactionsNotXa() {
        assertFalse(javax.sql.XADataSource.class.isAssignableFrom(RepereMariaDbDataSource.class));
        assertTrue(javax.sql.ConnectionPoolDataSource.class.isAssignableFrom(RepereMariaDbDataSource.class));
    }

    @Test
    void theUrlPayaraSetsCarriesTheOptions() throws Exception {
        RepereMariaDbDataSource source = new RepereMariaDbDataSource();
        source.setUrl("jdbc:mariadb://127.0.0.1:3306/repere?connectTimeout=2000");
        source.setUser("repere_app");
        // the driver writes the URL back in its own form (default port dropped, user added): the options are in it
        String url = source.getUrl();
        assertTrue(url.startsWith("jdbc:mariadb://127.0.0.1/repere?"), url);
        assertTrue(url.contains("connectTimeout=2000") && url.contains("useServerPrepStmts=true"), url);
        assertEquals("repere_app", source.getUser());
    }

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
