package org.selfkms.api.key;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.identity.Caller;
import org.selfkms.api.identity.Role;
import org.selfkms.api.json.Jsons;
import org.selfkms.api.json.StrictJson;

import java.io.Serializable;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Who may do what with one key: statements of principals x operations, each allowing or denying. A key without
 * statements ({@link #NONE}) is governed by the caller's role alone, as every key was before policies existed. A key
 * with statements is usable only as they allow: a DENY that matches wins over every ALLOW, and what no ALLOW matches
 * is refused. A policy only narrows a role, never widens it: an auditor allowed ENCRYPT still cannot encrypt.
 *
 * <p>Principals: {@code *} (everyone of the tenant), {@code role:KEY_USER} (everyone with a role),
 * {@code user:alice} (a console user and every API credential of that user), {@code credential:AKID...} (one API
 * credential), {@code service:cos} (an integrated service's principal). Operations: the names of
 * {@link KeyOperation}, or {@code *} for all of them.
 *
 * <p>The JSON form, as the REST door and the console read and show it:
 * <pre>{"statements":[{"effect":"ALLOW","principals":["user:alice"],"operations":["ENCRYPT","DECRYPT"]}]}</pre>
 */
public record KeyPolicy(List<Statement> statements) implements Serializable {

    public static final int MAX_STATEMENTS = 10;
    public static final int MAX_PRINCIPALS = 20;
    /** The longest principal reference: {@code credential:} and a SecretId of up to 128 characters. */
    public static final int MAX_PRINCIPAL_LENGTH = 140;
    public static final String EVERYONE = "*";

    public static final KeyPolicy NONE = new KeyPolicy(List.of());

    private static final Pattern USER = Pattern.compile("user:[A-Za-z0-9][A-Za-z0-9._@-]{1,63}");
    private static final Pattern CREDENTIAL = Pattern.compile("credential:[A-Za-z0-9]{1,128}");
    private static final Pattern SERVICE = Pattern.compile("service:[a-z][a-z0-9-]{0,31}");

    public enum Effect { ALLOW, DENY }

    /**
     * One rule: the principals named may (ALLOW) or may not (DENY) do the operations named.
     *
     * @param principals as described on {@link KeyPolicy}; sorted, without repeats
     * @param operations at least one
     */
    public record Statement(Effect effect, Set<String> principals, Set<KeyOperation> operations) implements Serializable {

        public Statement {
            if (effect == null) {
                throw invalid("Each statement needs an effect, ALLOW or DENY");
            }
            if (principals == null || principals.isEmpty() || principals.size() > MAX_PRINCIPALS) {
                throw invalid("Each statement names 1 to " + MAX_PRINCIPALS + " principals");
            }
            if (operations == null || operations.isEmpty()) {
                throw invalid("Each statement names at least one operation");
            }
            for (String principal : principals) {
                checkPrincipal(principal);
            }
            principals = Collections.unmodifiableSet(new TreeSet<>(principals));
            operations = Collections.unmodifiableSet(EnumSet.copyOf(operations));
        }

        boolean matches(Set<String> callerPrincipals, KeyOperation operation) {
            return operations.contains(operation) && !Collections.disjoint(principals, callerPrincipals);
        }
    }

    public KeyPolicy {
        if (statements == null) {
            statements = List.of();
        }
        if (statements.size() > MAX_STATEMENTS) {
            throw invalid("A key policy holds at most " + MAX_STATEMENTS + " statements");
        }
        statements = List.copyOf(statements);
    }

    /** True when the key follows the caller's role alone. */
    public boolean isEmpty() {
        return statements.isEmpty();
    }

    /**
     * Whether a caller known by these principals ({@link #principalsOf}) may do the operation, as far as this policy
     * goes: the caller's role is checked besides.
     */
    public boolean permits(Set<String> callerPrincipals, KeyOperation operation) {
        if (statements.isEmpty()) {
            return true;
        }
        boolean allowed = false;
        for (Statement statement : statements) {
            if (statement.matches(callerPrincipals, operation)) {
                if (statement.effect() == Effect.DENY) {
                    return false;
                }
                allowed = true;
            }
        }
        return allowed;
    }

    /** Every principal reference that names this caller. */
    public static Set<String> principalsOf(Caller caller) {
        Set<String> names = new LinkedHashSet<>();
        names.add(EVERYONE);
        names.add("role:" + caller.role().name());
        if (caller.user() != null) {
            names.add("user:" + caller.user());
        }
        if (caller.kind() == Caller.Kind.API_CREDENTIAL) {
            names.add("credential:" + caller.principal());
        }
        if (caller.isServicePrincipal()) {
            names.add("service:" + caller.service());
        }
        return names;
    }

    /** The users, credentials and services the policy names, which must exist in the key's tenant. */
    public Set<String> namedIdentities() {
        Set<String> named = new TreeSet<>();
        for (Statement statement : statements) {
            for (String principal : statement.principals()) {
                if (!principal.equals(EVERYONE) && !principal.startsWith("role:")) {
                    named.add(principal);
                }
            }
        }
        return named;
    }

    private static void checkPrincipal(String principal) {
        if (principal == null || principal.length() > MAX_PRINCIPAL_LENGTH) {
            throw invalid("A principal is at most " + MAX_PRINCIPAL_LENGTH + " characters");
        }
        if (principal.equals(EVERYONE) || USER.matcher(principal).matches() || CREDENTIAL.matcher(principal).matches()
                || SERVICE.matcher(principal).matches()) {
            return;
        }
        if (principal.startsWith("role:")) {
            String role = principal.substring(5);
            if (Role.parse(role).filter(r -> r != Role.PLATFORM_OPERATOR).isPresent()) {
                return;
            }
            throw invalid("Unknown role in principal '" + StrictJson.printable(principal)
                    + "': one of TENANT_ADMIN, KEY_USER, AUDITOR, SERVICE");
        }
        throw invalid("The principal '" + StrictJson.printable(principal)
                + "' is none of *, role:<role>, user:<name>, credential:<SecretId>, service:<name>");
    }

    /** @throws KmsException {@code INVALID_PARAMETER_VALUE} saying what is wrong with the text */
    public static KeyPolicy parse(String json) {
        if (json == null || json.isBlank()) {
            return NONE;
        }
        JsonObject object;
        try {
            object = StrictJson.parseObject(new StringReader(json));
        } catch (StrictJson.InvalidJson e) {
            throw invalid("The key policy " + e.getMessage());
        }
        return fromJson(object);
    }

    /** @throws KmsException {@code INVALID_PARAMETER_VALUE} saying what is wrong with the object */
    public static KeyPolicy fromJson(JsonObject object) {
        for (String member : object.keySet()) {
            if (!member.equals("statements")) {
                throw invalid("A key policy has only 'statements', not '" + StrictJson.printable(member) + "'");
            }
        }
        JsonArray statements = arrayMember(object, "statements", "The key policy");
        if (statements.size() > MAX_STATEMENTS) {
            throw invalid("A key policy holds at most " + MAX_STATEMENTS + " statements");
        }
        List<Statement> read = new ArrayList<>();
        for (JsonValue value : statements) {
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw invalid("Each statement is a JSON object");
            }
            read.add(statement(value.asJsonObject()));
        }
        return new KeyPolicy(read);
    }

    private static Statement statement(JsonObject object) {
        for (String member : object.keySet()) {
            if (!Set.of("effect", "principals", "operations").contains(member)) {
                throw invalid("A statement has 'effect', 'principals' and 'operations', not '"
                        + StrictJson.printable(member) + "'");
            }
        }
        JsonValue effectValue = object.get("effect");
        if (!(effectValue instanceof JsonString effectText)) {
            throw invalid("Each statement needs an effect, ALLOW or DENY");
        }
        Effect effect = switch (effectText.getString()) {
            case "ALLOW" -> Effect.ALLOW;
            case "DENY" -> Effect.DENY;
            default -> throw invalid("The effect '" + StrictJson.printable(effectText.getString()) + "' is neither ALLOW nor DENY");
        };
        JsonArray principalArray = arrayMember(object, "principals", "A statement");
        if (principalArray.size() > MAX_PRINCIPALS) {
            throw invalid("Each statement names 1 to " + MAX_PRINCIPALS + " principals");
        }
        Set<String> principals = new LinkedHashSet<>();
        for (JsonValue value : principalArray) {
            principals.add(text(value, "principal"));
        }
        Set<KeyOperation> operations = EnumSet.noneOf(KeyOperation.class);
        for (JsonValue value : arrayMember(object, "operations", "A statement")) {
            operations.addAll(operations(text(value, "operation")));
        }
        return new Statement(effect, principals, operations);
    }

    private static Set<KeyOperation> operations(String name) {
        if (name.equals("*")) {
            return EnumSet.allOf(KeyOperation.class);
        }
        for (KeyOperation operation : KeyOperation.values()) {
            if (operation.name().equals(name)) {
                return EnumSet.of(operation);
            }
        }
        throw invalid("Unknown operation '" + StrictJson.printable(name) + "': one of *, " + operationNames());
    }

    private static String operationNames() {
        StringBuilder names = new StringBuilder();
        for (KeyOperation operation : KeyOperation.values()) {
            names.append(names.isEmpty() ? "" : ", ").append(operation.name());
        }
        return names.toString();
    }

    private static JsonArray arrayMember(JsonObject object, String name, String subject) {
        JsonValue value = object.get(name);
        if (!(value instanceof JsonArray array)) {
            throw invalid(subject + " needs '" + name + "', a JSON array");
        }
        return array;
    }

    private static String text(JsonValue value, String what) {
        if (!(value instanceof JsonString string)) {
            throw invalid("Each " + what + " is a JSON string");
        }
        return string.getString();
    }

    /** The JSON form: statements in order, principals sorted, operations in {@link KeyOperation} order. */
    public JsonObject toJson() {
        JsonArrayBuilder array = Jsons.array();
        for (Statement statement : statements) {
            JsonArrayBuilder principals = Jsons.array();
            statement.principals().forEach(principals::add);
            JsonArrayBuilder operations = Jsons.array();
            statement.operations().forEach(operation -> operations.add(operation.name()));
            array.add(Jsons.object().add("effect", statement.effect().name()).add("principals", principals)
                    .add("operations", operations));
        }
        return Jsons.object().add("statements", array).build();
    }

    @Override
    public String toString() {
        return toJson().toString();
    }

    private static KmsException invalid(String message) {
        return new KmsException(KmsErrorCode.INVALID_PARAMETER_VALUE, message);
    }
}
