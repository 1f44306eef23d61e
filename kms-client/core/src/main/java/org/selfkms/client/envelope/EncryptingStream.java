package org.selfkms.client.envelope;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a message's frames as the plaintext arrives (docs/client-format.md, "Frames"): a regular frame as soon
 * as a frame's worth of plaintext is buffered, the final frame on {@link #close()}. Holds one frame of
 * plaintext and one of ciphertext, whatever the message's length. The header is written by the caller first.
 */
final class EncryptingStream extends ChunkingOutputStream {

    /** Type, sequence number and, for the final frame, its length. */
    static final int FRAME_PREFIX_MAX = 1 + 4 + 4;
    static final long MAX_FRAMES = 0xFFFF_FFFFL;

    private final OutputStream out;
    private final FrameCipher cipher;
    private final byte[] frame;
    private final long declaredLength;
    private long sequence = 1;
    private long written;
    private boolean closed;
    private boolean failed;

    /** @param declaredLength the plaintext's length when the caller declared it, -1 otherwise */
    EncryptingStream(OutputStream out, FrameCipher cipher, int frameLength, long declaredLength) {
        super(frameLength);
        this.out = out;
        this.cipher = cipher;
        this.frame = new byte[FRAME_PREFIX_MAX + frameLength + FrameCipher.TAG_LENGTH];
        this.declaredLength = declaredLength;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (closed) {
            throw new IOException("The encrypting stream is closed");
        }
        if (declaredLength >= 0 && written + length > declaredLength) {
            failed = true;
            throw new IllegalStateException("More plaintext than the " + declaredLength + " bytes declared");
        }
        written += length;
        super.write(bytes, offset, length);
    }

    @Override
    void onChunk(byte[] bytes, int offset, int length) throws IOException {
        writeFrame(FrameCipher.TYPE_REGULAR, bytes, offset, length);
    }

    /** Passes flush on; plaintext short of a frame stays buffered (a frame is written only when full or final). */
    @Override
    public void flush() throws IOException {
        out.flush();
    }

    /** Writes the final frame, then closes the underlying stream. Without it the message cannot be decrypted. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (out) {
            if (failed) {
                return;
            }
            if (declaredLength >= 0 && written != declaredLength) {
                throw new IllegalStateException(written + " bytes of plaintext written, " + declaredLength
                        + " declared: the message is left without its final frame");
            }
            writeFrame(FrameCipher.TYPE_FINAL, pending(), 0, pendingLength());
        } finally {
            wipe();
        }
    }

    private void writeFrame(byte type, byte[] source, int offset, int length) throws IOException {
        if (sequence > MAX_FRAMES) {
            failed = true;
            throw new IllegalStateException("A message holds at most " + MAX_FRAMES + " frames; use a larger frame length");
        }
        int i = 0;
        frame[i++] = type;
        i = putUint32(frame, i, sequence);
        if (type == FrameCipher.TYPE_FINAL) {
            i = putUint32(frame, i, length);
        }
        try {
            i += cipher.seal(type, sequence, source, offset, length, frame, i);
            out.write(frame, 0, i);
        } catch (IOException | RuntimeException e) {
            failed = true;
            throw e;
        }
        sequence++;
    }

    static int putUint32(byte[] bytes, int offset, long value) {
        bytes[offset] = (byte) (value >>> 24);
        bytes[offset + 1] = (byte) (value >>> 16);
        bytes[offset + 2] = (byte) (value >>> 8);
        bytes[offset + 3] = (byte) value;
        return offset + 4;
    }

    /** For the structural test: the bytes this stream holds, fixed at construction. */
    int bufferedCapacity() {
        return chunkLength() + frame.length;
    }

    @Override
    public String toString() {
        return "EncryptingStream[frame " + sequence + "]";
    }
}
