package io.cockpit.smtp.core.engine;

import java.time.Duration;
import java.time.Instant;

/**
 * An engine as registered.
 *
 * @param gatewayMode "portal" (sends with the portal's gateway) or "specific" (a gateway row named after the engine)
 * @param holder the process that runs it ("host:pid:random"), null when none
 * @param lastSeen the holder's last heartbeat, null when never run
 * @param epoch incremented each time a process takes the engine; what fences a holder that lost it
 * @param host the machine of the current or last holder, null when never run
 * @param pid the process id of the current or last holder, null when never run
 * @param version the program version of the current or last holder, null when never run
 * @param startedAt when the current or last holder took the engine, null when never run
 * @param machine a digest of the holder's machine id (host names can repeat across machines), null when unknown
 */
public record EngineInfo(String name, boolean remote, String gatewayMode, String holder, Instant lastSeen,
                         Instant createdAt, long epoch, String host, Long pid, String version, Instant startedAt,
                         String machine) {
    public static final String PORTAL = "portal";
    public static final String SPECIFIC = "specific";

    /** Online: someone holds it and its heartbeat is fresher than {@code staleAfter} before {@code now}. */
    public boolean online(Instant now, Duration staleAfter) {
        return holder != null && lastSeen != null && lastSeen.isAfter(now.minus(staleAfter));
    }

    public boolean specificGateway() {
        return SPECIFIC.equals(gatewayMode);
    }
}
