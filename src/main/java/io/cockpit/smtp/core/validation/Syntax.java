package io.cockpit.smtp.core.validation;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Syntax checks shared by every form and command: host names, addresses, URLs, control characters.
 * Each returns the problem, or empty when the value is good. Blank handling is the caller's (required or not).
 */
public final class Syntax {
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern IPV4 = Pattern.compile(
            "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");
    // RFC 5322 atext, extended with any non-ASCII character (RFC 6531 internationalised local parts).
    private static final Pattern DOT_ATOM = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~\\u0080-\\x{10FFFF}-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~\\u0080-\\x{10FFFF}-]+)*");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Z]{2}|-[A-Za-z]{4})?");

    private Syntax() {
    }

    public static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /** True when the text holds any control character: CR, LF, TAB, NUL, DEL, C1 controls, line/paragraph separators. */
    public static boolean hasControlCharacters(String s) {
        if (s == null) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                return true;
            }
        }
        return false;
    }

    /** A single line of free text (display name, user name). */
    public static Optional<Problem> singleLine(String s, int maxLength) {
        if (s == null) {
            return Optional.empty();
        }
        if (hasControlCharacters(s)) {
            return Optional.of(Problem.CONTROL_CHARACTERS);
        }
        if (s.length() > maxLength) {
            return Optional.of(Problem.TOO_LONG);
        }
        return Optional.empty();
    }

    /** A DNS name (internationalised names accepted), an IPv4 address, or an IPv6 address with or without brackets. */
    public static Optional<Problem> host(String s) {
        if (hasControlCharacters(s)) {
            return Optional.of(Problem.CONTROL_CHARACTERS);
        }
        String h = s.trim();
        if (h.isEmpty() || h.length() > 253 + 2) {
            return Optional.of(Problem.HOST_INVALID);
        }
        if (h.startsWith("[") && h.endsWith("]")) {
            return isIpv6(h.substring(1, h.length() - 1)) ? Optional.empty() : Optional.of(Problem.HOST_INVALID);
        }
        if (h.contains(":")) {
            return isIpv6(h) ? Optional.empty() : Optional.of(Problem.HOST_INVALID);
        }
        if (IPV4.matcher(h).matches()) {
            return Optional.empty();
        }
        if (h.chars().allMatch(c -> Character.isDigit(c) || c == '.')) {
            return Optional.of(Problem.HOST_INVALID); // looks like a bad IPv4 (999.1.1.1), not a name
        }
        return isDnsName(h) ? Optional.empty() : Optional.of(Problem.HOST_INVALID);
    }

    public static boolean isIpv6(String s) {
        if (s.isEmpty() || !IPV6_CHARS.matcher(s).matches() || !s.contains(":")) {
            return false;
        }
        try {
            // A literal never triggers a DNS lookup; the brackets force an IPv6 parse.
            return java.net.InetAddress.getByName("[" + s + "]") instanceof java.net.Inet6Address;
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    public static boolean isDnsName(String name) {
        String ascii;
        try {
            ascii = IDN.toASCII(name, IDN.USE_STD3_ASCII_RULES);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (ascii.endsWith(".")) {
            ascii = ascii.substring(0, ascii.length() - 1);
        }
        if (ascii.isEmpty() || ascii.length() > 253) {
            return false;
        }
        for (String label : ascii.toLowerCase(Locale.ROOT).split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    /**
     * One RFC 5322 address (addr-spec, no display name, no group, no list); internationalised domains and local parts
     * accepted.
     */
    public static Optional<Problem> address(String s) {
        if (hasControlCharacters(s)) {
            return Optional.of(Problem.CONTROL_CHARACTERS);
        }
        String a = s.trim();
        if (a.contains(",") || a.contains(";")) {
            return Optional.of(Problem.ADDRESS_LIST);
        }
        if (a.length() > 320) {
            return Optional.of(Problem.TOO_LONG);
        }
        int at = a.lastIndexOf('@');
        if (at <= 0 || at == a.length() - 1) {
            return Optional.of(Problem.ADDRESS_INVALID);
        }
        String local = a.substring(0, at);
        String domain = a.substring(at + 1);
        if (!standsInAddress(a)) {
            return Optional.of(Problem.ADDRESS_CHARACTER);
        }
        if (local.length() > 64 || !(DOT_ATOM.matcher(local).matches() || isQuotedLocal(local))) {
            return Optional.of(Problem.ADDRESS_INVALID);
        }
        if (domain.startsWith("[") && domain.endsWith("]")) {
            String lit = domain.substring(1, domain.length() - 1);
            boolean ok = IPV4.matcher(lit).matches() || (lit.regionMatches(true, 0, "IPv6:", 0, 5) && isIpv6(lit.substring(5)));
            return ok ? Optional.empty() : Optional.of(Problem.ADDRESS_INVALID);
        }
        return isDnsName(domain) && domain.contains(".") ? Optional.empty() : Optional.of(Problem.ADDRESS_INVALID);
    }

    /**
     * False for characters that look like nothing or like something else in an address: format characters (bidi
     * controls, zero-width joiners, the byte-order mark), separators other than the ASCII space, lone surrogates,
     * private-use and unassigned code points. Such an address would reach a mailbox other than the one the user reads.
     */
    static boolean standsInAddress(String s) {
        return s.codePoints().allMatch(cp -> switch (Character.getType(cp)) {
            case Character.FORMAT, Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED, Character.CONTROL -> cp == ' ';
            default -> true;
        });
    }

    /** True when the local part of an address holds a non-ASCII character: it can only travel with SMTPUTF8. */
    public static boolean hasNonAsciiLocalPart(String address) {
        String a = address.trim();
        int at = a.lastIndexOf('@');
        return (at < 0 ? a : a.substring(0, at)).chars().anyMatch(c -> c > 0x7F);
    }

    private static boolean isQuotedLocal(String local) {
        if (local.length() < 2 || !local.startsWith("\"") || !local.endsWith("\"")) {
            return false;
        }
        String inner = local.substring(1, local.length() - 1);
        boolean escaped = false;
        for (char c : inner.toCharArray()) {
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '"') {
                return false;
            }
        }
        return !escaped;
    }

    /** An absolute http or https URL with a valid host. */
    public static Optional<Problem> httpUrl(String s) {
        if (hasControlCharacters(s)) {
            return Optional.of(Problem.CONTROL_CHARACTERS);
        }
        String u = s.trim();
        if (u.length() > 2048) {
            return Optional.of(Problem.TOO_LONG);
        }
        try {
            URI uri = new URI(u);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getRawAuthority() == null) {
                return Optional.of(Problem.URL_INVALID);
            }
            String host = uri.getHost();
            if (host == null) {
                // java.net.URI leaves the host null for internationalised names: check the authority ourselves.
                String authority = uri.getRawAuthority();
                host = authority.replaceFirst("^[^@]*@", "").replaceFirst(":\\d*$", "");
            }
            return host(host).isPresent() ? Optional.of(Problem.URL_INVALID) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.of(Problem.URL_INVALID);
        }
    }

    /** A language tag as the portal uses them: fr, en, pt-BR, zh-Hant. */
    public static Optional<Problem> language(String s) {
        return s != null && LANGUAGE.matcher(s).matches() ? Optional.empty() : Optional.of(Problem.LANGUAGE_INVALID);
    }

    /** Parses a whole number; empty when the text is not one. */
    public static Optional<Integer> parseInt(String s) {
        if (s == null) {
            return Optional.empty();
        }
        String t = s.trim();
        if (!t.matches("[+-]?\\d{1,9}")) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(t));
    }
}
