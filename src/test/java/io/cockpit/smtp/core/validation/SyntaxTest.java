package io.cockpit.smtp.core.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SyntaxTest {

    @ParameterizedTest(name = "host ''{0}'' -> {1}")
    @CsvSource(delimiter = '|', nullValues = "OK", value = {
            "smtp.example.com          | OK",
            "localhost                 | OK",
            "mail-01.corp.example.org. | OK",
            "192.168.1.20              | OK",
            "::1                       | OK",
            "[::1]                     | OK",
            "2001:db8::25              | OK",
            "[2001:db8::25]            | OK",
            "fe80::1%eth0              | HOST_INVALID",
            "smtp.bücher.de            | OK",
            "999.1.1.1                 | HOST_INVALID",
            "1.2.3                     | HOST_INVALID",
            "bad host                  | HOST_INVALID",
            "-lead.example.com         | HOST_INVALID",
            "under_score.example.com   | HOST_INVALID",
            "a..b                      | HOST_INVALID",
            "[smtp.example.com]        | HOST_INVALID",
            "2001:db8::zz              | HOST_INVALID",
    })
    void hostsAreDnsNamesOrAddressLiterals(String host, Problem expected) {
        assertEquals(Optional.ofNullable(expected), Syntax.host(host));
    }

    @ParameterizedTest(name = "address ''{0}'' -> {1}")
    @CsvSource(delimiter = '|', nullValues = "OK", value = {
            "itsm@example.com                  | OK",
            "first.last+tag@sub.example.co.uk  | OK",
            "support@bücher.de                 | OK",
            "support@xn--bcher-kva.de          | OK",
            "josé@exemple.fr                   | OK",
            "\"quoted local\"@example.com      | OK",
            "user@[192.168.0.1]                | OK",
            "user@[IPv6:2001:db8::1]           | OK",
            "a@b.com, c@d.com                  | ADDRESS_LIST",
            "a@b.com;c@d.com                   | ADDRESS_LIST",
            "Service desk <itsm@example.com>   | ADDRESS_INVALID",
            "no-at-sign.example.com            | ADDRESS_INVALID",
            "@example.com                      | ADDRESS_INVALID",
            "user@                             | ADDRESS_INVALID",
            "user@localhost                    | ADDRESS_INVALID",
            "two..dots@example.com             | ADDRESS_INVALID",
            "user@exa mple.com                 | ADDRESS_INVALID",
    })
    void addressesAreSingleAddrSpecs(String address, Problem expected) {
        assertEquals(Optional.ofNullable(expected), Syntax.address(address));
    }

    @ParameterizedTest(name = "U+{0} cannot stand in an address")
    @CsvSource({
            "202E", // right-to-left override
            "2066", // left-to-right isolate
            "200B", // zero width space
            "200E", // left-to-right mark
            "FEFF", // byte order mark
            "00A0", // no-break space
            "E000", // private use
    })
    void charactersThatCannotStandInAnAddressAreRefused(String hex) {
        String c = String.valueOf((char) Integer.parseInt(hex, 16));
        assertEquals(Optional.of(Problem.ADDRESS_CHARACTER), Syntax.address("ab" + c + "cd@example.org"));
    }

    @ParameterizedTest(name = "U+{0} stands in a local part (sent as UTF-8, with SMTPUTF8 only)")
    @CsvSource({
            "010D", // č: its low byte is CR, harmless since commands are written as UTF-8
            "010A", // Ċ: low byte LF
            "040D", // Ѝ: low byte CR
    })
    void lettersWhoseLowByteIsALineBreakAreRealLetters(String hex) {
        String c = String.valueOf((char) Integer.parseInt(hex, 16));
        assertEquals(Optional.empty(), Syntax.address("ab" + c + "cd@example.org"));
    }

    @ParameterizedTest(name = "address ''{0}'' is a real one")
    @CsvSource({"\u0438\u0432\u0430\u043d@example.org", "user@\u010de\u0161tina.example", "jos\u00e9@exemple.fr",
            "\u7528\u6237@\u4f8b\u5b50.\u4e2d\u56fd"})
    void internationalisedAddressesAreAccepted(String address) {
        assertEquals(Optional.empty(), Syntax.address(address));
    }

    @ParameterizedTest(name = "control character U+{0} is refused everywhere")
    @CsvSource({"000D", "000A", "0000", "0009", "007F", "0085", "2028"})
    void controlCharactersAreRefusedInEveryKindOfField(String hex) {
        String c = String.valueOf((char) Integer.parseInt(hex, 16));
        assertEquals(Optional.of(Problem.CONTROL_CHARACTERS), Syntax.host("smtp" + c + ".example.com"));
        assertEquals(Optional.of(Problem.CONTROL_CHARACTERS), Syntax.address("a@b.com" + c + "Bcc: x@y.com"));
        assertEquals(Optional.of(Problem.CONTROL_CHARACTERS), Syntax.singleLine("Service" + c + "desk", 255));
        assertEquals(Optional.of(Problem.CONTROL_CHARACTERS), Syntax.httpUrl("https://portal.example.com/" + c));
    }

    @ParameterizedTest(name = "url ''{0}'' -> {1}")
    @CsvSource(delimiter = '|', nullValues = "OK", value = {
            "https://portal.example.com          | OK",
            "http://10.0.0.5:8080/cockpit/       | OK",
            "https://[2001:db8::1]/portal        | OK",
            "https://portail.bücher.de/itsm      | OK",
            "ftp://portal.example.com            | URL_INVALID",
            "portal.example.com                  | URL_INVALID",
            "https://                            | URL_INVALID",
            "https://bad host/                   | URL_INVALID",
    })
    void portalUrlsAreAbsoluteHttpUrls(String url, Problem expected) {
        assertEquals(Optional.ofNullable(expected), Syntax.httpUrl(url));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "OK", value = {
            "fr | OK", "en | OK", "pt-BR | OK", "zh-Hant | OK", "FR | LANGUAGE_INVALID", "french | LANGUAGE_INVALID", "'' | LANGUAGE_INVALID"})
    void languagesAreShortTags(String tag, Problem expected) {
        assertEquals(Optional.ofNullable(expected), Syntax.language(tag));
    }
}
