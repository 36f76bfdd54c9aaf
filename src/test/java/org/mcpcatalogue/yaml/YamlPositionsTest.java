package org.mcpcatalogue.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class YamlPositionsTest {

    @Test
    void lfCrLfAndALoneCrEachEndALine() {
        assertEquals(new YamlNode.Position(3, 2), YamlPositions.at("a\nb\nxy", 5));
        assertEquals(new YamlNode.Position(3, 2), YamlPositions.at("a\r\nb\r\nxy", 7));
        assertEquals(new YamlNode.Position(3, 2), YamlPositions.at("a\rb\rxy", 5));
    }

    @Test
    void columnsCountCodePoints() {
        // U+1F600 is two UTF-16 chars and one column.
        assertEquals(new YamlNode.Position(1, 3), YamlPositions.at("\uD83D\uDE00ax", 3));
        assertEquals(new YamlNode.Position(2, 3), YamlPositions.atCodePoint("a\r\uD83D\uDE00ax", 4));
    }

    @Test
    void anIndexPastTheEndIsTheEnd() {
        assertEquals(new YamlNode.Position(2, 2), YamlPositions.at("a\rb", 99));
        assertEquals(new YamlNode.Position(2, 2), YamlPositions.atCodePoint("a\rb", 99));
    }
}
