package org.selfkms.client.envelope;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * Passes bytes on in whole blocks only (the rest on close). A message's frames are a frame length plus 21 bytes
 * long; written to a file as they are, every write ends inside a page, which on ext4 cost a third of the
 * throughput of encryptFile (docs/performance.md, "Client library"). One copy per block is cheaper.
 */
final class BlockAlignedOutputStream extends FilterOutputStream {

    static final int BLOCK = 64 * 1024;

    private final byte[] block = new byte[BLOCK];
    private int used;
    private boolean closed;

    BlockAlignedOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        while (length > 0) {
            int n = Math.min(length, BLOCK - used);
            System.arraycopy(bytes, offset, block, used, n);
            used += n;
            offset += n;
            length -= n;
            if (used == BLOCK) {
                out.write(block, 0, BLOCK);
                used = 0;
            }
        }
    }

    /** Keeps a partial block: flushing it would misalign every write after it. */
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
        OutputStream target = out;
        try (target) {
            target.write(block, 0, used);
        }
    }
}
