package io.cockpit.smtp.core.mail.diagnosis;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * Whether a certificate names the host we connect to, for the report. The handshake's own check (JSSE endpoint
 * identification, set by Angus) is what decides; this only explains a refusal, or confirms a success.
 */
final class HostNameMatch {
    private static final Pattern IPV4 = Pattern.compile("^\\d{1,3}(\\.\\d{1,3}){3}$");

    private HostNameMatch() {
    }

    static boolean matches(X509Certificate cert, String host) {
        String h = host.toLowerCase(Locale.ROOT);
        List<String> names = CertificateInfo.alternativeNames(cert);
        if (isIpLiteral(h)) {
            for (String n : names) {
                if (isIpLiteral(n) && sameAddress(n, h)) {
                    return true;
                }
            }
            return false;
        }
        List<String> dns = names.stream().filter(n -> !isIpLiteral(n)).toList();
        if (dns.isEmpty()) {
            String cn = commonName(cert);
            return cn != null && dnsMatches(cn.toLowerCase(Locale.ROOT), h);
        }
        return dns.stream().anyMatch(n -> dnsMatches(n.toLowerCase(Locale.ROOT), h));
    }

    private static boolean dnsMatches(String pattern, String host) {
        if (pattern.startsWith("*.")) {
            int dot = host.indexOf('.');
            return dot > 0 && host.substring(dot).equals(pattern.substring(1));
        }
        return pattern.equals(host);
    }

    private static boolean isIpLiteral(String s) {
        return s.indexOf(':') >= 0 || IPV4.matcher(s).matches();
    }

    private static boolean sameAddress(String a, String b) {
        try {
            // literals only: getByName does no lookup for them
            return InetAddress.getByName(a).equals(InetAddress.getByName(b));
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String commonName(X509Certificate cert) {
        try {
            for (Rdn rdn : new LdapName(cert.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return String.valueOf(rdn.getValue());
                }
            }
        } catch (InvalidNameException e) {
            return null;
        }
        return null;
    }
}
