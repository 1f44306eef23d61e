package org.selfkms.key.policy;

import jakarta.persistence.EntityManager;
import org.selfkms.api.identity.Caller;
import org.selfkms.api.key.KeyOperation;
import org.selfkms.api.key.KeyPolicy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** A key's policy as rows of {@link KeyPolicyEntryEntity}: read, replaced, and filtered on in listings. */
public final class KeyPolicyRows {

    private KeyPolicyRows() {
    }

    /** The key's policy; {@link KeyPolicy#NONE} when it has no rows. */
    public static KeyPolicy of(EntityManager em, String keyId) {
        List<KeyPolicyEntryEntity> rows = em.createQuery(
                        "select e from KeyPolicyEntryEntity e where e.cmkId = :key order by e.statementNo, e.principal",
                        KeyPolicyEntryEntity.class)
                .setParameter("key", keyId).getResultList();
        if (rows.isEmpty()) {
            return KeyPolicy.NONE;
        }
        Map<Integer, List<KeyPolicyEntryEntity>> byStatement = new TreeMap<>(
                rows.stream().collect(Collectors.groupingBy(KeyPolicyEntryEntity::statementNo)));
        List<KeyPolicy.Statement> statements = new ArrayList<>();
        for (List<KeyPolicyEntryEntity> entries : byStatement.values()) {
            KeyPolicyEntryEntity first = entries.get(0);
            Set<String> principals = new LinkedHashSet<>();
            entries.forEach(entry -> principals.add(entry.principal()));
            Set<KeyOperation> operations = EnumSet.noneOf(KeyOperation.class);
            for (String name : first.operations().split(",")) {
                operations.add(KeyOperation.valueOf(name));
            }
            statements.add(new KeyPolicy.Statement(first.effect(), principals, operations));
        }
        return new KeyPolicy(statements);
    }

    /** Replaces the key's policy by this one (none removes it), in the caller's transaction. */
    public static void replace(EntityManager em, String keyId, KeyPolicy policy) {
        em.createQuery("delete from KeyPolicyEntryEntity e where e.cmkId = :key").setParameter("key", keyId).executeUpdate();
        int number = 0;
        for (KeyPolicy.Statement statement : policy.statements()) {
            String operations = statement.operations().stream().map(Enum::name).collect(Collectors.joining(","));
            boolean describes = statement.operations().contains(KeyOperation.DESCRIBE);
            for (String principal : statement.principals()) {
                em.persist(new KeyPolicyEntryEntity(keyId, number, principal, statement.effect(), operations, describes));
            }
            number++;
        }
    }

    /**
     * The JPQL condition that keeps a listing of {@code c} (a CmkEntity) to the keys the caller may describe, with its
     * parameters; empty for a caller who may describe every key of the tenant.
     */
    public static String describableCondition(Caller caller, Map<String, Object> parameters) {
        if (KeyAccess.describesEveryKey(caller)) {
            return "";
        }
        parameters.put("policyPrincipals", KeyPolicy.principalsOf(caller));
        parameters.put("policyAllow", KeyPolicy.Effect.ALLOW);
        parameters.put("policyDeny", KeyPolicy.Effect.DENY);
        return " and (not exists (select e from KeyPolicyEntryEntity e where e.cmkId = c.id)"
                + " or (exists (select e from KeyPolicyEntryEntity e where e.cmkId = c.id and e.describes = true"
                + " and e.effect = :policyAllow and e.principal in :policyPrincipals)"
                + " and not exists (select e from KeyPolicyEntryEntity e where e.cmkId = c.id and e.describes = true"
                + " and e.effect = :policyDeny and e.principal in :policyPrincipals)))";
    }
}
