package org.selfkms.cli.crypto;

import org.selfkms.client.EncryptionContext;
import org.selfkms.client.RestV1Kms;
import org.selfkms.client.RestV1Session;
import org.selfkms.client.envelope.DecryptingStream;
import org.selfkms.client.envelope.EnvelopeEncryption;
import org.selfkms.client.envelope.MessageInfo;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Files through the envelope-encryption library (docs/client-format.md): one data key per file from the server,
 * the data encrypted here, so a file of any size costs one request. File to file goes through the library's
 * encryptFile/decryptFile, which write beside the target and move it into place only when complete and verified;
 * standard input and output are streamed.
 */
final class Envelopes {

    private final EnvelopeEncryption envelope;

    private Envelopes(EnvelopeEncryption envelope) {
        this.envelope = envelope;
    }

    static Envelopes encryptingUnder(RestV1Session server, String keyRef) {
        return new Envelopes(EnvelopeEncryption.builder(new RestV1Kms(server)).keyRef(keyRef).build());
    }

    static Envelopes decrypting(RestV1Session server) {
        return new Envelopes(EnvelopeEncryption.builder(new RestV1Kms(server)).build());
    }

    /** @param in a file or {@code -}; @param out a file or {@code -} */
    void encrypt(String in, String out, EncryptionContext context, InputStream stdin, OutputStream stdout) {
        try {
            if (!LocalFiles.isStandardStream(in) && !LocalFiles.isStandardStream(out)) {
                envelope.encryptFile(Path.of(in), Path.of(out), context);
                return;
            }
            try (InputStream plaintext = LocalFiles.isStandardStream(in) ? stdin : Files.newInputStream(Path.of(in));
                 OutputStream target = LocalFiles.isStandardStream(out) ? keptOpen(stdout) : Files.newOutputStream(Path.of(out));
                 OutputStream message = envelope.encryptingStream(target, context)) {
                plaintext.transferTo(message);
            } catch (RuntimeException | IOException e) {
                // a message cut short cannot be decrypted: leave none behind
                if (!LocalFiles.isStandardStream(out)) {
                    Files.deleteIfExists(Path.of(out));
                }
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    /**
     * @param message  the message, read to its end
     * @param out      a file or {@code -}
     * @param expected null accepts whatever context the message carries
     */
    MessageInfo decrypt(InputStream message, String out, EncryptionContext expected, OutputStream stdout) {
        try (message) {
            if (LocalFiles.isStandardStream(out)) {
                try (DecryptingStream plaintext = envelope.decryptingStream(message, expected)) {
                    plaintext.transferTo(stdout);
                    stdout.flush();
                    return plaintext.info();
                }
            }
            // spooled first and decrypted by the library's decryptFile, so that the plaintext file appears only once
            // the whole message verified
            Path spool = Files.createTempFile(Path.of(out).toAbsolutePath().getParent(), ".kmsctl-", ".message");
            try {
                Files.copy(message, spool, StandardCopyOption.REPLACE_EXISTING);
                return envelope.decryptFile(spool, Path.of(out), expected);
            } finally {
                Files.deleteIfExists(spool);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    /** Standard output stays open for whatever follows: closing the message closes what it writes to. */
    private static OutputStream keptOpen(OutputStream stdout) {
        return new FilterOutputStream(stdout) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.write(bytes, offset, length);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
