package org.selfkms.audit;

/** What the audit key gives: the HMAC chain of records and heads, and the signer of checkpoints derived from it. */
public record AuditKeyring(AuditChain chain, CheckpointSigner signer) {
}
