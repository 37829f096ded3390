package fr.repere.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Counts the SQL statements the persistence unit sends, per thread, for the integration tests'
 * statement budgets ({@code docs/performance.md}). Off unless {@link #install() installed}, which
 * only the web module does, when the setting {@code repere.statement-count} is true (never in
 * production). Installed, it is one EclipseLink session event listener: every SQL call of the
 * unit raises {@code preExecuteCall} on the thread that sends it, and a request is served on one
 * thread, so the count of a request is not disturbed by the scheduled jobs running beside it.
 *
 * <p>The listener is a {@link Proxy} of EclipseLink's {@code SessionEventListener}, found at run
 * time: core compiles against the JPA API only.
 */
@ApplicationScoped
public class StatementCounter {

    private static final ThreadLocal<int[]> COUNT = ThreadLocal.withInitial(() -> new int[1]);
    private static final AtomicBoolean INSTALLED = new AtomicBoolean();

    @PersistenceUnit(unitName = "repere")
    private EntityManagerFactory factory;

    /** Starts counting (once; later calls change nothing). */
    public void install() {
        if (INSTALLED.get()) {
            return;
        }
        try {
            ClassLoader loader = factory.getClass().getClassLoader();
            Class<?> sessionType = Class.forName("org.eclipse.persistence.sessions.Session", false, loader);
            Class<?> listenerType = Class.forName("org.eclipse.persistence.sessions.SessionEventListener", false, loader);
            Object session = factory.unwrap(sessionType);
            Object events = sessionType.getMethod("getEventManager").invoke(session);
            Object listener = Proxy.newProxyInstance(listenerType.getClassLoader(), new Class<?>[] {listenerType}, new Counting());
            events.getClass().getMethod("addListener", listenerType).invoke(events, listener);
            INSTALLED.set(true);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot count the statements of the persistence unit", e);
        }
    }

    /** Whether statements are counted. */
    public static boolean installed() {
        return INSTALLED.get();
    }

    /** Starts a new count on this thread (the start of a request). */
    public static void reset() {
        COUNT.get()[0] = 0;
    }

    /** The statements this thread sent since its last {@link #reset}. */
    public static int count() {
        return COUNT.get()[0];
    }

    private static final class Counting implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) {
            return switch (method.getName()) {
                case "preExecuteCall" -> {
                    COUNT.get()[0]++;
                    yield null;
                }
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                case "toString" -> "StatementCounter";
                default -> null;
            };
        }
    }
}
