package io.cockpit.smtp.core.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL's LISTEN, for the whole process: one thread on one connection of its own (outside the pool, which it
 * would hold for good) receives the notifications of every channel listened to and calls their listeners. A listener
 * is told "anything may have changed" (a null payload) each time its channel starts being listened to: at first, when
 * a notice sent before the LISTEN would be lost, and after the connection was lost and made again. A connection that
 * died without a word (a cable pulled, a firewall forgetting it) is found by a query every {@link #CHECK_MILLIS},
 * bounded by the connection's socket timeout.
 */
final class PostgresListener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresListener.class);
    private static final Pattern CHANNEL = Pattern.compile("[a-z_]{1,63}");
    private static final int WAIT_MILLIS = 500;
    static final long CHECK_MILLIS = 10_000;
    static final long RECONNECT_MILLIS = 3000;

    /** Makes the dedicated connection; it must carry a socket timeout, or a dead server hangs the check for good. */
    @FunctionalInterface
    interface Connector {
        Connection connect() throws SQLException;
    }

    private final Connector connector;
    private final Map<String, List<Consumer<String>>> listeners = new ConcurrentHashMap<>();
    private final Set<String> listening = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;
    private Thread thread;

    PostgresListener(Connector connector) {
        this.connector = connector;
    }

    /**
     * Calls {@code listener} with each payload sent on {@code channel}, on the listener's thread (it must return at
     * once); null when notices may have been missed. Makes no connection on the caller's thread.
     */
    synchronized Runnable listen(String channel, Consumer<String> listener) {
        if (!CHANNEL.matcher(channel).matches()) {
            throw new IllegalArgumentException("not a channel name: " + channel);
        }
        listeners.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(listener);
        if (thread == null && !closed) {
            thread = new Thread(this::loop, "store-listener");
            thread.setDaemon(true);
            thread.setUncaughtExceptionHandler((t, e) -> LOG.error("the store's listener died", e));
            thread.start();
        }
        return () -> listeners.getOrDefault(channel, List.of()).remove(listener);
    }

    private void loop() {
        boolean reported = false;
        while (!closed) {
            try (Connection c = connector.connect()) {
                listening.clear();
                if (reported) {
                    LOG.info("listening to the store's notifications again");
                    reported = false;
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                long checked = System.nanoTime();
                while (!closed) {
                    listenToNewChannels(c);
                    PGNotification[] got = pg.getNotifications(WAIT_MILLIS);
                    if (got != null && got.length > 0) {
                        for (PGNotification n : got) {
                            listeners.getOrDefault(n.getName(), List.of()).forEach(l -> call(l, n.getParameter()));
                        }
                        checked = System.nanoTime();
                    } else if (System.nanoTime() - checked > CHECK_MILLIS * 1_000_000) {
                        check(c);
                        checked = System.nanoTime();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    return;
                }
                if (!reported) {
                    reported = true;
                    LOG.warn("no notifications from the store ({}); polling only until it answers again", e.getMessage());
                }
                try {
                    Thread.sleep(RECONNECT_MILLIS);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    private static void check(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SELECT 1");
        }
    }

    private void listenToNewChannels(Connection c) throws SQLException {
        for (Map.Entry<String, List<Consumer<String>>> e : listeners.entrySet()) {
            if (listening.add(e.getKey())) {
                try (Statement st = c.createStatement()) {
                    // The name is checked against CHANNEL: it needs no quoting.
                    st.execute("LISTEN " + e.getKey());
                } catch (SQLException x) {
                    listening.remove(e.getKey());
                    throw x;
                }
                // What was sent before this LISTEN (before the first, or while the connection was down) is lost.
                e.getValue().forEach(l -> call(l, null));
            }
        }
    }

    private static void call(Consumer<String> l, String payload) {
        try {
            l.accept(payload);
        } catch (RuntimeException e) {
            LOG.warn("a store notification listener failed", e);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (thread != null) {
            thread.interrupt();
        }
    }
}
