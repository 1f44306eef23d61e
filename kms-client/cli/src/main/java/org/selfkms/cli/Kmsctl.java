package org.selfkms.cli;

import org.selfkms.cli.access.CredentialsCommand;
import org.selfkms.cli.access.UsersCommand;
import org.selfkms.cli.audit.AuditCommand;
import org.selfkms.cli.crypto.DataKeyCommand;
import org.selfkms.cli.crypto.DecryptCommand;
import org.selfkms.cli.crypto.EncryptCommand;
import org.selfkms.cli.crypto.SignCommand;
import org.selfkms.cli.crypto.VerifyCommand;
import org.selfkms.cli.keys.KeysCommand;
import org.selfkms.cli.session.LoginCommand;
import org.selfkms.cli.session.LogoutCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ScopeType;

/**
 * kmsctl: the server's REST API v1 from a shell (docs/clients.md, "kmsctl"). {@link #main} for the process,
 * {@link #execute} for a test that runs it in-process.
 */
@Command(name = "kmsctl", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT, versionProvider = Version.class,
        usageHelpAutoWidth = true, sortOptions = false,
        description = "Keys, encryption, data keys, signatures, audit, users and credentials of a SelfKMS server.",
        subcommands = {LoginCommand.class, LogoutCommand.class, KeysCommand.class, EncryptCommand.class,
                DecryptCommand.class, DataKeyCommand.class, SignCommand.class, VerifyCommand.class, AuditCommand.class,
                UsersCommand.class, CredentialsCommand.class, VersionCommand.class, CompletionCommand.class})
public final class Kmsctl extends CommandGroup {

    private static final String[] EXIT_CODES = {
            "  0  done",
            "  1  the answer is no: verify found the signature not valid, audit verify the trail broken",
            "  2  usage error",
            "  3  not logged in, session expired, credentials refused",
            "  4  the server refused the request (not found, wrong state, not allowed)",
            "  5  the server is unreachable or failed",
            "  6  a local file could not be read or written, or an encrypted file did not verify"};

    @Mixin
    private final GlobalOptions options;

    private Kmsctl(GlobalOptions options) {
        this.options = options;
    }

    public static void main(String[] args) {
        System.exit(execute(Invocation.ofProcess(), args));
    }

    /** Runs one command line to its end and answers its exit code; output and errors go to the invocation's streams. */
    public static int execute(Invocation invocation, String... args) {
        return commandLine(invocation).execute(args);
    }

    static CommandLine commandLine(Invocation invocation) {
        GlobalOptions options = new GlobalOptions();
        Run run = new Run(invocation, options);
        CommandLine commandLine = new CommandLine(new Kmsctl(options), new CommandFactory(run));
        commandLine.setOut(invocation.outWriter());
        commandLine.setErr(invocation.errWriter());
        commandLine.setExecutionExceptionHandler(new FailureHandler(run));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        // on kmsctl --help only: set after the subcommands took their copy of the inherited usage attributes
        commandLine.getCommandSpec().usageMessage().footerHeading("%nExit codes (docs/clients.md):%n").footer(EXIT_CODES);
        return commandLine;
    }
}
