package io.cockpit.smtp.core.mail.diagnosis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The server's greeting and what its EHLO reply advertises.
 *
 * @param size the SIZE limit in bytes; null when not advertised, 0 when advertised without a limit
 */
public record Capabilities(String greeting, List<String> extensions, Long size, boolean startTls,
                           List<String> authMechanisms, boolean eightBitMime, boolean smtpUtf8) {
    public static final Capabilities NONE = new Capabilities(null, List.of(), null, false, List.of(), false, false);

    public Capabilities {
        extensions = List.copyOf(extensions);
        authMechanisms = List.copyOf(authMechanisms);
    }

    /**
     * Reads an EHLO reply (its lines, "250-..." and "250 ...").
     *
     * @param greeting the server's greeting line, or null
     */
    public static Capabilities parse(String greeting, List<String> ehloReply) {
        List<String> ext = new ArrayList<>();
        Long size = null;
        boolean startTls = false;
        boolean eight = false;
        boolean utf8 = false;
        List<String> auth = new ArrayList<>();
        for (int i = 1; i < ehloReply.size(); i++) { // the first line is the server's name
            String line = ehloReply.get(i);
            String kw = line.length() > 4 ? line.substring(4).trim() : "";
            if (kw.isEmpty()) {
                continue;
            }
            ext.add(kw);
            String[] parts = kw.split("[ =]+");
            String name = parts[0].toUpperCase(Locale.ROOT);
            switch (name) {
                case "SIZE" -> size = parts.length > 1 ? parseLong(parts[1]) : 0L;
                case "STARTTLS" -> startTls = true;
                case "8BITMIME" -> eight = true;
                case "SMTPUTF8" -> utf8 = true;
                case "AUTH" -> {
                    for (int p = 1; p < parts.length; p++) {
                        String m = parts[p].toUpperCase(Locale.ROOT);
                        if (!auth.contains(m)) {
                            auth.add(m);
                        }
                    }
                }
                default -> {
                    // other extensions are listed as they are
                }
            }
        }
        return new Capabilities(greeting, ext, size, startTls, auth, eight, utf8);
    }

    private static Long parseLong(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return 0L;
        }
    }

    /**
     * The extensions worth showing, as the server names them ("SIZE 10240000", "STARTTLS", "AUTH PLAIN LOGIN",
     * "8BITMIME", "SMTPUTF8"); empty when it advertised none of them.
     */
    public List<String> summary() {
        List<String> out = new ArrayList<>();
        if (size != null) {
            out.add(size == 0 ? "SIZE" : "SIZE " + size);
        }
        if (startTls) {
            out.add("STARTTLS");
        }
        if (!authMechanisms.isEmpty()) {
            out.add("AUTH " + String.join(" ", authMechanisms));
        }
        if (eightBitMime) {
            out.add("8BITMIME");
        }
        if (smtpUtf8) {
            out.add("SMTPUTF8");
        }
        return List.copyOf(out);
    }
}
