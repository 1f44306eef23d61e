package org.selfkms.cli.access;

import jakarta.json.Json;
import org.selfkms.cli.CommandGroup;
import org.selfkms.cli.ExitCode;
import org.selfkms.cli.KmsctlCommand;
import org.selfkms.cli.UsageException;
import org.selfkms.cli.output.Column;
import org.selfkms.client.RestV1Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** {@code kmsctl users ...}: the tenant's console users (docs/rest-api.md, "Users and API credentials"). */
@Command(name = "users", description = "The tenant's users (TENANT_ADMIN)",
        subcommands = {UsersCommand.ListUsers.class, UsersCommand.Create.class, UsersCommand.Delete.class})
public final class UsersCommand extends CommandGroup {

    @Command(name = "list", description = "The tenant's users, by name")
    static final class ListUsers extends KmsctlCommand {
        @Override
        public Integer call() {
            output().list(server().get("/users"), "users", List.of(
                    Column.field("USERNAME", "username"), Column.field("ROLE", "role"), Column.field("CREATED", "createTime")));
            return ExitCode.OK;
        }
    }

    @Command(name = "create", description = {"Create a user; the password comes from SELFKMS_USER_PASSWORD, "
            + "--password-stdin or a prompt - never from an argument"})
    static final class Create extends KmsctlCommand {

        @Parameters(paramLabel = "USERNAME", description = "2-64 letters, digits, . _ @ -")
        String username;

        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "TENANT_ADMIN, KEY_USER or AUDITOR")
        String role;

        @Option(names = "--password-stdin", description = "Read the password from the first line of standard input")
        boolean passwordFromStdin;

        @Override
        public Integer call() {
            output().object(server().post("/users", Json.createObjectBuilder()
                    .add("username", username).add("role", role).add("password", password()).build()));
            return ExitCode.OK;
        }

        private String password() {
            if (passwordFromStdin) {
                try {
                    String line = new BufferedReader(new InputStreamReader(run().invocation().stdin(), StandardCharsets.UTF_8)).readLine();
                    if (line != null && !line.isEmpty()) {
                        return line;
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e.getMessage(), e);
                }
                throw new UsageException("no password on standard input");
            }
            String fromEnvironment = run().invocation().env("SELFKMS_USER_PASSWORD");
            if (fromEnvironment != null) {
                return fromEnvironment;
            }
            if (run().invocation().console() != null) {
                char[] typed = run().invocation().console().readPassword("Password for %s: ", username);
                if (typed != null && typed.length > 0) {
                    return new String(typed);
                }
            }
            throw new UsageException("no password: set SELFKMS_USER_PASSWORD, pass --password-stdin or run in a terminal");
        }
    }

    @Command(name = "delete", description = "Delete a user and every API credential acting with its role")
    static final class Delete extends KmsctlCommand {

        @Parameters(paramLabel = "USERNAME")
        String username;

        @Override
        public Integer call() {
            server().call("DELETE", "/users/" + RestV1Session.segment(username), null);
            output().note("user " + username + " deleted");
            return ExitCode.OK;
        }
    }
}
