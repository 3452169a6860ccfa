package io.cockpit.smtp.core.engine;

import io.cockpit.smtp.core.access.Access;
import io.cockpit.smtp.core.access.Operation;
import io.cockpit.smtp.core.gateway.GatewayConfig;
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
 * process is gone (a crash or kill -9 does not make the next run wait). Each take-over raises the engine's epoch, which
 * every claim carries: a holder that was taken over can no longer change the outbox.
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

    /**
     * The outcome of taking an engine.
     *
     * @param registration this process's hold; null when another live process holds the engine
     * @param heldBy the engine as registered when another live process holds it; else null
     * @param deadEpoch the epoch of a holder on this host whose process is gone, whose messages may be taken back at
     *                  once; null when there was none
     */
    public record Acquisition(EngineRegistration registration, EngineInfo heldBy, Long deadEpoch) {
        public boolean taken() {
            return registration != null;
        }
    }

    /**
     * Refuses a caller whose role may not ask an engine to test its gateway (a remote test sends through it).
     *
     * @throws io.cockpit.smtp.core.access.NotPermittedException support asks
     */
    public void requireMayTest() {
        access.require(Operation.ENGINE_TEST);
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

    /** Someone holds it, its heartbeat is fresh, and it is not a process of this machine that is gone. */
    public boolean online(EngineInfo e) {
        boolean deadHere = machineId().equals(e.machine()) && isDeadHereHolder(e.holder());
        return e.online(clock.instant(), STALE_AFTER) && !deadHere;
    }

    /**
     * What is wrong with the name of an engine to register, as {@link #add} checks it; empty when it may be used. An
     * engine's specific gateway is the gateway row named after it, so the portal's gateway's name is taken.
     */
    public static Optional<Problem> nameProblem(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            return Optional.of(Problem.NAME_INVALID);
        }
        return GatewayConfig.PORTAL.equals(name) ? Optional.of(Problem.NAME_RESERVED) : Optional.empty();
    }

    public void add(String name, boolean remote) throws ValidationException {
        access.require(Operation.ENGINE_CHANGE);
        Optional<Problem> bad = nameProblem(name);
        if (bad.isPresent()) {
            throw ValidationException.of("name", bad.get());
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
     * Takes the engine for {@code holder}, recording this host, process and program version, under a new epoch.
     *
     * @throws ValidationException the engine is not registered
     */
    public Acquisition acquire(String name, String holder) throws ValidationException {
        Instant now = clock.instant();
        EngineRegistryRepository.Taken taken = repository.acquire(name, holder, now, now.minus(STALE_AFTER),
                EngineRegistry::isDeadHereHolder, new EngineRegistryRepository.Process(hostName(),
                        ProcessHandle.current().pid(), programVersion(), machineId()));
        if (taken == null) {
            throw ValidationException.of("name", Problem.ENGINE_UNKNOWN);
        }
        if (taken.epoch() == null) {
            return new Acquisition(null, repository.find(name).orElse(null), null);
        }
        long epoch = taken.epoch();
        EngineRegistration r = new EngineRegistration(name, holder, epoch,
                () -> repository.heartbeat(name, holder, epoch, clock.instant()));
        return new Acquisition(r, null, taken.deadEpoch());
    }

    /**
     * Refreshes the heartbeat of {@code r}; false (and {@code r} is lost) when another process took the engine over.
     * Throws when the store does not answer: the hold is then neither confirmed nor lost.
     */
    public boolean heartbeat(EngineRegistration r) {
        long start = System.nanoTime();
        boolean held = repository.heartbeat(r.engine(), r.holder(), r.epoch(), clock.instant());
        if (held) {
            r.confirmed(start);
        } else {
            r.lose();
        }
        return held;
    }

    /** Lets the engine go (a clean stop); {@code r} may not act any more. */
    public void release(EngineRegistration r) {
        r.lose();
        repository.release(r.engine(), r.holder(), r.epoch());
    }

    /** A holder of this host whose process no longer exists. */
    static boolean isDeadHereHolder(String holder) {
        if (holder == null) {
            return false;
        }
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

    private static volatile String machine;
    private static volatile boolean machineRead;

    /**
     * A digest of this machine's id ({@code /etc/machine-id}, else D-Bus's), the same for every process of the machine
     * and different on a clone that was given its own id; where there is none (Windows, macOS), the host name.
     */
    static String machineId() {
        if (!machineRead) {
            String id = null;
            for (String f : new String[] {"/etc/machine-id", "/var/lib/dbus/machine-id"}) {
                try {
                    String raw = java.nio.file.Files.readString(java.nio.file.Path.of(f)).trim();
                    if (!raw.isEmpty()) {
                        byte[] d = java.security.MessageDigest.getInstance("SHA-256")
                                .digest(raw.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                        id = HexFormat.of().formatHex(d, 0, 16);
                        break;
                    }
                } catch (java.io.IOException | java.security.NoSuchAlgorithmException | RuntimeException e) {
                    // not this file
                }
            }
            machine = id != null ? id : "host:" + hostName();
            machineRead = true;
        }
        return machine;
    }

    /** The version written in the jar's manifest; "development" when run from the build's classes. */
    public static String programVersion() {
        String v = EngineRegistry.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }
}
