package io.cockpit.smtp.core.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Stored variables keep the format a mapper wrote before (messages already queued stay readable), without a mapper. */
class VariablesJsonTest {
    private final Map<String, String> vars = new LinkedHashMap<>();

    VariablesJsonTest() {
        vars.put("TICKET_ID", "42");
        vars.put("LOGIN", "jdoe");
        vars.put("SUBJECT", "Ligne « une »\nligne \"deux\" \\ \u0001 €");
        vars.put("EMPTY", "");
    }

    @Test
    void writesWhatAnObjectMapperWrote() throws Exception {
        assertEquals(new ObjectMapper().writeValueAsString(new TreeMap<>(vars)), VariablesJson.write(vars));
    }

    @Test
    void readsBackTheSameVariablesInStoredOrder() {
        Map<String, String> back = VariablesJson.read(VariablesJson.write(vars));
        assertEquals(vars, back);
        assertEquals(List.of("EMPTY", "LOGIN", "SUBJECT", "TICKET_ID"), List.copyOf(back.keySet()));
    }

    @Test
    void aStoredValueThatIsNotAnObjectIsReportedAsUnreadable() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> VariablesJson.read("[1,2]"));
        assertEquals("stored variables are unreadable: not a JSON object", e.getMessage());
    }
}
