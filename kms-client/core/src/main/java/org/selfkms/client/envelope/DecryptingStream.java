package org.selfkms.client.envelope;

import org.selfkms.client.EncryptionContext;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * The plaintext of a message whose header has been verified, read frame by frame: a frame's plaintext is
 * released only after its tag verified, and the end of the message is reported only after its final frame
 * verified and nothing follows it. A truncated, reordered or extended message throws
 * {@link MessageAuthenticationException} from {@code read} - never a clean end of stream. Holds one frame,
 * whatever the message's length. {@link #close()} closes the underlying stream.
 */
public final class DecryptingStream extends InputStream {

    private final InputStream in;
    private final FrameCipher cipher;
    private final MessageInfo info;
    private final int frameLength;
    private final byte[] frame;
    private final byte[] prefix = new byte[EncryptingStream.FRAME_PREFIX_MAX];
    private int position;
    private int limit;
    private long sequence = 1;
    private boolean finalFrameRead;
    private boolean closed;
    private boolean failed;

    DecryptingStream(InputStream in, FrameCipher cipher, MessageInfo info, int frameLength) {
        this.in = in;
        this.cipher = cipher;
        this.info = info;
        this.frameLength = frameLength;
        this.frame = new byte[frameLength + FrameCipher.TAG_LENGTH];
    }

    public MessageInfo info() {
        return info;
    }

    public String keyId() {
        return info.keyId();
    }

    public EncryptionContext context() {
        return info.context();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        if (closed) {
            throw new IOException("The decrypting stream is closed");
        }
        if (length == 0) {
            return 0;
        }
        if (failed) {
            throw new MessageAuthenticationException("The message already failed verification; nothing more is read from it");
        }
        while (position == limit) {
            if (finalFrameRead) {
                return -1;
            }
            try {
                readFrame();
            } catch (RuntimeException | IOException e) {
                failed = true;
                throw e;
            }
        }
        int n = Math.min(length, limit - position);
        System.arraycopy(frame, position, bytes, offset, n);
        position += n;
        return n;
    }

    @Override
    public int available() {
        return limit - position;
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            Arrays.fill(frame, (byte) 0);
            in.close();
        }
    }

    private void readFrame() throws IOException {
        readFully(prefix, 5, "before its final frame");
        byte type = prefix[0];
        long seq = uint32(prefix, 1);
        if (type != FrameCipher.TYPE_REGULAR && type != FrameCipher.TYPE_FINAL) {
            throw new MessageAuthenticationException("Frame " + sequence + " has an unknown type: the message was altered");
        }
        if (seq != sequence) {
            throw new MessageAuthenticationException("Frame " + seq + " where frame " + sequence
                    + " belongs: frames are missing, reordered or repeated");
        }
        int length = frameLength;
        if (type == FrameCipher.TYPE_FINAL) {
            readFully(prefix, 4, "inside its final frame");
            long declared = uint32(prefix, 0);
            if (declared > frameLength) {
                throw new MessageAuthenticationException("The final frame claims " + declared
                        + " bytes, more than a frame holds: the message was altered");
            }
            length = (int) declared;
        }
        readFully(frame, length + FrameCipher.TAG_LENGTH, "inside frame " + sequence);
        int plaintextLength = cipher.open(type, sequence, frame, length);
        if (type == FrameCipher.TYPE_FINAL) {
            if (in.read() >= 0) {
                Arrays.fill(frame, (byte) 0);
                throw new MessageAuthenticationException("Bytes follow the message's final frame");
            }
            finalFrameRead = true;
        } else if (sequence == EncryptingStream.MAX_FRAMES) {
            throw new MessageAuthenticationException("The message goes on past its last possible frame");
        }
        sequence++;
        position = 0;
        limit = plaintextLength;
    }

    private void readFully(byte[] into, int n, String where) throws IOException {
        if (in.readNBytes(into, 0, n) < n) {
            throw new MessageAuthenticationException("The message is truncated: it ends " + where);
        }
    }

    private static long uint32(byte[] bytes, int offset) {
        return (bytes[offset] & 0xFFL) << 24 | (bytes[offset + 1] & 0xFF) << 16
                | (bytes[offset + 2] & 0xFF) << 8 | (bytes[offset + 3] & 0xFF);
    }

    /** The message's frame length: the most one read answers. */
    int frameLength() {
        return frameLength;
    }

    /** For the structural test: the bytes this stream holds, fixed at construction. */
    int bufferedCapacity() {
        return frame.length + prefix.length;
    }

    @Override
    public String toString() {
        return "DecryptingStream[" + info.keyId() + ", frame " + sequence + "]";
    }
}
