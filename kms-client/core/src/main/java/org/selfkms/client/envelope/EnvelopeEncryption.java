package org.selfkms.client.envelope;

import org.selfkms.client.EncryptionContext;
import org.selfkms.client.Kms;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Envelope encryption under a key of the server (docs/clients.md, "The envelope-encryption library"): each
 * message gets a data key from the KMS ({@link Kms#generateDataKey}, or the {@link DataKeyCache}), its data is
 * encrypted locally with AES-256-GCM in frames, and the message carries the KMS-wrapped data key, so that
 * decrypting needs only the message and access to the KMS key. Format: docs/client-format.md.
 *
 * <p>The encryption context is bound twice: the KMS binds it into the wrapped data key (it refuses to unwrap it
 * under another context), and the header tag binds it into the message.
 *
 * <p>Errors of the message are {@link MessageFormatException} and {@link MessageAuthenticationException}, thrown
 * as they are (unchecked) also from the streams' {@code read}, {@code write} and {@code close}: a forged or
 * damaged message must not pass for an I/O hiccup. {@link java.io.IOException} means the underlying streams or
 * files failed. Immutable and thread-safe.
 */
public final class EnvelopeEncryption {

    public static final int DEFAULT_FRAME_LENGTH = 64 * 1024;
    private static final int DATA_KEY_LENGTH = 32;

    private final Kms kms;
    private final String keyRef;
    private final DataKeyCache cache;
    private final int frameLength;
    private final Supplier<byte[]> messageIds;

    private EnvelopeEncryption(Builder builder) {
        this.kms = builder.kms;
        this.keyRef = builder.keyRef;
        this.cache = builder.cache;
        this.frameLength = builder.frameLength;
        this.messageIds = builder.messageIds;
    }

    public static Builder builder(Kms kms) {
        return new Builder(kms);
    }

    public static final class Builder {
        private final Kms kms;
        private String keyRef;
        private DataKeyCache cache;
        private int frameLength = DEFAULT_FRAME_LENGTH;
        private Supplier<byte[]> messageIds = Builder::randomMessageId;

        private Builder(Kms kms) {
            this.kms = Objects.requireNonNull(kms, "kms");
        }

        /** The KMS key new messages are encrypted under (key id or alias); not needed to decrypt. */
        public Builder keyRef(String keyRef) {
            if (keyRef == null || keyRef.isBlank()) {
                throw new IllegalArgumentException("The key reference is empty");
            }
            this.keyRef = keyRef;
            return this;
        }

        /** Reuse data keys within the cache's limits; without one, every message costs one KMS call. */
        public Builder dataKeyCache(DataKeyCache cache) {
            this.cache = Objects.requireNonNull(cache, "cache");
            return this;
        }

        /** The plaintext bytes per frame of new messages: 1 byte to 16 MiB, 64 KiB by default. */
        public Builder frameLength(int bytes) {
            if (bytes < 1 || bytes > MessageHeader.MAX_FRAME_LENGTH) {
                throw new IllegalArgumentException("The frame length must be 1.." + MessageHeader.MAX_FRAME_LENGTH + " bytes");
            }
            this.frameLength = bytes;
            return this;
        }

        /** For the test vectors: message ids from the caller instead of a SecureRandom. */
        Builder messageIds(Supplier<byte[]> messageIds) {
            this.messageIds = messageIds;
            return this;
        }

        public EnvelopeEncryption build() {
            return new EnvelopeEncryption(this);
        }

        private static final SecureRandom RANDOM = new SecureRandom();

        private static byte[] randomMessageId() {
            byte[] id = new byte[MessageHeader.MESSAGE_ID_LENGTH];
            RANDOM.nextBytes(id);
            return id;
        }
    }

    public byte[] encrypt(byte[] plaintext, EncryptionContext context) {
        int frames = plaintext.length / frameLength + 1;
        ByteArrayOutputStream message = new ByteArrayOutputStream(plaintext.length + 512 + frames * 25);
        try (OutputStream encrypting = encryptingStream(message, context, plaintext.length)) {
            encrypting.write(plaintext);
        } catch (IOException e) {
            throw new UncheckedIOException("A byte array stream cannot fail", e);
        }
        return message.toByteArray();
    }

    public DecryptedMessage decrypt(byte[] message) {
        return decrypt(message, null);
    }

    /** Decrypts a message whose encryption context must be exactly {@code expected}. */
    public DecryptedMessage decrypt(byte[] message, EncryptionContext expected) {
        try (DecryptingStream plaintext = decryptingStream(new ByteArrayInputStream(message), expected)) {
            return new DecryptedMessage(plaintext.readAllBytes(), plaintext.keyId(), plaintext.context());
        } catch (IOException e) {
            throw new UncheckedIOException("A byte array stream cannot fail", e);
        }
    }

    /**
     * A stream that encrypts what is written to it into {@code out}: the header now, frames as they fill, the
     * final frame on {@code close()} (which also closes {@code out}). A message not closed cannot be decrypted.
     */
    public OutputStream encryptingStream(OutputStream out, EncryptionContext context) throws IOException {
        return open(out, context, -1);
    }

    /**
     * Like {@link #encryptingStream(OutputStream, EncryptionContext)} for exactly {@code plaintextLength} bytes
     * (more is refused, fewer leave the message unfinished), which lets the {@link DataKeyCache} count them upfront.
     */
    public OutputStream encryptingStream(OutputStream out, EncryptionContext context, long plaintextLength) throws IOException {
        if (plaintextLength < 0) {
            throw new IllegalArgumentException("A declared plaintext length cannot be negative");
        }
        return open(out, context, plaintextLength);
    }

    /** Reads and verifies the message's header now (one KMS call); the plaintext follows frame by frame. */
    public DecryptingStream decryptingStream(InputStream in) throws IOException {
        return decryptingStream(in, null);
    }

    /** Like {@link #decryptingStream(InputStream)}, refusing a message whose context is not exactly {@code expected}. */
    public DecryptingStream decryptingStream(InputStream in, EncryptionContext expected) throws IOException {
        MessageHeader.Read read = MessageHeader.read(in);
        MessageHeader header = read.header();
        if (expected != null && !expected.equals(header.context())) {
            throw new MessageAuthenticationException("The message's encryption context is not the one expected");
        }
        Kms.Plaintext dataKey = cache == null
                ? kms.decrypt(header.wrappedDataKey(), header.context())
                : cache.forDecryption(kms, header.wrappedDataKey(), header.context(),
                        () -> kms.decrypt(header.wrappedDataKey(), header.context()));
        FrameCipher cipher;
        try {
            if (!header.keyId().equals(dataKey.keyId())) {
                throw new MessageAuthenticationException("The message names key " + header.keyId()
                        + " but its data key is under " + dataKey.keyId());
            }
            cipher = FrameCipher.forMessage(dataKey.plaintext(), header.messageId());
        } finally {
            Arrays.fill(dataKey.plaintext(), (byte) 0);
        }
        cipher.verifyHeaderTag(read.encoded(), read.tag());
        return new DecryptingStream(in, cipher, new MessageInfo(header.keyId(), header.context()), header.frameLength());
    }

    /**
     * Encrypts the file {@code in} into {@code out}, through a temporary file beside {@code out} that replaces it
     * only when complete; on failure nothing is left behind.
     */
    public void encryptFile(Path in, Path out, EncryptionContext context) throws IOException {
        long length = Files.size(in);
        writeBeside(out, temporary -> {
            try (InputStream plaintext = Files.newInputStream(in);
                 OutputStream file = new BlockAlignedOutputStream(Files.newOutputStream(temporary));
                 OutputStream message = encryptingStream(file, context, length)) {
                copy(plaintext, message, frameLength);
            }
            return null;
        });
    }

    /**
     * Decrypts the file {@code in} into {@code out}, through a temporary file beside {@code out} (readable by its
     * owner only) that replaces it only when the whole message verified; on failure nothing is left behind.
     */
    public MessageInfo decryptFile(Path in, Path out) throws IOException {
        return decryptFile(in, out, null);
    }

    public MessageInfo decryptFile(Path in, Path out, EncryptionContext expected) throws IOException {
        return writeBeside(out, temporary -> {
            try (InputStream message = Files.newInputStream(in);
                 DecryptingStream plaintext = decryptingStream(message, expected);
                 OutputStream file = Files.newOutputStream(temporary)) {
                copy(plaintext, file, plaintext.frameLength());
                return plaintext.info();
            }
        });
    }

    /** In frame-sized pieces: a write of a whole frame is encrypted without a copy, one system call per frame. */
    private static void copy(InputStream in, OutputStream out, int bufferLength) throws IOException {
        byte[] buffer = new byte[bufferLength];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            out.write(buffer, 0, n);
        }
    }

    private OutputStream open(OutputStream out, EncryptionContext context, long plaintextLength) throws IOException {
        Objects.requireNonNull(context, "context");
        if (keyRef == null) {
            throw new IllegalStateException("This EnvelopeEncryption was built without a key reference: it only decrypts");
        }
        Kms.DataKey dataKey = cache == null
                ? generateDataKey(context)
                : cache.forEncryption(kms, keyRef, context, plaintextLength, () -> generateDataKey(context));
        byte[] messageId = messageIds.get();
        FrameCipher cipher;
        byte[] header;
        try {
            header = new MessageHeader(messageId, frameLength, dataKey.keyId(), dataKey.ciphertextBlob(), context).encode();
            cipher = FrameCipher.forMessage(dataKey.plaintext(), messageId);
        } finally {
            Arrays.fill(dataKey.plaintext(), (byte) 0);
        }
        out.write(header);
        out.write(cipher.headerTag(header));
        return new EncryptingStream(out, cipher, frameLength, plaintextLength);
    }

    private Kms.DataKey generateDataKey(EncryptionContext context) {
        return kms.generateDataKey(keyRef, DATA_KEY_LENGTH, context);
    }

    private interface FileWriting<T> {
        T writeTo(Path temporary) throws IOException;
    }

    private static <T> T writeBeside(Path out, FileWriting<T> writing) throws IOException {
        Path target = out.toAbsolutePath();
        Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".partial");
        try {
            T result = writing.writeTo(temporary);
            try {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return result;
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    @Override
    public String toString() {
        return "EnvelopeEncryption[" + (keyRef == null ? "decrypt only" : keyRef) + ", frames of " + frameLength
                + " bytes" + (cache == null ? "" : ", " + cache) + "]";
    }
}
