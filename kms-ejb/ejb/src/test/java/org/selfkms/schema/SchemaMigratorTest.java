package org.selfkms.schema;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SchemaMigratorTest {

    @Test
    void splitsStatementsAndSkipsComments() {
        assertEquals(List.of("CREATE TABLE a (x INT)", "CREATE INDEX i ON a (x)"),
                SchemaMigrator.statements("-- comment\nCREATE TABLE a (x INT);\n\nCREATE INDEX i ON a (x);\n"));
    }

    @Test
    void readsVersionsFromScriptNames() {
        assertEquals(12, SchemaMigrator.versionOf("V12__add_tags.sql"));
        assertThrows(IllegalStateException.class, () -> SchemaMigrator.versionOf("init.sql"));
    }
}
