package org.selfkms.cli.keys;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.selfkms.cli.ExitCode;
import org.selfkms.cli.output.Column;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A key's tags: POST /keys/{keyRef}/tags, DELETE .../tags/{tagKey}, GET .../tags. */
final class KeyTagCommands {

    private KeyTagCommands() {
    }

    @Command(name = "tag", description = "Add tags to a key, or change their values")
    static final class Tag extends KeyCommand {


        @Parameters(index = "1..*", arity = "1..*", paramLabel = "TAG=VALUE", description = "Tags (1-50)")
        Map<String, String> tags;

        @Override
        public Integer call() {
            JsonObjectBuilder tagObject = Json.createObjectBuilder();
            tags.forEach(tagObject::add);
            server().post(keyPath("/tags"), Json.createObjectBuilder().add("tags", tagObject).build());
            output().note("key " + key + " tagged " + tags.entrySet().stream()
                    .map(tag -> tag.getKey() + "=" + tag.getValue()).collect(Collectors.joining(", ")));
            return ExitCode.OK;
        }
    }

    @Command(name = "untag", description = "Remove tags from a key (a tag it does not carry is ignored)")
    static final class Untag extends KeyCommand {


        @Parameters(index = "1..*", arity = "1..*", paramLabel = "TAG", description = "Tag keys")
        List<String> tagKeys;

        @Override
        public Integer call() {
            for (String tagKey : tagKeys) {
                server().call("DELETE", keyPath("/tags/" + KeyPaths.tagKey(tagKey)), null);
            }
            output().note("key " + key + " untagged " + String.join(", ", tagKeys));
            return ExitCode.OK;
        }
    }

    @Command(name = "tags", description = "A key's tags")
    static final class Tags extends KeyCommand {


        @Override
        public Integer call() {
            JsonObject answer = server().get(keyPath("/tags"));
            if (output().isJson()) {
                output().json(answer);
                return ExitCode.OK;
            }
            JsonArrayBuilder rows = Json.createArrayBuilder();
            answer.getJsonObject("tags").forEach((tagKey, value) -> rows.add(Json.createObjectBuilder().add("tag", tagKey).add("value", value)));
            output().table(rows.build(), List.of(Column.field("TAG", "tag"), Column.field("VALUE", "value")));
            return ExitCode.OK;
        }
    }
}
