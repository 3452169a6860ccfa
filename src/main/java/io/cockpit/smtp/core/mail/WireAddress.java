package io.cockpit.smtp.core.mail;

import io.cockpit.smtp.core.validation.Syntax;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.IDN;

/**
 * An address as it goes on the wire, in the envelope and in the headers alike: the domain in its ASCII form (IDNA,
 * {@code bücher.de} becomes {@code xn--bcher-kva.de}), the local part as typed. A non-ASCII local part has no ASCII
 * form: it may only travel as UTF-8 to a server that offers SMTPUTF8 (see {@link #needsSmtpUtf8}), never transliterated.
 */
public final class WireAddress {
    private WireAddress() {
    }

    /** One address as typed, checked as input is checked, with its domain in ASCII; anything else is refused. */
    public static InternetAddress of(String typed) throws AddressException {
        if (typed == null || Syntax.address(typed).isPresent()) {
            throw new AddressException("not a single valid address",
                    String.valueOf(typed).replaceAll("[\\p{Cntrl}\\p{Cf}\\p{Z}]", "?"));
        }
        InternetAddress a = new InternetAddress(text(typed), true);
        a.validate();
        return a;
    }

    /** The address's wire text: {@code local@ascii-domain}. The caller has validated it. */
    public static String text(String typed) {
        String a = typed.trim();
        int at = a.lastIndexOf('@');
        String domain = a.substring(at + 1);
        if (domain.startsWith("[")) {
            return a; // an address literal is ASCII already
        }
        return a.substring(0, at + 1) + IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES);
    }

    /** True when the address can only be sent with SMTPUTF8 (its local part holds a non-ASCII character). */
    public static boolean needsSmtpUtf8(String typed) {
        return typed != null && Syntax.hasNonAsciiLocalPart(typed);
    }

    /** A host name in its ASCII form (IDNA); an address literal or an ASCII name as it is. */
    public static String host(String host) {
        if (host == null || host.chars().allMatch(c -> c < 0x80)) {
            return host;
        }
        try {
            return IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES);
        } catch (IllegalArgumentException e) {
            return host; // refused by validation before it gets here; left for the connection to fail on
        }
    }
}
