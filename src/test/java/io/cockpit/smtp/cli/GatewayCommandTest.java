package io.cockpit.smtp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GatewayCommandTest {
    @TempDir
    Path dir;

    @Test
    void setThenShowRoundTripsEveryField() {
        CliRun set = CliRun.run(dir, "pa55-wörd\n", "gateway", "set", "--status", "active", "--server", "smtp.example.com",
                "--port", "587", "--security", "starttls", "--auth", "password", "--username", "svc-itsm",
                "--password-stdin", "--from", "itsm@example.com", "--reply-to", "support@example.com",
                "--display-name", "Service desk", "--helo", "ws-042.example.com", "--connect-timeout", "12",
                "--read-timeout", "40", "--max-per-minute", "30");
        assertEquals(0, set.code(), set.err());
        JsonNode g = CliRun.run(dir, null, "gateway", "show", "--json").json();
        assertEquals("active", g.get("status").asText());
        assertEquals("local", g.get("engine").asText());
        assertEquals("smtp.example.com", g.get("server").asText());
        assertEquals(587, g.get("port").asInt());
        assertEquals("starttls", g.get("security").asText());
        assertEquals("password", g.get("auth").asText());
        assertEquals("svc-itsm", g.get("username").asText());
        assertTrue(g.get("passwordSet").asBoolean());
        assertEquals("itsm@example.com", g.get("from").asText());
        assertEquals("support@example.com", g.get("replyTo").asText());
        assertEquals("Service desk", g.get("displayName").asText());
        assertEquals("ws-042.example.com", g.get("helo").asText());
        assertEquals(12, g.get("connectTimeoutSeconds").asInt());
        assertEquals(40, g.get("readTimeoutSeconds").asInt());
        assertEquals(30, g.get("maxPerMinute").asInt());
        assertEquals(1, g.get("version").asInt());
        assertTrue(g.get("trustedCertificates").isArray());
    }

    @Test
    void showNeverPrintsThePassword() {
        CliRun.run(dir, "s3cr3t-Value\n", "gateway", "set", "--auth", "password", "--username", "u", "--password-stdin");
        CliRun json = CliRun.run(dir, null, "gateway", "show", "--json");
        CliRun text = CliRun.run(dir, null, "gateway", "show");
        assertFalse(json.out().contains("s3cr3t"));
        assertFalse(text.out().contains("s3cr3t"));
        assertTrue(json.json().get("passwordSet").asBoolean());
    }

    @Test
    void noReplyToRemovesTheReplyAddress() {
        CliRun.run(dir, null, "gateway", "set", "--reply-to", "support@example.com");
        assertEquals(0, CliRun.run(dir, null, "gateway", "set", "--no-reply-to").code());
        assertTrue(CliRun.run(dir, null, "gateway", "show", "--json").json().get("replyTo").isNull());
    }

    @ParameterizedTest(name = "{0} {1} -> exit 2 naming {2}")
    @CsvSource(delimiter = '|', value = {
            "--port            | 0                          | port",
            "--port            | 65536                      | port",
            "--port            | abc                        | port",
            "--server          | bad host                   | server",
            "--from            | a@example.com, b@example.com | from",
            "--from            | not-an-address             | from",
            "--reply-to        | x@y                        | reply-to",
            "--security        | tls                        | security",
            "--status          | on                         | status",
            "--engine          | ghost                      | engine",
            "--connect-timeout | 0                          | connect-timeout",
            "--read-timeout    | 999                        | read-timeout",
            "--max-per-minute  | -5                         | max-per-minute",
            "--preset          | yahoo                      | preset",
    })
    void anInvalidValueExits2NamingTheFieldAndChangesNothing(String option, String value, String field) {
        CliRun.run(dir, null, "gateway", "set", "--server", "before.example.com");
        CliRun bad = CliRun.run(dir, null, "gateway", "set", "--display-name", "Changed", option, value);
        assertEquals(2, bad.code(), bad.err());
        assertTrue(bad.err().startsWith(field + ":") || bad.err().contains("\n" + field + ":"), bad.err());
        JsonNode g = CliRun.run(dir, null, "gateway", "show", "--json").json();
        assertEquals("before.example.com", g.get("server").asText());
        assertTrue(g.get("displayName").isNull());
        assertEquals(1, g.get("version").asInt());
    }

    @Test
    void lineBreaksInADisplayNameAreRefused() {
        CliRun bad = CliRun.run(dir, null, "gateway", "set", "--display-name", "Desk\r\nBcc: victim@example.com");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("display-name:"), bad.err());
    }

    @Test
    void activatingAPasswordGatewayWithoutUserIsRefused() {
        CliRun bad = CliRun.run(dir, null, "gateway", "set", "--status", "active", "--server", "smtp.example.com",
                "--from", "a@example.com", "--auth", "password");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("username:"), bad.err());
        assertTrue(bad.err().contains("password:"), bad.err());
    }

    @Test
    void aPresetFillsServerPortSecurityAndAuthButTheGivenFieldsWin() {
        assertEquals(0, CliRun.run(dir, null, "gateway", "set", "--preset", "office365", "--port", "25", "--username", "svc@example.com").code());
        JsonNode g = CliRun.run(dir, null, "gateway", "show", "--json").json();
        assertEquals("smtp.office365.com", g.get("server").asText());
        assertEquals(25, g.get("port").asInt());
        assertEquals("starttls", g.get("security").asText());
        assertEquals("password", g.get("auth").asText());
    }

    @Test
    void aPasswordOverPlainTextSavesWithAWarning() {
        CliRun r = CliRun.run(dir, "pw\n", "gateway", "set", "--auth", "password", "--username", "u", "--password-stdin",
                "--security", "none");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().startsWith("warning: password:"), r.err());
    }

    @Test
    void passwordStdinWithNothingOnStdinIsRefused() {
        CliRun r = CliRun.run(dir, "", "gateway", "set", "--password-stdin");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("password:"), r.err());
    }

    @Test
    void aTrustedCertificateThatIsNotPemIsRefused() throws Exception {
        Path pem = Files.writeString(dir.resolve("x.pem"), "not a certificate");
        CliRun r = CliRun.run(dir, null, "gateway", "set", "--trust-cert", pem.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("trust-cert:"), r.err());
    }

    @Test
    void helpAndVersionWorkWithoutAStore() {
        CliRun help = CliRun.run(dir, null, "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("gateway"), help.out());
        CliRun version = CliRun.run(dir, null, "--version");
        assertEquals(0, version.code());
        assertTrue(version.out().startsWith("cockpit-smtp "), version.out());
        assertFalse(Files.exists(dir.resolve("cockpit.mv.db")));
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        CliRun r = CliRun.run(dir, null, "gateway", "set", "--colour", "blue");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--colour"), r.err());
    }

    @Test
    void aStoreThatCannotBeOpenedIsOneSentenceAndExit1() throws Exception {
        Path file = Files.writeString(dir.resolve("file"), "x");
        CliRun r = CliRun.run(file, null, "gateway", "show");
        assertEquals(1, r.code());
        assertTrue(r.err().contains(file.toString()), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void authenticationDefaultsToStartTlsUnlessNoneIsGivenInTheSameCommand() {
        assertEquals(0, CliRun.run(dir, null, "gateway", "set", "--server", "smtp.example.com", "--security", "none").code());
        CliRun r = CliRun.run(dir, "pw\n", "gateway", "set", "--auth", "password", "--username", "svc", "--password-stdin");
        assertEquals(0, r.code(), r.err());
        assertEquals("starttls", CliRun.run(dir, null, "gateway", "show", "--json").json().get("security").asText());

        CliRun clear = CliRun.run(dir, null, "gateway", "set", "--auth", "password", "--security", "none");
        assertEquals(0, clear.code(), clear.err());
        assertEquals("none", CliRun.run(dir, null, "gateway", "show", "--json").json().get("security").asText());
        CliRun other = CliRun.run(dir, null, "gateway", "set", "--display-name", "Desk");
        assertEquals(0, other.code(), other.err());
        assertEquals("none", CliRun.run(dir, null, "gateway", "show", "--json").json().get("security").asText(),
                "a later command that does not choose authentication keeps the choice");
    }
}
