package org.selfkms.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checkpoint statements, their signatures, and that both can be checked outside the server. */
class CheckpointTest {

    private final CheckpointSigner signer = new CheckpointSigner(AuditDatabase.key(5), 1);
    private final Checkpoint checkpoint = new Checkpoint(1, 3, 1_700_000_000_000L, "ab".repeat(32), "node-a", 1,
            List.of(new SegmentHead(Long.MAX_VALUE, 1, 42, "cd".repeat(32)), new SegmentHead(-2, 1, 7, "ef".repeat(32))));

    @Test
    void aStatementReadsBackAsTheSameCheckpoint() {
        assertEquals(checkpoint, Checkpoint.parse(checkpoint.statement()).orElseThrow());
    }

    @Test
    void onlyTheCanonicalFormIsAStatement() {
        String statement = checkpoint.statement();
        assertTrue(Checkpoint.parse(statement.replace(",\"number\"", ", \"number\"")).isEmpty(), "white space");
        assertTrue(Checkpoint.parse(statement.replace("\"tenant\":1,", "\"tenant\":1,\"extra\":1,")).isEmpty(), "extra member");
        assertTrue(Checkpoint.parse("{\"format\":\"something-else\"}").isEmpty());
        assertTrue(Checkpoint.parse("not json").isEmpty());
    }

    @Test
    void theSigningKeyFollowsFromTheAuditKeyAlone() {
        assertEquals(signer.publicKeyPem(), new CheckpointSigner(AuditDatabase.key(5), 1).publicKeyPem());
        assertFalse(signer.publicKeyPem().equals(new CheckpointSigner(AuditDatabase.key(6), 1).publicKeyPem()));
    }

    @Test
    void signaturesVerifyAndFailOnAnyChange() {
        String signature = signer.sign(checkpoint.statement());
        assertTrue(signer.verify(checkpoint.statement(), signature));
        assertFalse(signer.verify(checkpoint.statement().replace("\"number\":3", "\"number\":4"), signature));
        assertFalse(signer.verify(checkpoint.statement(), "bm90IGEgc2lnbmF0dXJl"));
        assertFalse(signer.verify(checkpoint.statement(), "%%%"));
    }

    @Test
    void opensslVerifiesAnExportedCheckpointWithThePublicKey(@TempDir Path dir) throws Exception {
        Path statement = Files.writeString(dir.resolve("statement.json"), checkpoint.statement(), StandardCharsets.UTF_8);
        Path signature = Files.write(dir.resolve("signature.der"), Base64.getDecoder().decode(signer.sign(checkpoint.statement())));
        Path key = Files.writeString(dir.resolve("checkpoint-key.pem"), signer.publicKeyPem());
        Process openssl = new ProcessBuilder("openssl", "dgst", "-sha256", "-verify", key.toString(), "-signature",
                signature.toString(), statement.toString()).redirectErrorStream(true).start();
        String out = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, openssl.waitFor(), out);
        assertTrue(out.contains("Verified OK"), out);
    }

    @Test
    void checkpointsChainByTheDigestOfTheStatementBefore() {
        CheckpointChain chain = new CheckpointChain(signer, 1);
        Checkpoint first = new Checkpoint(1, 1, 1, Checkpoint.FIRST, "node-a", 1, List.of(SegmentHead.empty(5, 1)));
        Checkpoint second = new Checkpoint(1, 2, 2, Checkpoint.digest(first.statement()), "node-b", 1,
                List.of(new SegmentHead(5, 1, 3, "aa".repeat(32))));
        assertTrue(chain.accept(stored(first)));
        assertTrue(chain.accept(stored(second)));
        assertTrue(chain.isRegistered(5));
        assertEquals(3, chain.highestAttested(5));
        CheckpointChain broken = new CheckpointChain(signer, 1);
        assertTrue(broken.accept(stored(first)));
        Checkpoint unlinked = new Checkpoint(1, 2, 2, Checkpoint.FIRST, "node-b", 1, List.of());
        assertFalse(broken.accept(stored(unlinked)));
        assertTrue(broken.problem().contains("does not follow"), broken.problem());
        CheckpointChain gap = new CheckpointChain(signer, 1);
        assertFalse(gap.accept(stored(second)));
        assertTrue(gap.problem().contains("checkpoint 1 is missing"), gap.problem());
    }

    private AuditTable.StoredCheckpoint stored(Checkpoint c) {
        return new AuditTable.StoredCheckpoint(c.tenantId(), c.number(), c.statement(), signer.sign(c.statement()));
    }
}
