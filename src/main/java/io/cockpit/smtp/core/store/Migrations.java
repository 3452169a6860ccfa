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
 * The migrations this program carries, read from the class path folders Flyway migrates from: the latest of them is
 * what an up-to-date store must be at. Read from the resources themselves (no number kept by hand), so adding a
 * migration file is all it takes; {@code MigrationsInStepTest} checks that Flyway finds the same latest version.
 */
public final class Migrations {
    /** Flyway's locations, in its {@code classpath:} form. A vendor's folder is added here beside the common one. */
    static final List<String> LOCATIONS = List.of("db/migration");

    private static final Pattern VERSIONED = Pattern.compile("V([0-9][0-9._]*)__[^/]*\\.sql");

    private Migrations() {
    }

    static String[] flywayLocations() {
        return LOCATIONS.stream().map(l -> "classpath:" + l).toArray(String[]::new);
    }

    /** The highest version among the versioned migrations in {@link #LOCATIONS}; empty when there are none. */
    public static Optional<SchemaVersion> latest(ClassLoader loader) {
        SchemaVersion latest = null;
        for (String location : LOCATIONS) {
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
