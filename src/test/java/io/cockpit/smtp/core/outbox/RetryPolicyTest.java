package io.cockpit.smtp.core.outbox;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @ParameterizedTest
    @CsvSource({"1, 5", "2, 10", "3, 20", "4, 40", "5, 67", "12, 67"})
    void backoffDoublesFromFiveMinutesUpToAboutAnHour(int attempts, long minutes) {
        Instant now = T0.plusSeconds(3600);
        assertEquals(now.plus(Duration.ofMinutes(minutes)), RetryPolicy.DEFAULT.next(attempts, T0, now).orElseThrow());
    }

    @Test
    void givesUpFiveDaysAfterQueueing() {
        assertTrue(RetryPolicy.DEFAULT.next(3, T0, T0.plus(Duration.ofDays(5))).isEmpty());
        assertTrue(RetryPolicy.DEFAULT.next(3, T0, T0.plus(Duration.ofDays(4))).isPresent());
    }
}
