package org.selfkms.client.envelope;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selfkms.client.EncryptionContext;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.selfkms.client.envelope.EnvelopeEncryptionTest.CONTEXT;
import static org.selfkms.client.envelope.EnvelopeEncryptionTest.FRAME;
import static org.selfkms.client.envelope.EnvelopeEncryptionTest.headerLength;
import static org.selfkms.client.envelope.EnvelopeEncryptionTest.plaintext;
import static org.selfkms.client.envelope.EnvelopeEncryptionTest.regularFrameLength;

/** Streams hold one frame and release only verified plaintext; files appear only when complete. */
class StreamsAndFilesTest {

    final FakeKms kms = new FakeKms();
    final EnvelopeEncryption envelope = EnvelopeEncryption.builder(kms).keyRef("key-1").frameLength(FRAME).build();

    @Test
    void theEncryptingStreamWritesAFrameAsSoonAsItIsFull() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OutputStream encrypting = envelope.encryptingStream(out, CONTEXT);
        int header = out.size();

        encrypting.write(plaintext(FRAME - 1));
        assertEquals(header, out.size(), "less than a frame stays buffered");
        encrypting.write(new byte[2]);
        assertEquals(header + regularFrameLength(), out.size());
        encrypting.close();
        assertEquals(header + regularFrameLength() + 9 + 1 + FrameCipher.TAG_LENGTH, out.size(), "the final frame on close");
    }

    /** The structural bound behind "constant memory": what the streams hold is fixed when they are made. */
    @Test
    void bothStreamsHoldOneFrameWhateverTheMessagesLength() throws IOException {
        EncryptingStream encrypting = (EncryptingStream) envelope.encryptingStream(OutputStream.nullOutputStream(), CONTEXT);
        int capacity = encrypting.bufferedCapacity();
        for (int i = 0; i < 10_000; i++) {
            encrypting.write(plaintext(37));
        }
        assertEquals(capacity, encrypting.bufferedCapacity());
        assertTrue(capacity <= 2 * FRAME + 9 + FrameCipher.TAG_LENGTH, "a frame of plaintext and one of ciphertext");
        encrypting.close();
        byte[] message = envelope.encrypt(plaintext(10_000 * 37), CONTEXT);
        DecryptingStream decrypting = envelope.decryptingStream(new ByteArrayInputStream(message));
        assertTrue(decrypting.bufferedCapacity() <= FRAME + 9 + FrameCipher.TAG_LENGTH);
    }

    /** At every point, the decrypting stream has read at most one frame beyond the plaintext it released. */
    @Test
    void theDecryptingStreamReadsAheadAtMostOneFrame() throws IOException {
        byte[] message = envelope.encrypt(plaintext(50 * FRAME + 30), CONTEXT);
        CountingInputStream source = new CountingInputStream(new ByteArrayInputStream(message));
        DecryptingStream decrypting = envelope.decryptingStream(source);
        int header = headerLength(message);
        assertEquals(header, source.count, "the header, nothing more, before the first read");

        long released = 0;
        byte[] buffer = new byte[7];
        for (int n; (n = decrypting.read(buffer)) >= 0; ) {
            released += n;
            long framesStarted = (released + FRAME - 1) / FRAME;
            assertTrue(source.count <= header + (framesStarted + 1) * (regularFrameLength() + 4L),
                    released + " bytes released, " + source.count + " read");
        }
        assertEquals(50L * FRAME + 30, released);
    }

    @Test
    void aFrameThatFailsReleasesNoneOfItsBytes() throws IOException {
        byte[] message = envelope.encrypt(plaintext(3 * FRAME), CONTEXT);
        message[headerLength(message) + 2 * regularFrameLength() - 1] ^= 1; // the second frame's tag
        DecryptingStream decrypting = envelope.decryptingStream(new ByteArrayInputStream(message));

        byte[] released = new byte[3 * FRAME];
        int n = 0;
        try {
            for (int b; (b = decrypting.read()) >= 0; ) {
                released[n++] = (byte) b;
            }
        } catch (MessageAuthenticationException expected) {
            assertEquals("Frame 2 does not verify: the message was altered", expected.getMessage());
        }
        assertEquals(FRAME, n, "exactly the first frame");
        assertArrayEquals(Arrays.copyOf(plaintext(3 * FRAME), FRAME), Arrays.copyOf(released, n));
        assertThrows(MessageAuthenticationException.class, decrypting::read, "and nothing after it");
    }

    @Test
    void aTruncatedStreamNeverEndsCleanly() throws IOException {
        byte[] message = envelope.encrypt(plaintext(2 * FRAME + 1), CONTEXT);
        byte[] cut = Arrays.copyOf(message, headerLength(message) + 2 * regularFrameLength());
        DecryptingStream decrypting = envelope.decryptingStream(new ByteArrayInputStream(cut));

        assertThrows(MessageAuthenticationException.class, decrypting::readAllBytes);
    }

    @Test
    void aDeclaredLengthIsHeldTo() throws IOException {
        OutputStream tooMuch = envelope.encryptingStream(new ByteArrayOutputStream(), CONTEXT, 10);
        assertThrows(IllegalStateException.class, () -> tooMuch.write(new byte[11]));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OutputStream tooLittle = envelope.encryptingStream(out, CONTEXT, 10);
        tooLittle.write(new byte[9]);
        assertThrows(IllegalStateException.class, tooLittle::close);
        assertThrows(MessageAuthenticationException.class, () -> envelope.decrypt(out.toByteArray()),
                "left without its final frame");

        ByteArrayOutputStream exact = new ByteArrayOutputStream();
        try (OutputStream encrypting = envelope.encryptingStream(exact, CONTEXT, 10)) {
            encrypting.write(plaintext(10));
        }
        assertArrayEquals(plaintext(10), envelope.decrypt(exact.toByteArray()).plaintext());
    }

    @Test
    void filesRoundTripAndTakeTheirPlaceOnlyWhenComplete(@TempDir Path directory) throws IOException {
        Path plain = directory.resolve("report.csv");
        Path encrypted = directory.resolve("report.csv.kms");
        Path decrypted = directory.resolve("report-again.csv");
        Files.write(plain, plaintext(25 * FRAME + 3));

        envelope.encryptFile(plain, encrypted, CONTEXT);
        MessageInfo info = envelope.decryptFile(encrypted, decrypted, CONTEXT);

        assertArrayEquals(Files.readAllBytes(plain), Files.readAllBytes(decrypted));
        assertEquals(new MessageInfo("key-1", CONTEXT), info);
        assertEquals(List.of("report-again.csv", "report.csv", "report.csv.kms"), names(directory));
    }

    @Test
    void aFailedDecryptionLeavesNothingAndKeepsAnExistingFile(@TempDir Path directory) throws IOException {
        Path plain = directory.resolve("a");
        Path encrypted = directory.resolve("a.kms");
        Path out = directory.resolve("b");
        Files.write(plain, plaintext(5 * FRAME));
        envelope.encryptFile(plain, encrypted, CONTEXT);
        byte[] altered = Files.readAllBytes(encrypted);
        altered[altered.length - 1] ^= 1;
        Files.write(encrypted, altered);

        assertThrows(MessageAuthenticationException.class, () -> envelope.decryptFile(encrypted, out));
        assertEquals(List.of("a", "a.kms"), names(directory));

        Files.writeString(out, "before");
        assertThrows(MessageAuthenticationException.class, () -> envelope.decryptFile(encrypted, out));
        assertEquals("before", Files.readString(out));
        assertEquals(List.of("a", "a.kms", "b"), names(directory));
    }

    @Test
    void aFailedEncryptionLeavesNothing(@TempDir Path directory) throws IOException {
        Path plain = directory.resolve("a");
        Files.write(plain, plaintext(10));
        kms.disable("key-1");

        assertThrows(org.selfkms.client.KmsRequestException.class,
                () -> envelope.encryptFile(plain, directory.resolve("a.kms"), EncryptionContext.empty()));
        assertEquals(List.of("a"), names(directory));
    }

    @Test
    void encryptFileWritesInWholeBlocksButTheLast() throws IOException {
        List<Integer> writes = new java.util.ArrayList<>();
        OutputStream recording = new OutputStream() {
            @Override
            public void write(int b) {
                writes.add(1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                writes.add(length);
            }
        };
        byte[] message = EnvelopeEncryption.builder(kms).keyRef("key-1").build().encrypt(plaintext(300_000), CONTEXT);
        try (OutputStream aligned = new BlockAlignedOutputStream(recording)) {
            for (int at = 0; at < message.length; at += 65_557) {
                aligned.write(message, at, Math.min(65_557, message.length - at));
            }
        }
        assertEquals(message.length / BlockAlignedOutputStream.BLOCK + 1, writes.size());
        assertTrue(writes.subList(0, writes.size() - 1).stream().allMatch(n -> n == BlockAlignedOutputStream.BLOCK));
        assertEquals(message.length % BlockAlignedOutputStream.BLOCK, writes.get(writes.size() - 1));
    }

    private static List<String> names(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    private static final class CountingInputStream extends FilterInputStream {
        long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            int n = super.read(bytes, offset, length);
            count += Math.max(n, 0);
            return n;
        }
    }
}
