package io.cockpit.smtp.core.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cockpit.smtp.core.store.SealedSecret;
import io.cockpit.smtp.core.validation.FieldProblem;
import io.cockpit.smtp.core.validation.Problem;
import io.cockpit.smtp.core.validation.Severity;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GatewayValidatorTest {
    private static final List<String> ENGINES = List.of("local", "remote-1");

    private static GatewayConfig valid() {
        return GatewayConfig.defaults("portal").toBuilder().status(GatewayStatus.ACTIVE).server("smtp.example.com")
                .port(587).security(Security.STARTTLS).auth(Authentication.PASSWORD).username("svc")
                .password(new SealedSecret("v1:x")).from("itsm@example.com").build();
    }

    @ParameterizedTest(name = "port ''{0}'' -> {1}")
    @CsvSource(delimiter = '|', nullValues = "OK", value = {
            "1 | OK", "25 | OK", "65535 | OK", "0 | PORT_RANGE", "65536 | PORT_RANGE", "-1 | PORT_RANGE",
            "abc | PORT_RANGE", "5 87 | PORT_RANGE", "'' | REQUIRED", "99999999999 | PORT_RANGE"})
    void portIsAWholeNumberFrom1To65535(String text, Problem expected) {
        assertEquals(Optional.ofNullable(expected), GatewayValidator.port(text));
    }

    @ParameterizedTest(name = "timeout ''{0}'' -> {1}")
    @CsvSource(delimiter = '|', nullValues = "OK", value = {"1 | OK", "600 | OK", "0 | TIMEOUT_RANGE", "601 | TIMEOUT_RANGE", "x | TIMEOUT_RANGE"})
    void timeoutsAreBounded(String text, Problem expected) {
        assertEquals(Optional.ofNullable(expected), GatewayValidator.timeout(text));
    }

    @ParameterizedTest(name = "max per minute ''{0}'' -> {1}")
    @CsvSource(delimiter = '|', nullValues = "OK", value = {"0 | OK", "100000 | OK", "-1 | RATE_RANGE", "100001 | RATE_RANGE"})
    void rateCapIsZeroOrPositive(String text, Problem expected) {
        assertEquals(Optional.ofNullable(expected), GatewayValidator.maxPerMinute(text));
    }

    @Test
    void aCompleteActiveGatewayIsValid() {
        assertEquals(List.of(), GatewayValidator.validate(valid(), ENGINES));
    }

    @Test
    void anEmptyUserWithAuthOnIsRefused() {
        List<FieldProblem> p = GatewayValidator.validate(valid().toBuilder().username("").build(), ENGINES);
        assertEquals(List.of(FieldProblem.error(GatewayField.USERNAME, Problem.USERNAME_REQUIRED)), p);
    }

    @Test
    void activatingWithoutServerOrSenderIsRefused() {
        List<FieldProblem> p = GatewayValidator.validate(valid().toBuilder().server(null).from(" ").build(), ENGINES);
        assertTrue(p.contains(FieldProblem.error(GatewayField.SERVER, Problem.SERVER_REQUIRED_WHEN_ACTIVE)), p.toString());
        assertTrue(p.contains(FieldProblem.error(GatewayField.FROM, Problem.FROM_REQUIRED_WHEN_ACTIVE)), p.toString());
    }

    @Test
    void anInactiveGatewayMayBeIncomplete() {
        GatewayConfig draft = GatewayConfig.defaults("portal").toBuilder().server("smtp.example.com").build();
        assertEquals(List.of(), GatewayValidator.validate(draft, ENGINES));
    }

    @Test
    void aPasswordOverPlainTextIsAWarningNotAnError() {
        List<FieldProblem> p = GatewayValidator.validate(valid().toBuilder().security(Security.NONE).port(25).build(), ENGINES);
        assertEquals(List.of(new FieldProblem(GatewayField.PASSWORD, Problem.PASSWORD_IN_CLEAR, Severity.WARNING)), p);
    }

    @Test
    void anUnregisteredEngineIsRefused() {
        List<FieldProblem> p = GatewayValidator.validate(valid().toBuilder().engine("ghost").build(), ENGINES);
        assertEquals(List.of(FieldProblem.error(GatewayField.ENGINE, Problem.ENGINE_UNKNOWN)), p);
    }

    @ParameterizedTest(name = "CR/LF/NUL in {0}")
    @CsvSource({"server", "helo", "username", "from", "reply-to", "display-name"})
    void lineBreaksAndNulAreRefusedInEveryTextField(String field) {
        for (String bad : List.of("x\r\nBcc: victim@example.com", "x\nabc", "x\0y")) {
            GatewayConfig.Builder b = valid().toBuilder();
            switch (field) {
                case "server" -> b.server("smtp.example.com" + bad);
                case "helo" -> b.helo("ws.example.com" + bad);
                case "username" -> b.username("svc" + bad);
                case "from" -> b.from("itsm@example.com" + bad);
                case "reply-to" -> b.replyTo("support@example.com" + bad);
                default -> b.displayName("Service desk" + bad);
            }
            List<FieldProblem> p = GatewayValidator.validate(b.build(), ENGINES);
            assertTrue(p.stream().anyMatch(x -> x.field().equals(field) && x.isError()), field + " accepted " + bad.replace("\0", "\\0") + ": " + p);
        }
    }

    @Test
    void nonAsciiDisplayNameIsAccepted() {
        assertEquals(List.of(), GatewayValidator.validate(valid().toBuilder().displayName("Service d'assistance — Café ☕").build(), ENGINES));
    }

    @ParameterizedTest(name = "security {0} -> {1} from port {2} gives {3}")
    @CsvSource({"NONE, STARTTLS, 25, 587", "STARTTLS, SSL, 587, 465", "SSL, NONE, 465, 25", "NONE, SSL, 2525, 2525",
            "STARTTLS, NONE, 465, 465"})
    void portFollowsSecurityOnlyWhenItHeldTheUsualPort(Security from, Security to, int port, int expected) {
        assertEquals(expected, to.portAfterSwitchFrom(from, port));
    }

    @Test
    void presetsFillServerPortSecurityAndAuthenticationOnly() {
        GatewayConfig g = Preset.OFFICE365.applyTo(GatewayConfig.defaults("portal").toBuilder().from("a@b.com").build());
        assertEquals("smtp.office365.com", g.server());
        assertEquals(587, g.port());
        assertEquals(Security.STARTTLS, g.security());
        assertEquals(Authentication.PASSWORD, g.auth());
        assertEquals("a@b.com", g.from());
    }
}
