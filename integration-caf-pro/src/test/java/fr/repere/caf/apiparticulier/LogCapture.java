package fr.repere.caf.apiparticulier;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Everything the adapter logs (through {@link System.Logger}, backed by java.util.logging), whatever
 * the level set in {@code logging.properties}; nothing reaches the console meanwhile.
 */
final class LogCapture implements AutoCloseable {

    private final Logger logger = Logger.getLogger("fr.repere.caf.apiparticulier");
    private final Level level = logger.getLevel();
    private final boolean parents = logger.getUseParentHandlers();
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final List<Throwable> thrown = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            lines.add(formatter.formatMessage(record));
            if (record.getThrown() != null) {
                thrown.add(record.getThrown());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    LogCapture() {
        handler.setLevel(Level.ALL);
        logger.setLevel(Level.ALL);
        logger.setUseParentHandlers(false);
        logger.addHandler(handler);
    }

    /** The messages logged, formatted. */
    List<String> lines() {
        return List.copyOf(lines);
    }

    /** Exceptions attached to log records (there should be none: their messages may quote data). */
    List<Throwable> thrown() {
        return List.copyOf(thrown);
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
        logger.setLevel(level);
        logger.setUseParentHandlers(parents);
    }
}
