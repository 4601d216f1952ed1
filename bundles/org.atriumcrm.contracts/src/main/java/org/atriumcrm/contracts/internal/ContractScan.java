package org.atriumcrm.contracts.internal;

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
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code PUT/GET /api/v1/contracts/{id}/scan}: the signed contract as scanned, a PDF, JPEG or PNG of at most 20 MB in
 * {@code ${karaf.data}/atrium/contract-scans}, stored by {@link StoredFiles} (streamed, checked by its first bytes,
 * named by its SHA-256, which is also its ETag); a new scan replaces the old one, an ended contract takes none.
 */
@Component(service = RecordFile.class, property = {RecordFile.ENTITY_PROPERTY + "=Contract", RecordFile.FILE_PROPERTY + "=scan",
    RecordFile.TYPES_PROPERTY + "=application/pdf", RecordFile.TYPES_PROPERTY + "=image/jpeg", RecordFile.TYPES_PROPERTY + "=image/png",
    RecordFile.SUMMARY_PROPERTY + "=Store the contract's signed scan: PDF, JPEG or PNG up to 20 MB (413 when larger, 415 for other types,"
        + " 409 contract-ended once it expired or was terminated)"})
public class ContractScan implements RecordFile {
    static final long MAX_BYTES = 20L * 1024 * 1024;
    static final Set<String> TYPES = Set.of("application/pdf", "image/jpeg", "image/png");

    private final ContractStore contracts;
    private final AccessPolicy access;
    private final StoredFiles files;

    @Activate
    public ContractScan(@Reference ContractStore contracts, @Reference AccessPolicy access,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + ContractTypes.MODULE + ")") ModuleGate gate) {
        this(contracts, access, Paths.get(System.getProperty("karaf.data", "data"), "atrium", "contract-scans"));
    }

    ContractScan(ContractStore contracts, AccessPolicy access, Path directory) {
        this.contracts = contracts;
        this.access = access;
        this.files = new StoredFiles(directory, MAX_BYTES, TYPES, "a contract's signed scan");
    }

    @Override
    public Object store(RecordStore<?> records, Record record, String mediaType, long declaredLength, InputStream body, Caller caller) {
        if (access != null && !access.access(caller, ContractTypes.CONTRACT).canChange(record)) {
            throw AtriumException.forbidden("you may see contract " + record.getId() + " but not change it")
                    .localized("record-read-only-for-you", "Contract", record.getId());
        }
        // an ended contract refuses before a byte is stored
        ContractStore.open((Contract) record);
        Contract updated = files.store(record.getId(), mediaType, declaredLength, body,
                f -> contracts.setScan(record.getId(), f.mediaType(), f.size(), f.sha256(), caller));
        @SuppressWarnings("unchecked")
        RecordStore<Contract> view = (RecordStore<Contract>) records;
        return RecordBodies.toJson(view.type(), updated);
    }

    @Override
    public Optional<Content> read(Record record) {
        Contract contract = (Contract) record;
        return files.read(contract.getId(), contract.getScanType(), contract.getScanSize(), contract.getScanDigest());
    }
}
