package org.atriumcrm.rest.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.atriumcrm.api.error.AtriumException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The storing side of a {@link RecordFile}, one file per record in a directory of its own: the body streamed to disk
 * (never whole in memory) up to a size limit (413), its type checked by its first bytes as well as by the declared
 * type (415), and the file named by the record and the SHA-256 of its bytes, which is also its ETag. The record's row
 * is written (by {@code commit}) while the record's uploads are serialised, and the record's other files are removed
 * after it, so the row always names a complete file whichever of two concurrent uploads commits last.
 *
 * @since 1.11
 */
@ProviderType
public final class StoredFiles {
    /** The first bytes of each type this helper recognises; a declared type alone would let any file be served as it. */
    private static final Map<String, byte[][]> SIGNATURES = Map.of(
            "image/png", new byte[][] {{(byte) 0x89, 'P', 'N', 'G'}},
            "image/jpeg", new byte[][] {{(byte) 0xff, (byte) 0xd8, (byte) 0xff}},
            "image/webp", new byte[][] {{'R', 'I', 'F', 'F'}, {}, {'W', 'E', 'B', 'P'}},
            "application/pdf", new byte[][] {{'%', 'P', 'D', 'F', '-'}});

    /** What was stored: the declared (and checked) type, the size in bytes and the hex SHA-256 of the bytes. */
    public record Stored(String mediaType, long size, String sha256) {
    }

    private final Path directory;
    private final long maxBytes;
    private final Set<String> types;
    private final String what;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    /**
     * Files of at most {@code maxBytes} bytes of {@code types} (each one of image/png, image/jpeg, image/webp and
     * application/pdf) in {@code directory}; {@code what} names one in the problems, e.g. "a product image".
     */
    public StoredFiles(Path directory, long maxBytes, Set<String> types, String what) {
        for (String t : types) {
            if (!SIGNATURES.containsKey(t)) {
                throw new IllegalArgumentException("no signature known for " + t);
            }
        }
        this.directory = directory;
        this.maxBytes = maxBytes;
        this.types = Set.copyOf(types);
        this.what = what;
    }

    /**
     * Stores {@code body} as the file of record {@code recordId} and runs {@code commit} with its facts (it writes
     * them to the record's row, typically through the store's updateBySystem); its answer is returned. Nothing is
     * kept when a check or {@code commit} fails.
     */
    public <T> T store(String recordId, String mediaType, long declaredLength, InputStream body, Function<Stored, T> commit) {
        if (mediaType == null || !types.contains(mediaType)) {
            throw unsupported(mediaType == null ? "no Content-Type" : mediaType);
        }
        if (declaredLength > maxBytes) {
            throw tooLarge();
        }
        try {
            Files.createDirectories(directory);
            Path partial = directory.resolve(recordId + "-" + UUID.randomUUID() + ".part");
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                long size = copy(body, partial, sha);
                if (size == 0) {
                    throw AtriumException.badRequest("the request body is empty: send the file's bytes as the body");
                }
                checkSignature(partial, mediaType);
                String digest = HexFormat.of().formatHex(sha.digest());
                synchronized (locks.computeIfAbsent(recordId, k -> new Object())) {
                    Path file = file(recordId, digest);
                    boolean known = Files.exists(file); // the same bytes again: the row may name this file already
                    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    T answer;
                    try {
                        answer = commit.apply(new Stored(mediaType, size, digest));
                    } catch (RuntimeException e) {
                        // the row still names the file it had; a new file no row names is not kept
                        if (!known) {
                            Files.deleteIfExists(file);
                        }
                        throw e;
                    }
                    removeOthers(recordId, digest);
                    return answer;
                }
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The file of record {@code recordId} whose row names {@code sha256}; empty when it names none or it is gone. */
    public Optional<RecordFile.Content> read(String recordId, String mediaType, Long size, String sha256) {
        if (sha256 == null) {
            return Optional.empty();
        }
        Path file = file(recordId, sha256);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(new RecordFile.Content(mediaType, size == null ? -1 : size, sha256, file));
    }

    private Path file(String recordId, String digest) {
        return directory.resolve(recordId + "-" + digest);
    }

    /** Copies while counting, and stops at the limit: a body without a Content-Length is refused as soon as it passes it. */
    private long copy(InputStream body, Path target, MessageDigest sha) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long size = 0;
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(target), sha)) {
            for (int n; (n = body.read(buffer)) > 0; ) {
                size += n;
                if (size > maxBytes) {
                    throw tooLarge();
                }
                out.write(buffer, 0, n);
            }
        }
        return size;
    }

    /** Each part of the signature at its offset, parts of four bytes apart (RIFF....WEBP); an empty part is skipped. */
    private void checkSignature(Path file, String mediaType) throws IOException {
        byte[] head = new byte[16];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        byte[][] parts = SIGNATURES.get(mediaType);
        boolean ok = true;
        for (int p = 0, offset = 0; p < parts.length; offset += Math.max(4, parts[p].length), p++) {
            for (int i = 0; i < parts[p].length; i++) {
                ok &= offset + i < n && head[offset + i] == parts[p][i];
            }
        }
        if (!ok) {
            throw unsupported("a body that is not " + mediaType);
        }
    }

    private void removeOthers(String recordId, String digest) throws IOException {
        try (DirectoryStream<Path> old = Files.newDirectoryStream(directory, recordId + "-*")) {
            for (Path p : old) {
                String name = p.getFileName().toString();
                if (!name.equals(recordId + "-" + digest) && !name.endsWith(".part")) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private AtriumException tooLarge() {
        return new AtriumException(413, "payload-too-large", "Payload too large", what + " may have at most " + maxBytes + " bytes", null)
                .with("limit", maxBytes);
    }

    private AtriumException unsupported(String got) {
        return new AtriumException(415, "unsupported-media-type", "Unsupported media type", what + " is " + types.stream().sorted().toList()
                + ", not " + got, null);
    }
}
