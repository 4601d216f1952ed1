package org.atriumcrm.sms.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/**
 * A gateway's id of a message (one per SMPP segment, the provider's id of an inbound message), unique per gateway:
 * delivery receipts find their message through it, and the primary key is what makes inbound messages idempotent
 * — a redelivered webhook or deliver_sm cannot insert the same key twice, even concurrently.
 */
@Entity(name = "SmsGatewayKey")
@Table(name = "ATRIUM_SMS_GATEWAY_ID", indexes = @Index(name = "IX_SMS_GATEWAY_ID_SMS", columnList = "SMS_ID"))
public class SmsGatewayKey {
    @Id
    @Column(name = "GATEWAY_KEY", length = 200)
    private String key;
    @Column(name = "SMS_ID", length = 36, nullable = false)
    private String smsId;

    public SmsGatewayKey() {
    }

    SmsGatewayKey(String gateway, String gatewayId, String smsId) {
        this.key = key(gateway, gatewayId);
        this.smsId = smsId;
    }

    static String key(String gateway, String gatewayId) {
        String k = gateway + ":" + gatewayId;
        return k.length() > 200 ? k.substring(0, 200) : k;
    }

    public String getKey() {
        return key;
    }

    public String getSmsId() {
        return smsId;
    }
}
