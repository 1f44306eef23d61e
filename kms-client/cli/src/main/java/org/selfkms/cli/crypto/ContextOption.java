package org.selfkms.cli.crypto;

import org.selfkms.client.EncryptionContext;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Map;

/** --context name=value, repeatable: the encryption context, which decrypting must present again. */
public final class ContextOption {

    @Option(names = "--context", paramLabel = "NAME=VALUE",
            description = "Encryption context (repeatable); decrypting needs the same pairs")
    Map<String, String> pairs = new LinkedHashMap<>();

    public EncryptionContext context() {
        return EncryptionContext.of(pairs);
    }
}
