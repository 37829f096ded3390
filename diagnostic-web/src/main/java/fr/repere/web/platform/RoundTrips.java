package fr.repere.web.platform;

import javax.sql.ConnectionEvent;
import javax.sql.ConnectionEventListener;
import javax.sql.PooledConnection;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * For the integration tests' statement budgets only (on when {@link StatementCounting#enabled()}):
 * the round trips to MariaDB each request thread makes, counted on the JDBC connections the pool
 * gets from {@link RepereMariaDbDataSource}. EclipseLink's own count ({@code X-Repere-Statements})
 * sees one call per row even when its batch writing sends a table's rows in one
 * {@code executeBatch}; this one sees what goes over the wire: each {@code execute…} (a batch is
 * one: Connector/J pipelines its rows), each commit or rollback, each change of auto-commit and each
 * validity check. Off, the data source hands Connector/J's connections unwrapped.
 */
final class RoundTrips {

    private static final ThreadLocal<int[]> COUNT = ThreadLocal.withInitial(() -> new int[1]);

    private RoundTrips() {
    }

    static void reset() {
        COUNT.get()[0] = 0;
    }

    static int count() {
        return COUNT.get()[0];
    }

    private static void add() {
        COUNT.get()[0]++;
    }

    /** The pooled connection, whose connections count their round trips. */
    static PooledConnection counting(PooledConnection pooled) {
        return (PooledConnection) Proxy.newProxyInstance(RoundTrips.class.getClassLoader(),
                new Class<?>[] {PooledConnection.class}, new Pooled(pooled));
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private abstract static class Delegating implements InvocationHandler {
        final Object target;

        Delegating(Object target) {
            this.target = target;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                case "toString" -> "counting " + target;
                default -> handle(proxy, method, args);
            };
        }

        abstract Object handle(Object proxy, Method method, Object[] args) throws Throwable;
    }

    /** Hands out counting connections; the pool's listeners hear of events as coming from this proxy. */
    private static final class Pooled extends Delegating {
        private final Map<ConnectionEventListener, ConnectionEventListener> listeners = new ConcurrentHashMap<>();

        Pooled(PooledConnection target) {
            super(target);
        }

        @Override
        Object handle(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "getConnection" -> {
                    Connection c = (Connection) call(target, method, args);
                    return Proxy.newProxyInstance(RoundTrips.class.getClassLoader(), new Class<?>[] {Connection.class},
                            new Counted(c));
                }
                case "addConnectionEventListener" -> {
                    ConnectionEventListener l = (ConnectionEventListener) args[0];
                    ConnectionEventListener resourced = listeners.computeIfAbsent(l, k -> new ConnectionEventListener() {
                        @Override
                        public void connectionClosed(ConnectionEvent e) {
                            k.connectionClosed(new ConnectionEvent((PooledConnection) proxy, e.getSQLException()));
                        }

                        @Override
                        public void connectionErrorOccurred(ConnectionEvent e) {
                            k.connectionErrorOccurred(new ConnectionEvent((PooledConnection) proxy, e.getSQLException()));
                        }
                    });
                    ((PooledConnection) target).addConnectionEventListener(resourced);
                    return null;
                }
                case "removeConnectionEventListener" -> {
                    ConnectionEventListener resourced = listeners.remove((ConnectionEventListener) args[0]);
                    if (resourced != null) {
                        ((PooledConnection) target).removeConnectionEventListener(resourced);
                    }
                    return null;
                }
                default -> {
                    return call(target, method, args);
                }
            }
        }
    }

    /** A connection: its commits, rollbacks and auto-commit changes, and the statements it makes. */
    private static final class Counted extends Delegating {
        Counted(Connection target) {
            super(target);
        }

        @Override
        Object handle(Object proxy, Method method, Object[] args) throws Throwable {
            Connection c = (Connection) target;
            switch (method.getName()) {
                case "commit", "rollback", "isValid" -> add();
                case "setAutoCommit" -> {
                    if (c.getAutoCommit() != (Boolean) args[0]) {
                        add();
                    }
                }
                default -> { }
            }
            Object result = call(target, method, args);
            Class<?> type = method.getReturnType();
            if (type == Statement.class || type == PreparedStatement.class || type == CallableStatement.class) {
                return Proxy.newProxyInstance(RoundTrips.class.getClassLoader(), new Class<?>[] {type},
                        new Executing(result, proxy));
            }
            return result;
        }
    }

    /** A statement: each execution is one round trip, a batch included. */
    private static final class Executing extends Delegating {
        private final Object connection;

        Executing(Object target, Object connection) {
            super(target);
            this.connection = connection;
        }

        @Override
        Object handle(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getName().startsWith("execute")) {
                add();
            } else if (method.getName().equals("getConnection")) {
                return connection;
            }
            return call(target, method, args);
        }
    }
}
