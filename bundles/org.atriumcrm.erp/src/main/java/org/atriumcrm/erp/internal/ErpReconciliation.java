package org.atriumcrm.erp.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Index;
import javax.persistence.Table;

import org.atriumcrm.persistence.api.BaseRecord;

/**
 * One reconciliation of one entity between a connector's ERP and the CRM: how many each side has, a checksum over the
 * compared values on each side, and which keys are missing or different (the first of them); {@code resynced} counts
 * what a re-sync put right.
 */
@Entity(name = "ErpReconciliation")
@Table(name = "ATRIUM_ERP_RECONCILIATION", indexes = @Index(name = "IX_ERP_RECONCILIATION", columnList = "CONNECTOR_ID,CREATED_AT"))
public class ErpReconciliation extends BaseRecord {
    public static final String IN_STEP = "in-step";
    public static final String DRIFT = "drift";
    public static final String FAILED = "failed";

    @Column(name = "CONNECTOR_ID", length = 36)
    private String connectorId;
    @Column(name = "RECORD_ENTITY", length = 40)
    private String recordEntity;
    @Column(name = "STATUS", length = 20)
    private String status;
    @Column(name = "CRM_COUNT")
    private Long crmCount;
    @Column(name = "ERP_COUNT")
    private Long erpCount;
    @Column(name = "CRM_CHECKSUM", length = 64)
    private String crmChecksum;
    @Column(name = "ERP_CHECKSUM", length = 64)
    private String erpChecksum;
    @Column(name = "MISSING_IN_CRM")
    private Long missingInCrm;
    @Column(name = "DIFFERENT")
    private Long different;
    @Column(name = "RESYNCED")
    private Long resynced;
    @Column(name = "SAMPLE", length = 2000)
    private String sample;

    public String getConnectorId() { return connectorId; }
    void setConnectorId(String connectorId) { this.connectorId = connectorId; }
    public String getRecordEntity() { return recordEntity; }
    void setRecordEntity(String recordEntity) { this.recordEntity = recordEntity; }
    public String getStatus() { return status; }
    void setStatus(String status) { this.status = status; }
    public Long getCrmCount() { return crmCount; }
    void setCrmCount(Long crmCount) { this.crmCount = crmCount; }
    public Long getErpCount() { return erpCount; }
    void setErpCount(Long erpCount) { this.erpCount = erpCount; }
    public String getCrmChecksum() { return crmChecksum; }
    void setCrmChecksum(String crmChecksum) { this.crmChecksum = crmChecksum; }
    public String getErpChecksum() { return erpChecksum; }
    void setErpChecksum(String erpChecksum) { this.erpChecksum = erpChecksum; }
    public Long getMissingInCrm() { return missingInCrm; }
    void setMissingInCrm(Long missingInCrm) { this.missingInCrm = missingInCrm; }
    public Long getDifferent() { return different; }
    void setDifferent(Long different) { this.different = different; }
    public Long getResynced() { return resynced; }
    void setResynced(Long resynced) { this.resynced = resynced; }
    public String getSample() { return sample; }
    void setSample(String sample) { this.sample = sample; }
}
