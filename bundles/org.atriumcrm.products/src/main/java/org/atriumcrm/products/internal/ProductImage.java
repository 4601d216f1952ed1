package org.atriumcrm.products.internal;

import java.io.InputStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;
import java.util.Set;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.record.Record;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.AccessPolicy;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.rest.api.RecordBodies;
import org.atriumcrm.rest.api.RecordFile;
import org.atriumcrm.rest.api.StoredFiles;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code PUT/GET /api/v1/products/{id}/image}: a PNG, JPEG or WebP image of at most 5 MB in
 * {@code ${karaf.data}/atrium/product-images}, stored by {@link StoredFiles} (streamed, checked by its first bytes, named
 * by its SHA-256, which is also its ETag).
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
    private final StoredFiles files;

    @Activate
    public ProductImage(@Reference ProductStore products, @Reference AccessPolicy access,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + ProductTypes.MODULE + ")") ModuleGate gate) {
        this(products, access, Paths.get(System.getProperty("karaf.data", "data"), "atrium", "product-images"));
    }

    ProductImage(ProductStore products, AccessPolicy access, Path directory) {
        this.products = products;
        this.access = access;
        this.files = new StoredFiles(directory, MAX_BYTES, TYPES, "a product image");
    }

    @Override
    public Object store(RecordStore<?> records, Record record, String mediaType, long declaredLength, InputStream body, Caller caller) {
        if (access != null && !access.access(caller, ProductTypes.PRODUCT).canChange(record)) {
            throw AtriumException.forbidden("you may see product " + record.getId() + " but not change it")
                    .localized("record-read-only-for-you", "Product", record.getId());
        }
        Product updated = files.store(record.getId(), mediaType, declaredLength, body,
                f -> products.setImage(record.getId(), f.mediaType(), f.size(), f.sha256(), caller));
        @SuppressWarnings("unchecked")
        RecordStore<Product> view = (RecordStore<Product>) records;
        return RecordBodies.toJson(view.type(), updated);
    }

    @Override
    public Optional<Content> read(Record record) {
        Product product = (Product) record;
        return files.read(product.getId(), product.getImageType(), product.getImageSize(), product.getImageDigest());
    }
}
