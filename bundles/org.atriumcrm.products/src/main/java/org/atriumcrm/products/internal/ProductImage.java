package org.atriumcrm.products.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.record.Record;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.AccessPolicy;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.persistence.api.RecordIds;
import org.atriumcrm.rest.api.RecordBodies;
import org.atriumcrm.rest.api.RecordFile;
import org.osgi.service.component.annotations.Activate;

import org.osgi.service.component.annotations.Reference;

/**
 * {@code PUT/GET /api/v1/products/{id}/image}: a PNG, JPEG or WebP image of at most 5 MB, streamed to
 * {@code ${karaf.data}/atrium/product-images} (never whole in memory), checked by its first bytes as well as by its
 * declared type (415 otherwise), and named by the product and the SHA-256 of its bytes — which is also its ETag — so
 * that the product's row always names a complete file, whichever of two concurrent uploads commits last.
 */
@org.osgi.service.component.annotations.Component(service = RecordFile.class, property = {RecordFile.ENTITY_PROPERTY + "=Product",
    RecordFile.FILE_PROPERTY + "=image", RecordFile.TYPES_PROPERTY + "=image/png", RecordFile.TYPES_PROPERTY + "=image/jpeg",
    RecordFile.TYPES_PROPERTY + "=image/webp",
    RecordFile.SUMMARY_PROPERTY + "=Store the product's image: PNG, JPEG or WebP up to 5 MB (413 when larger, 415 for other types)"})
public class ProductImage implements RecordFile {
    static final long MAX_BYTES = 5L * 1024 * 1024;
    static final Set<String> TYPES = Set.of("image/png", "image/jpeg", "image/webp");

    private final ProductStore products;
    private final AccessPolicy access;
    private final Path directory;
    /** One upload per product at a time, so that the file cleanup never removes the file a racing upload is about to name. */
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    @Activate
    public ProductImage(@Reference ProductStore products, @Reference AccessPolicy access,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + ProductTypes.MODULE + ")") ModuleGate gate) {
        this(products, access, Paths.get(System.getProperty("karaf.data", "data"), "atrium", "product-images"));
    }

    ProductImage(ProductStore products, AccessPolicy access, Path directory) {
        this.products = products;
        this.access = access;
        this.directory = directory;
    }

    @Override
    public Object store(RecordStore<?> records, Record record, String mediaType, long declaredLength, InputStream body, Caller caller) {
        if (access != null && !access.access(caller, ProductTypes.PRODUCT).canChange(record)) {
            throw AtriumException.forbidden("you may see product " + record.getId() + " but not change it");
        }
        if (mediaType == null || !TYPES.contains(mediaType)) {
            throw unsupported(mediaType == null ? "no Content-Type" : mediaType);
        }
        if (declaredLength > MAX_BYTES) {
            throw tooLarge();
        }
        Product updated;
        try {
            Files.createDirectories(directory);
            Path partial = directory.resolve(record.getId() + "-" + RecordIds.next() + ".part");
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                long size = copy(body, partial, sha);
                if (size == 0) {
                    throw AtriumException.badRequest("the request body is empty: send the image's bytes as the body");
                }
                checkSignature(partial, mediaType);
                String digest = HexFormat.of().formatHex(sha.digest());
                synchronized (locks.computeIfAbsent(record.getId(), k -> new Object())) {
                    Files.move(partial, file(record.getId(), digest), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    updated = products.setImage(record.getId(), mediaType, size, digest, caller);
                    removeOthers(record.getId(), digest);
                }
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        @SuppressWarnings("unchecked")
        RecordStore<Product> view = (RecordStore<Product>) records;
        return RecordBodies.toJson(view.type(), updated);
    }

    @Override
    public Optional<Content> read(Record record) {
        Product product = (Product) record;
        if (product.getImageDigest() == null) {
            return Optional.empty();
        }
        Path file = file(product.getId(), product.getImageDigest());
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(new Content(product.getImageType(), product.getImageSize(), product.getImageDigest(), file));
    }

    private Path file(String productId, String digest) {
        return directory.resolve(productId + "-" + digest);
    }

    /** Copies while counting, and stops at the limit: a body without a Content-Length is refused as soon as it passes it. */
    private static long copy(InputStream body, Path target, MessageDigest sha) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long size = 0;
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(target), sha)) {
            for (int n; (n = body.read(buffer)) > 0; ) {
                size += n;
                if (size > MAX_BYTES) {
                    throw tooLarge();
                }
                out.write(buffer, 0, n);
            }
        }
        return size;
    }

    /** The first bytes say what a file is; a declared type alone would let any file be served as an image. */
    private static void checkSignature(Path file, String mediaType) throws IOException {
        byte[] head = new byte[12];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        boolean ok = switch (mediaType) {
            case "image/png" -> n >= 8 && (head[0] & 0xff) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G';
            case "image/jpeg" -> n >= 3 && (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xd8 && (head[2] & 0xff) == 0xff;
            case "image/webp" -> n >= 12 && head[0] == 'R' && head[1] == 'I' && head[2] == 'F' && head[3] == 'F'
                    && head[8] == 'W' && head[9] == 'E' && head[10] == 'B' && head[11] == 'P';
            default -> false;
        };
        if (!ok) {
            throw unsupported("a body that is not a " + mediaType + " image");
        }
    }

    private void removeOthers(String productId, String digest) throws IOException {
        try (DirectoryStream<Path> old = Files.newDirectoryStream(directory, productId + "-*")) {
            for (Path p : old) {
                String name = p.getFileName().toString();
                if (!name.equals(productId + "-" + digest) && !name.endsWith(".part")) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static AtriumException tooLarge() {
        return new AtriumException(413, "payload-too-large", "Payload too large", "a product image may have at most " + MAX_BYTES
                + " bytes", null).with("limit", MAX_BYTES);
    }

    private static AtriumException unsupported(String what) {
        return new AtriumException(415, "unsupported-media-type", "Unsupported media type", "a product image is " + TYPES.stream().sorted().toList()
                + ", not " + what, null);
    }
}
