package org.selfkms.client.envelope;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Passes bytes on in whole blocks only (the rest on close). A message's frames are a frame length plus 21 bytes
 * long; written to a file as they are, every write ends inside a page, which on ext4 cost a third of the
 * throughput of encryptFile (docs/performance.md, "Client library"). One copy per block is cheaper.
 */
final class BlockAlignedOutputStream extends ChunkingOutputStream {

    static final int BLOCK = 64 * 1024;

    private final OutputStream out;
    private boolean closed;

    BlockAlignedOutputStream(OutputStream out) {
        super(BLOCK);
        this.out = out;
    }

    @Override
    void onChunk(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
    }

    /** Keeps a partial block: writing it now would misalign every write after it. */
    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (out) {
            out.write(pending(), 0, pendingLength());
        }
    }
}
