package org.atriumcrm.sms.internal;

import java.util.List;

import org.atriumcrm.api.meta.EntityType;
import org.atriumcrm.api.meta.FieldDef;
import org.atriumcrm.integration.api.outbox.OutboxFields;
import org.atriumcrm.api.meta.FieldType;
import org.atriumcrm.api.meta.PicklistValue;
import org.atriumcrm.api.module.EntityRef;

/** Metadata of the SMS module, in English and Simplified Chinese. */
final class SmsTypes {
    static final String MODULE = "sms";
    /** The longest text the CRM sends: 15 UCS-2 parts; longer campaigns are a mistake more often than not. */
    static final int MAX_TEXT = 1000;

    static final EntityType<SmsMessage> SMS = sms();
    static final EntityType<SmsOutboxEntry> OUTBOX = outbox();
    static final List<EntityType<?>> ALL = List.of(SMS, OUTBOX);
    static final List<EntityRef> REFS = List.of(new EntityRef(SMS.name(), SMS.plural()), new EntityRef(OUTBOX.name(), OUTBOX.plural()));

    private SmsTypes() {
    }

    private static EntityType<SmsMessage> sms() {
        return EntityType.builder("SmsMessage", "sms-messages", SmsMessage.class, SmsMessage::new)
                .module(MODULE).menuOrder(60)
                .label("Text message", "短信")
                .pluralLabel("Text messages", "短信")
                .field(FieldDef.<SmsMessage, String>of("direction", FieldType.PICKLIST, SmsMessage::getDirection, null).label("Direction", "方向")
                        .picklist(PicklistValue.of(SmsMessage.OUTBOUND, "Outbound", "发出"), PicklistValue.of(SmsMessage.INBOUND, "Inbound", "收到")))
                .field(FieldDef.<SmsMessage, String>of("status", FieldType.PICKLIST, SmsMessage::getStatus, null).label("Status", "状态")
                        .picklist(PicklistValue.of(SmsMessage.QUEUED, "In the outbox", "待发送"),
                                PicklistValue.of(SmsMessage.SENT, "Sent to the gateway", "已提交"),
                                PicklistValue.of(SmsMessage.DELIVERED, "Delivered to the phone", "已送达"),
                                PicklistValue.of(SmsMessage.FAILED, "Failed", "发送失败"),
                                PicklistValue.of(SmsMessage.RECEIVED, "Received", "已接收")))
                .field(FieldDef.of("toNumber", FieldType.PHONE, SmsMessage::getToNumber, SmsMessage::setToNumber)
                        .label("To", "接收号码").required().maxLength(20).searchable())
                .field(FieldDef.<SmsMessage, String>of("fromNumber", FieldType.PHONE, SmsMessage::getFromNumber, null)
                        .label("From", "发送号码").searchable())
                .field(FieldDef.of("text", FieldType.TEXT, SmsMessage::getText, SmsMessage::setText)
                        .label("Text", "内容").required().maxLength(MAX_TEXT).searchable())
                .field(FieldDef.<SmsMessage, Long>of("segments", FieldType.INTEGER, SmsMessage::getSegments, null)
                        .label("Parts (billed)", "计费条数"))
                .field(FieldDef.<SmsMessage, String>of("gateway", FieldType.STRING, SmsMessage::getGateway, null).label("Gateway", "通道"))
                .field(FieldDef.<SmsMessage, String>of("gatewayMessageIds", FieldType.STRING, SmsMessage::getGatewayMessageIds, null)
                        .label("Gateway message ids", "通道消息编号"))
                .field(FieldDef.of("contactId", FieldType.REFERENCE, SmsMessage::getContactId, SmsMessage::setContactId)
                        .label("Contact", "联系人").referenceTo("Contact"))
                .field(FieldDef.of("accountId", FieldType.REFERENCE, SmsMessage::getAccountId, SmsMessage::setAccountId)
                        .label("Account", "客户").referenceTo("Account"))
                .field(FieldDef.of("leadId", FieldType.ID, SmsMessage::getLeadId, SmsMessage::setLeadId).label("Lead", "潜在客户"))
                .field(FieldDef.<SmsMessage, String>of("failureReason", FieldType.STRING, SmsMessage::getFailureReason, null)
                        .label("Why sending failed", "发送失败原因"))
                .field(FieldDef.<SmsMessage, Object>of("sentAt", FieldType.DATETIME, SmsMessage::getSentAt, null).label("Sent at", "发送时间"))
                .field(FieldDef.<SmsMessage, Object>of("deliveredAt", FieldType.DATETIME, SmsMessage::getDeliveredAt, null)
                        .label("Delivered at", "送达时间"))
                .field(FieldDef.<SmsMessage, Object>of("receivedAt", FieldType.DATETIME, SmsMessage::getReceivedAt, null)
                        .label("Received at", "接收时间"))
                .displayName(SmsMessage::getToNumber)
                .defaultSort("createdAt", true)
                .build();
    }

    private static EntityType<SmsOutboxEntry> outbox() {
        return EntityType.builder("SmsOutboxEntry", "sms-outbox", SmsOutboxEntry.class, SmsOutboxEntry::new)
                .module(MODULE).detail()
                .label("SMS outbox entry", "短信发件箱条目")
                .pluralLabel("SMS outbox", "短信发件箱")
                .administrative()
                .field(FieldDef.<SmsOutboxEntry, String>of("smsId", FieldType.REFERENCE, SmsOutboxEntry::getSmsId, null)
                        .label("Text message", "短信").referenceTo("SmsMessage"))
                .fields(OutboxFields.<SmsOutboxEntry>of("Handed to the gateway", "已提交通道", "Handed over at", "提交时间"))
                .displayName(SmsOutboxEntry::getSmsId)
                .defaultSort("createdAt", true)
                .build();
    }
}
