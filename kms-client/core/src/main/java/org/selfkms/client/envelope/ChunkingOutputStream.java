package org.selfkms.client.envelope;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * Cuts what is written into chunks of one fixed length and hands each on as soon as it is complete: straight
 * from the caller's array when a whole chunk is there, else through one chunk-sized buffer. The rest, shorter
 * than a chunk, waits for {@link #pending()} at the end. Memory: one chunk, whatever is written.
 */
abstract class ChunkingOutputStream extends OutputStream {

    private final byte[] chunk;
    private int used;

    ChunkingOutputStream(int chunkLength) {
        this.chunk = new byte[chunkLength];
    }

    /** One complete chunk: {@code length} is always the chunk length. */
    abstract void onChunk(byte[] bytes, int offset, int length) throws IOException;

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        while (length > 0) {
            if (used == 0 && length >= chunk.length) {
                onChunk(bytes, offset, chunk.length);
                offset += chunk.length;
                length -= chunk.length;
                continue;
            }
            int n = Math.min(length, chunk.length - used);
            System.arraycopy(bytes, offset, chunk, used, n);
            used += n;
            offset += n;
            length -= n;
            if (used == chunk.length) {
                used = 0;
                onChunk(chunk, 0, chunk.length);
            }
        }
    }

    /** The buffer holding the bytes short of a chunk, {@link #pendingLength()} of them from offset 0. */
    final byte[] pending() {
        return chunk;
    }

    final int pendingLength() {
        return used;
    }

    final int chunkLength() {
        return chunk.length;
    }

    /** Overwrites the buffer (it may have held plaintext). */
    final void wipe() {
        Arrays.fill(chunk, (byte) 0);
        used = 0;
    }
}
