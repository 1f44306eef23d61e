package org.selfkms.cli.crypto;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import org.selfkms.cli.CommandGroup;
import org.selfkms.cli.ExitCode;
import org.selfkms.cli.KmsctlCommand;
import org.selfkms.cli.keys.KeyPaths;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kmsctl datakey generate}: POST /keys/{keyRef}/data-keys. */
@Command(name = "datakey", description = "Data keys for encrypting locally", subcommands = DataKeyCommand.Generate.class)
public final class DataKeyCommand extends CommandGroup {

    @Command(name = "generate", description = {"Generate a data key: its plaintext (use and forget) and its blob "
            + "(keep beside the data; kmsctl decrypt --blob gives the plaintext back)"})
    static final class Generate extends KmsctlCommand {

        @Option(names = "--key", required = true, paramLabel = "KEY", description = "Key id or alias that wraps the data key")
        String key;

        @ArgGroup
        Size size;

        @Mixin
        ContextOption context;

        static final class Size {
            @Option(names = "--bytes", required = true, paramLabel = "N", description = "1-1024 bytes")
            Integer bytes;

            @Option(names = "--spec", required = true, paramLabel = "SPEC", description = "AES_128 or AES_256 (the default)")
            String spec;
        }

        @Override
        public Integer call() {
            JsonObjectBuilder body = Json.createObjectBuilder();
            if (size != null && size.bytes != null) {
                body.add("numberOfBytes", size.bytes);
            } else if (size != null) {
                body.add("keySpec", size.spec);
            }
            if (!context.context().isEmpty()) {
                body.add("encryptionContext", context.context().toJson());
            }
            output().object(server().post(KeyPaths.of(key) + "/data-keys", body.build()));
            return ExitCode.OK;
        }
    }
}
