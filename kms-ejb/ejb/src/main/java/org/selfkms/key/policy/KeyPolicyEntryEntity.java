package org.selfkms.key.policy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.selfkms.api.key.KeyPolicy;

import java.io.Serializable;
import java.util.Objects;

/**
 * One principal of one statement of a key's policy. {@code operations} holds the statement's operation names
 * (comma-separated); {@code describes} repeats whether DESCRIBE is among them, so that a listing can filter on it.
 */
@Entity
@Table(name = "kms_key_policy_entry")
@IdClass(KeyPolicyEntryEntity.Id.class)
public class KeyPolicyEntryEntity {

    @jakarta.persistence.Id
    @Column(name = "cmk_id")
    private String cmkId;

    @jakarta.persistence.Id
    @Column(name = "statement_no")
    private int statementNo;

    @jakarta.persistence.Id
    @Column(name = "principal")
    private String principal;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private KeyPolicy.Effect effect;

    @Column(nullable = false)
    private String operations;

    @Column(nullable = false)
    private boolean describes;

    protected KeyPolicyEntryEntity() {
    }

    KeyPolicyEntryEntity(String cmkId, int statementNo, String principal, KeyPolicy.Effect effect, String operations,
                         boolean describes) {
        this.cmkId = cmkId;
        this.statementNo = statementNo;
        this.principal = principal;
        this.effect = effect;
        this.operations = operations;
        this.describes = describes;
    }

    int statementNo() {
        return statementNo;
    }

    String principal() {
        return principal;
    }

    KeyPolicy.Effect effect() {
        return effect;
    }

    String operations() {
        return operations;
    }

    public static final class Id implements Serializable {
        private static final long serialVersionUID = 1L;
        private String cmkId;
        private int statementNo;
        private String principal;

        public Id() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Id other && Objects.equals(cmkId, other.cmkId) && statementNo == other.statementNo
                    && Objects.equals(principal, other.principal);
        }

        @Override
        public int hashCode() {
            return Objects.hash(cmkId, statementNo, principal);
        }
    }
}
