package org.selfkms.cli.access;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.selfkms.cli.CommandGroup;
import org.selfkms.cli.ExitCode;
import org.selfkms.cli.KmsctlCommand;
import org.selfkms.cli.output.Column;
import org.selfkms.client.RestV1Session;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;

/** {@code kmsctl credentials ...}: the tenant's API credentials (docs/rest-api.md, "Credentials"). */
@Command(name = "credentials", description = "The tenant's API credentials (TENANT_ADMIN)",
        subcommands = {CredentialsCommand.ListCredentials.class, CredentialsCommand.Create.class,
                CredentialsCommand.Disable.class, CredentialsCommand.Enable.class, CredentialsCommand.Delete.class})
public final class CredentialsCommand extends CommandGroup {

    @Command(name = "list", description = "The tenant's API credentials, oldest first (never their SecretKeys)")
    static final class ListCredentials extends KmsctlCommand {
        @Override
        public Integer call() {
            output().list(server().get("/credentials"), "credentials", List.of(
                    Column.field("SECRET ID", "secretId"), Column.field("OWNER", "owner"),
                    Column.field("SERVICE", "servicePrincipal"), Column.field("ENABLED", "enabled"),
                    Column.field("CREATED", "createTime"), Column.field("LAST USED", "lastUsedTime")));
            return ExitCode.OK;
        }
    }

    @Command(name = "create", description = {"Create an API credential for a user or a service principal.",
            "Prints its SecretKey, which is shown this once and never again (in JSON too)."})
    static final class Create extends KmsctlCommand {

        @ArgGroup(multiplicity = "1")
        Owner owner;

        static final class Owner {
            @Option(names = "--user", required = true, paramLabel = "USERNAME", description = "Acts with this user's role")
            String user;

            @Option(names = "--service", required = true, paramLabel = "SERVICE",
                    description = "A service principal (cos, ...): acts as SERVICE")
            String service;
        }

        @Override
        public Integer call() {
            JsonObject body = owner.user != null ? Json.createObjectBuilder().add("user", owner.user).build()
                    : Json.createObjectBuilder().add("service", owner.service).build();
            output().object(server().post("/credentials", body));
            if (!output().isJson()) {
                run().invocation().stderr().println("kmsctl: keep the secretKey now: the server shows it this once");
            }
            return ExitCode.OK;
        }
    }

    /** A credential's state change: POST /credentials/{secretId}/{action} or DELETE, no body, no content. */
    abstract static class Change extends KmsctlCommand {

        @Parameters(paramLabel = "SECRET_ID")
        String secretId;

        private final String method;
        private final String action;
        private final String done;

        Change(String method, String action, String done) {
            this.method = method;
            this.action = action;
            this.done = done;
        }

        @Override
        public Integer call() {
            server().call(method, "/credentials/" + RestV1Session.segment(secretId) + action, null);
            output().note("credential " + secretId + " " + done);
            return ExitCode.OK;
        }
    }

    @Command(name = "disable", description = "Disable a credential: it and its tokens are refused at once")
    static final class Disable extends Change {
        Disable() {
            super("POST", "/disable", "disabled");
        }
    }

    @Command(name = "enable", description = "Enable a credential again (its old tokens stay revoked)")
    static final class Enable extends Change {
        Enable() {
            super("POST", "/enable", "enabled");
        }
    }

    @Command(name = "delete", description = "Delete a credential")
    static final class Delete extends Change {
        Delete() {
            super("DELETE", "", "deleted");
        }
    }
}
