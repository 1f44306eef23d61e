package org.selfkms.audit;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * Append-only files of chained audit records, one frame per batch: {@code [payload length][CRC32C][payload]}. A
 * frame is complete once {@link #append} returns - in the operating system's cache, which a killed server process
 * does not lose (the same durability as the embedded H2 with WRITE_DELAY=0, which does not sync either). A frame cut
 * short by a crash, or damaged, ends the file for {@link #read}: everything after it was never acknowledged.
 *
 * <p>Files are named {@code journal-<start millis>-<number>.log} so that they sort in the order they were written;
 * the writer moves to a new file whenever it hands the records of the current one to the database.
 */
final class AuditJournal implements AutoCloseable {

    private static final int MAX_FRAME = 64 * 1024 * 1024;

    private final Path directory;
    private final String prefix;
    private long fileNumber;
    private Path current;
    private FileChannel channel;

    AuditJournal(Path directory, long startMillis) throws IOException {
        this.directory = directory;
        this.prefix = "journal-" + startMillis + "-";
        Files.createDirectories(directory);
        openNext();
    }

    /** The files a previous run left, oldest first. */
    static List<Path> leftovers(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().matches("journal-\\d+-\\d+\\.log"))
                    .sorted((a, b) -> compareNames(a.getFileName().toString(), b.getFileName().toString())).toList();
        }
    }

    private static int compareNames(String a, String b) {
        String[] x = a.substring(8, a.length() - 4).split("-");
        String[] y = b.substring(8, b.length() - 4).split("-");
        int byStart = Long.compare(Long.parseLong(x[0]), Long.parseLong(y[0]));
        return byStart != 0 ? byStart : Long.compare(Long.parseLong(x[1]), Long.parseLong(y[1]));
    }

    Path currentFile() {
        return current;
    }

    /** Appends one frame; on failure the file is cut back to where it was, so no partial frame stays. */
    void append(List<ChainedRecord> records) throws IOException {
        byte[] payload = encode(records);
        CRC32C crc = new CRC32C();
        crc.update(payload);
        ByteBuffer frame = ByteBuffer.allocate(8 + payload.length);
        frame.putInt(payload.length).putInt((int) crc.getValue()).put(payload).flip();
        long start = channel.position();
        try {
            while (frame.hasRemaining()) {
                channel.write(frame);
            }
        } catch (IOException e) {
            try {
                channel.truncate(start);
                channel.position(start);
            } catch (IOException ignored) {
                // the frame stays cut short; read() stops before it, and nothing after it is acknowledged either
            }
            throw e;
        }
    }

    /** Closes the current file and starts the next; returns the closed one. */
    Path rotate() throws IOException {
        Path closed = current;
        channel.close();
        openNext();
        return closed;
    }

    private void openNext() throws IOException {
        fileNumber++;
        current = directory.resolve(prefix + fileNumber + ".log");
        channel = FileChannel.open(current, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            Files.setPosixFilePermissions(current, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // the data directory's own permissions protect it
        }
    }

    /** The complete frames of a file, in order; stops at the first incomplete or damaged one. */
    static List<ChainedRecord> read(Path file) throws IOException {
        List<ChainedRecord> records = new ArrayList<>();
        try (InputStream raw = Files.newInputStream(file); DataInputStream in = new DataInputStream(raw)) {
            while (true) {
                int length;
                int crc;
                try {
                    length = in.readInt();
                    crc = in.readInt();
                } catch (EOFException end) {
                    return records;
                }
                if (length < 0 || length > MAX_FRAME) {
                    return records;
                }
                byte[] payload = in.readNBytes(length);
                CRC32C check = new CRC32C();
                check.update(payload);
                if (payload.length != length || (int) check.getValue() != crc) {
                    return records;
                }
                records.addAll(decode(payload));
            }
        }
    }

    static byte[] encode(List<ChainedRecord> records) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(records.size() * 256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(records.size());
            for (ChainedRecord r : records) {
                out.writeLong(r.segmentId());
                out.writeLong(r.tenantId());
                out.writeLong(r.sequence());
                out.writeLong(r.time());
                out.writeInt(r.keyVersion());
                for (String s : new String[] {r.door(), r.principal(), r.action(), r.keyId(), r.requestId(),
                        r.sourceAddress(), r.outcome(), r.errorCode(), r.previousHash(), r.recordHash()}) {
                    AuditChain.writeString(out, s);
                }
            }
        }
        return bytes.toByteArray();
    }

    private static List<ChainedRecord> decode(byte[] payload) throws IOException {
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(payload))) {
            int count = in.readInt();
            List<ChainedRecord> records = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                long segment = in.readLong();
                long tenant = in.readLong();
                long sequence = in.readLong();
                long time = in.readLong();
                int keyVersion = in.readInt();
                records.add(new ChainedRecord(segment, tenant, sequence, time, string(in), string(in), string(in),
                        string(in), string(in), string(in), string(in), string(in), keyVersion, string(in), string(in)));
            }
            return records;
        }
    }

    private static String string(DataInputStream in) throws IOException {
        int length = in.readInt();
        return length < 0 ? null : new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing buffered here: every frame was written through before append returned
        }
    }
}
