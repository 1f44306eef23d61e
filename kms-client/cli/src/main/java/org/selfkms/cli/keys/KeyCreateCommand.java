package org.selfkms.cli.keys;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import org.selfkms.cli.ExitCode;
import org.selfkms.cli.KmsctlCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Map;

/** POST /api/v1/keys. */
@Command(name = "create", description = "Create a key (TENANT_ADMIN)")
final class KeyCreateCommand extends KmsctlCommand {

    @Option(names = "--alias", required = true, paramLabel = "ALIAS", description = "1-60 letters, digits, - and _; unique in the tenant")
    String alias;

    @Option(names = "--description", paramLabel = "TEXT")
    String description;

    @Option(names = "--usage", paramLabel = "USAGE",
            description = "ENCRYPT_DECRYPT (default), ASYMMETRIC_SIGN_VERIFY_ECC, ASYMMETRIC_DECRYPT_RSA_2048, ...")
    String usage;

    @Option(names = "--origin", paramLabel = "ORIGIN", description = "TENCENT_KMS (default) or EXTERNAL (material imported later)")
    String origin;

    @Option(names = "--protection-level", paramLabel = "LEVEL", description = "SOFTWARE or HSM (default: the server's)")
    String protectionLevel;

    @Option(names = "--rotate-days", paramLabel = "DAYS", description = "Rotate automatically every DAYS days (7-365)")
    Integer rotateDays;

    @Option(names = "--tag", paramLabel = "KEY=VALUE", description = "A tag (repeatable)")
    Map<String, String> tags = new LinkedHashMap<>();

    @Override
    public Integer call() {
        JsonObjectBuilder body = Json.createObjectBuilder().add("alias", alias);
        addIfGiven(body, "description", description);
        addIfGiven(body, "usage", usage);
        addIfGiven(body, "origin", origin);
        addIfGiven(body, "protectionLevel", protectionLevel);
        if (rotateDays != null) {
            body.add("rotateDays", rotateDays);
        }
        if (!tags.isEmpty()) {
            JsonObjectBuilder tagObject = Json.createObjectBuilder();
            tags.forEach(tagObject::add);
            body.add("tags", tagObject);
        }
        output().object(server().post("/keys", body.build()));
        return ExitCode.OK;
    }

    private static void addIfGiven(JsonObjectBuilder body, String field, String value) {
        if (value != null) {
            body.add(field, value);
        }
    }
}
