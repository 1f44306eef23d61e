package org.selfkms.cli.keys;

import org.selfkms.cli.KmsctlCommand;
import picocli.CommandLine.Parameters;

/** A command on one key, named first: {@code kmsctl keys <command> KEY ...}. */
abstract class KeyCommand extends KmsctlCommand {

    @Parameters(index = "0", paramLabel = "KEY", description = "Key id or alias")
    String key;

    /** {@code /keys/{keyRef}} followed by {@code suffix} ("" or "/rotation" ...). */
    String keyPath(String suffix) {
        return KeyPaths.of(key) + suffix;
    }
}
