package io.cockpit.smtp.core.engine;

import io.cockpit.smtp.core.access.Access;
import io.cockpit.smtp.core.access.Operation;
import io.cockpit.smtp.core.validation.Problem;
import io.cockpit.smtp.core.validation.ValidationException;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The engines that send mail, and who runs each: one process at a time holds an engine and keeps a heartbeat. A holder
 * whose heartbeat is older than {@link #STALE_AFTER} is taken over; so is, at once, a holder on this host whose
 * process is gone (a crash or kill -9 does not make the next run wait).
 */
public final class EngineRegistry {
    public static final Duration HEARTBEAT = Duration.ofSeconds(5);
    public static final Duration STALE_AFTER = Duration.ofSeconds(20);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final EngineRegistryRepository repository;
    private final Clock clock;
    private final Access access;

    /** @param access whether the caller's role may add or change an engine (running one is checked where it starts) */
    public EngineRegistry(EngineRegistryRepository repository, Clock clock, Access access) {
        this.repository = repository;
        this.clock = clock;
        this.access = access;
    }

    public List<EngineInfo> list() {
        return repository.list();
    }

    public List<String> names() {
        return repository.names();
    }

    public Optional<EngineInfo> find(String name) {
        return repository.find(name);
    }

    public boolean online(EngineInfo e) {
        return e.online(clock.instant(), STALE_AFTER);
    }

    public void add(String name, boolean remote) throws ValidationException {
        access.require(Operation.ENGINE_CHANGE);
        if (name == null || !NAME.matcher(name).matches()) {
            throw ValidationException.of("name", Problem.NAME_INVALID);
        }
        if (!repository.add(name, remote)) {
            throw ValidationException.of("name", Problem.ENGINE_EXISTS);
        }
    }

    public void setGatewayMode(String name, String mode) throws ValidationException {
        access.require(Operation.ENGINE_CHANGE);
        if (!EngineInfo.PORTAL.equals(mode) && !EngineInfo.SPECIFIC.equals(mode)) {
            throw ValidationException.of("gateway", Problem.CHOICE_INVALID);
        }
        if (!repository.setGatewayMode(name, mode)) {
            throw ValidationException.of("name", Problem.ENGINE_UNKNOWN);
        }
    }

    /** A holder id unique to this run: "host:pid:random". */
    public static String newHolderId() {
        byte[] r = new byte[4];
        RANDOM.nextBytes(r);
        return hostName() + ":" + ProcessHandle.current().pid() + ":" + HexFormat.of().formatHex(r);
    }

    /**
     * Takes the engine for {@code holder}.
     *
     * @return empty when taken; else the current holder that still runs it
     * @throws ValidationException the engine is not registered
     */
    public Optional<EngineInfo> acquire(String name, String holder) throws ValidationException {
        EngineInfo current = repository.find(name).orElseThrow(() -> ValidationException.of("name", Problem.ENGINE_UNKNOWN));
        Instant now = clock.instant();
        String dead = current.holder() != null && isDeadHereHolder(current.holder()) ? current.holder() : null;
        if (repository.acquire(name, holder, now, now.minus(STALE_AFTER), dead)) {
            return Optional.empty();
        }
        return Optional.of(repository.find(name).orElse(current));
    }

    /** False when another process took the engine over (this one must stop sending). */
    public boolean heartbeat(String name, String holder) {
        return repository.heartbeat(name, holder, clock.instant());
    }

    public void release(String name, String holder) {
        repository.release(name, holder);
    }

    /** A holder of this host whose process no longer exists. */
    static boolean isDeadHereHolder(String holder) {
        String[] parts = holder.split(":");
        if (parts.length != 3 || !parts[0].equals(hostName())) {
            return false;
        }
        try {
            long pid = Long.parseLong(parts[1]);
            return pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName().replace(':', '_');
        } catch (Exception e) {
            return "unknown-host";
        }
    }
}
