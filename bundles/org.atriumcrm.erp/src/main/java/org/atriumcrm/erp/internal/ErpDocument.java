package org.atriumcrm.erp.internal;

import java.math.BigDecimal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

import org.atriumcrm.persistence.api.BaseRecord;

/**
 * What the ERP reports of a sales order of ours or of an invoice it issued for one: its number and status there, the
 * tracking number, amounts and dates — kept beside the order (the CRM's own documents are the CRM's), once per
 * connector, kind and ERP number, updated when the ERP reports a change.
 */
@Entity(name = "ErpDocument")
@Table(name = "ATRIUM_ERP_DOCUMENT", uniqueConstraints = @UniqueConstraint(name = "UX_ERP_DOCUMENT", columnNames = {"CONNECTOR_ID", "KIND", "ERP_NUMBER"}),
        indexes = @Index(name = "IX_ERP_DOCUMENT_ORDER", columnList = "SALES_ORDER_ID"))
public class ErpDocument extends BaseRecord {
    @Column(name = "CONNECTOR_ID", length = 36)
    private String connectorId;
    @Column(name = "KIND", length = 20)
    private String kind;
    @Column(name = "ERP_NUMBER", length = 100)
    private String erpNumber;
    @Column(name = "SALES_ORDER_ID", length = 36)
    private String salesOrderId;
    @Column(name = "SALES_ORDER_NUMBER", length = 100)
    private String salesOrderNumber;
    @Column(name = "ERP_STATUS", length = 100)
    private String erpStatus;
    @Column(name = "CARRIER", length = 100)
    private String carrier;
    @Column(name = "TRACKING_NUMBER", length = 100)
    private String trackingNumber;
    @Column(name = "CURRENCY", length = 3)
    private String currency;
    @Column(name = "GRAND_TOTAL", precision = 19, scale = 4)
    private BigDecimal grandTotal;
    @Column(name = "PAID_AMOUNT", precision = 19, scale = 4)
    private BigDecimal paidAmount;
    @Column(name = "ISSUE_DATE", length = 10)
    private String issueDate;
    @Column(name = "DUE_DATE", length = 10)
    private String dueDate;
    @Column(name = "CONTENT_HASH", length = 64)
    private String contentHash;

    public String getConnectorId() { return connectorId; }
    void setConnectorId(String connectorId) { this.connectorId = connectorId; }
    public String getKind() { return kind; }
    void setKind(String kind) { this.kind = kind; }
    public String getErpNumber() { return erpNumber; }
    void setErpNumber(String erpNumber) { this.erpNumber = erpNumber; }
    public String getSalesOrderId() { return salesOrderId; }
    void setSalesOrderId(String salesOrderId) { this.salesOrderId = salesOrderId; }
    public String getSalesOrderNumber() { return salesOrderNumber; }
    void setSalesOrderNumber(String salesOrderNumber) { this.salesOrderNumber = salesOrderNumber; }
    public String getErpStatus() { return erpStatus; }
    void setErpStatus(String erpStatus) { this.erpStatus = erpStatus; }
    public String getCarrier() { return carrier; }
    void setCarrier(String carrier) { this.carrier = carrier; }
    public String getTrackingNumber() { return trackingNumber; }
    void setTrackingNumber(String trackingNumber) { this.trackingNumber = trackingNumber; }
    public String getCurrency() { return currency; }
    void setCurrency(String currency) { this.currency = currency; }
    public BigDecimal getGrandTotal() { return grandTotal; }
    void setGrandTotal(BigDecimal grandTotal) { this.grandTotal = grandTotal; }
    public BigDecimal getPaidAmount() { return paidAmount; }
    void setPaidAmount(BigDecimal paidAmount) { this.paidAmount = paidAmount; }
    public String getIssueDate() { return issueDate; }
    void setIssueDate(String issueDate) { this.issueDate = issueDate; }
    public String getDueDate() { return dueDate; }
    void setDueDate(String dueDate) { this.dueDate = dueDate; }
    String getContentHash() { return contentHash; }
    void setContentHash(String contentHash) { this.contentHash = contentHash; }
}
