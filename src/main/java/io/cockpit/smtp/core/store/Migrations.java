package io.cockpit.smtp.core.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where Flyway finds the migrations of a store, and the latest of them, which is what an up-to-date store must be at.
 * Most SQL runs unchanged on H2 and PostgreSQL and lives in {@code db/common}; what differs (column types such as
 * CLOB/TEXT, vendor syntax) lives in {@code db/h2} and {@code db/postgresql}, one file a version in each. The folder is
 * chosen here, in code: Flyway's {@code {vendor}} placeholder only works under Spring Boot, and plain Flyway silently
 * finds no migration with it. {@link #LATEST} is the version an up-to-date store is at; {@code MigrationsInStepTest} checks that it is the latest of
 * the files, and the one Flyway finds.
 */
public final class Migrations {
    private static final String COMMON = "db/common";

    private static final Pattern VERSIONED = Pattern.compile("V([0-9][0-9._]*)__[^/]*\\.sql");

    /**
     * The latest version among the migration files of every kind of store: what an up-to-date store is at, checked at
     * every open. Written here rather than read from the class path at each start, where finding the files means
     * walking the ten thousand entries of the jar (30 ms of a command's start on a cold JVM).
     * {@code MigrationsInStepTest} fails when a migration file is added without raising it.
     */
    static final SchemaVersion LATEST = SchemaVersion.parse("9.1");

    private Migrations() {
    }

    /** The class path folders of a store's migrations: its vendor's, then the common one. */
    static List<String> folders(String jdbcUrl) {
        return List.of(vendorFolder(jdbcUrl), COMMON);
    }

    static String vendorFolder(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:postgresql:") ? "db/postgresql" : "db/h2";
    }

    /** Flyway's locations, in its {@code classpath:} form; a folder absent from the class path is left out. */
    static String[] flywayLocations(String jdbcUrl) {
        return folders(jdbcUrl).stream().filter(f -> Migrations.class.getClassLoader().getResource(f) != null)
                .map(l -> "classpath:" + l).toArray(String[]::new);
    }

    /** The highest version among the versioned migrations of a store's folders; empty when there are none. */
    public static Optional<SchemaVersion> latest(ClassLoader loader, String jdbcUrl) {
        SchemaVersion latest = null;
        for (String location : folders(jdbcUrl)) {
            for (String name : fileNames(loader, location)) {
                Matcher m = VERSIONED.matcher(name);
                if (m.matches()) {
                    SchemaVersion v = SchemaVersion.parse(m.group(1));
                    if (latest == null || v.compareTo(latest) > 0) {
                        latest = v;
                    }
                }
            }
        }
        return Optional.ofNullable(latest);
    }

    /** The names of the files directly in a class path folder, from every jar or folder that has it. */
    static List<String> fileNames(ClassLoader loader, String folder) {
        List<String> names = new ArrayList<>();
        try {
            Enumeration<URL> roots = loader.getResources(folder);
            while (roots.hasMoreElements()) {
                URL url = roots.nextElement();
                if ("file".equals(url.getProtocol())) {
                    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                        files.forEach(f -> names.add(f.getFileName().toString()));
                    }
                } else if ("jar".equals(url.getProtocol())) {
                    // Cached by the JDK: not closed here. Its index is the one the class loader already read.
                    JarFile jar = ((JarURLConnection) url.openConnection()).getJarFile();
                    String prefix = folder + "/";
                    Enumeration<JarEntry> entries = jar.entries();
                    while (entries.hasMoreElements()) {
                        String name = entries.nextElement().getName();
                        if (name.startsWith(prefix) && name.indexOf('/', prefix.length()) < 0 && name.length() > prefix.length()) {
                            names.add(name.substring(prefix.length()));
                        }
                    }
                } else {
                    throw new IllegalStateException("migrations in " + url + ": neither a folder nor a jar");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the migrations in " + folder, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot list the migrations in " + folder, e);
        }
        return names;
    }
}
