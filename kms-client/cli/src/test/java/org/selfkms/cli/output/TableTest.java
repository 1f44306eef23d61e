package org.selfkms.cli.output;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TableTest {

    @Test
    void columnsAreAsWideAsTheirWidestCellWithoutTrailingSpaces() {
        List<String> lines = Table.render(List.of("KEY ID", "ALIAS", "STATE"), List.of(
                List.of("k-1", "shop-orders", "Enabled"),
                List.of("key-0002", "x", "-")));
        assertEquals(List.of(
                "KEY ID    ALIAS        STATE",
                "k-1       shop-orders  Enabled",
                "key-0002  x            -"), lines);
    }

    @Test
    void anEmptyLastCellLeavesNoTrailingSpace() {
        assertEquals(List.of("A  B", "1"), Table.render(List.of("A", "B"), List.of(List.of("1", ""))));
    }

    @Test
    void tableFormatPrintsTheRowsOfTheArrayAndJsonFormatTheServersObjectOnOneLine() {
        JsonObject answer = Json.createObjectBuilder()
                .add("keys", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("keyId", "k1").add("alias", "a"))
                        .add(Json.createObjectBuilder().add("keyId", "k22")))
                .add("totalCount", 2).build();
        List<Column> columns = List.of(Column.field("KEY ID", "keyId"), Column.field("ALIAS", "alias"));

        assertEquals("KEY ID  ALIAS\nk1      a\nk22     -\n", print(OutputFormat.table, output -> output.list(answer, "keys", columns)));
        assertEquals(answer.toString() + "\n", print(OutputFormat.json, output -> output.list(answer, "keys", columns)));
    }

    @Test
    void anObjectIsOneAlignedLinePerFieldInTableFormat() {
        JsonObject key = Json.createObjectBuilder().add("keyId", "k1").add("rotationEnabled", false)
                .add("tags", Json.createObjectBuilder().add("team", "shop").add("env", "prod")).build();
        assertEquals("keyId            k1\nrotationEnabled  false\ntags             team=shop, env=prod\n",
                print(OutputFormat.table, output -> output.object(key)));
    }

    @Test
    void aNoteIsForPeopleOnlyAndAValueIsBareForScripts() {
        JsonObject blob = Json.createObjectBuilder().add("keyId", "k1").add("ciphertextBlob", "QUJD").build();
        assertEquals("QUJD\n", print(OutputFormat.table, output -> output.value(blob, "ciphertextBlob")));
        assertEquals(blob + "\n", print(OutputFormat.json, output -> output.value(blob, "ciphertextBlob")));
        assertEquals("", print(OutputFormat.json, output -> output.note("key k1 disabled")));
    }

    private static String print(OutputFormat format, java.util.function.Consumer<Output> printing) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        printing.accept(new Output(format, new PrintStream(bytes, true, StandardCharsets.UTF_8)));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
