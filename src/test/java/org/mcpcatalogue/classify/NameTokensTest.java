package org.mcpcatalogue.classify;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class NameTokensTest {

    private static final Set<String> NAMES = Set.of("cmd", "command", "sql_query");

    @Test
    void theWholeNameOrItsLastWordNamesIt() {
        assertTrue(NameTokens.named("cmd", NAMES));
        assertTrue(NameTokens.named("CMD", NAMES), "the whole name, lower-cased");
        assertTrue(NameTokens.named("shellCommand", NAMES), "the last word of a camelCase name");
        assertTrue(NameTokens.named("run_command", NAMES), "the last word of a snake_case name");
        assertTrue(NameTokens.named("SQL_Query", NAMES), "a snake_case phrase as a whole name");
    }

    @Test
    void anEarlierWordDoesNot() {
        assertFalse(NameTokens.named("command_id", NAMES));
        assertFalse(NameTokens.named("commands", NAMES));
        assertFalse(NameTokens.named("", NAMES));
        assertFalse(NameTokens.named("__", NAMES), "no words at all");
    }
}
