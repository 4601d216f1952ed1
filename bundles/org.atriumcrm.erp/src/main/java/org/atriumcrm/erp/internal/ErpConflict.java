package org.atriumcrm.erp.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Index;
import javax.persistence.Table;

import org.atriumcrm.persistence.api.BaseRecord;

/**
 * The conflict log: a value the ERP sent for a field group that the CRM had changed too since the last sync, and
 * which side's value stands by the connector's rule for that group.
 */
@Entity(name = "ErpConflict")
@Table(name = "ATRIUM_ERP_CONFLICT", indexes = @Index(name = "IX_ERP_CONFLICT_CONNECTOR", columnList = "CONNECTOR_ID,CREATED_AT"))
public class ErpConflict extends BaseRecord {
    @Column(name = "CONNECTOR_ID", length = 36)
    private String connectorId;
    @Column(name = "RECORD_ENTITY", length = 100)
    private String recordEntity;
    @Column(name = "RECORD_ID", length = 36)
    private String recordId;
    @Column(name = "RECORD_KEY", length = 200)
    private String recordKey;
    @Column(name = "FIELD_GROUP", length = 40)
    private String fieldGroup;
    @Column(name = "CRM_VALUE", length = 2000)
    private String crmValue;
    @Column(name = "ERP_VALUE", length = 2000)
    private String erpValue;
    @Column(name = "WINNER", length = 10)
    private String winner;

    public String getConnectorId() { return connectorId; }
    void setConnectorId(String connectorId) { this.connectorId = connectorId; }
    public String getRecordEntity() { return recordEntity; }
    void setRecordEntity(String recordEntity) { this.recordEntity = recordEntity; }
    public String getRecordId() { return recordId; }
    void setRecordId(String recordId) { this.recordId = recordId; }
    public String getRecordKey() { return recordKey; }
    void setRecordKey(String recordKey) { this.recordKey = recordKey; }
    public String getFieldGroup() { return fieldGroup; }
    void setFieldGroup(String fieldGroup) { this.fieldGroup = fieldGroup; }
    public String getCrmValue() { return crmValue; }
    void setCrmValue(String crmValue) { this.crmValue = crmValue; }
    public String getErpValue() { return erpValue; }
    void setErpValue(String erpValue) { this.erpValue = erpValue; }
    public String getWinner() { return winner; }
    void setWinner(String winner) { this.winner = winner; }
}
