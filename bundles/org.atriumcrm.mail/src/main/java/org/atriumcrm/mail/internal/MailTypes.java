package org.atriumcrm.mail.internal;

import java.util.List;

import org.atriumcrm.api.meta.EntityType;
import org.atriumcrm.api.meta.FieldDef;
import org.atriumcrm.integration.api.outbox.OutboxFields;
import org.atriumcrm.api.meta.FieldType;
import org.atriumcrm.api.meta.PicklistValue;
import org.atriumcrm.api.module.EntityRef;

/** Metadata of the mail module, in English and Simplified Chinese. */
final class MailTypes {
    static final String MODULE = "mail";

    static final EntityType<Email> EMAIL = email();
    static final EntityType<MailOutboxEntry> OUTBOX = outbox();
    /** Every type of the module's persistence unit: email and outbox, templates and mass mailing, the scanner's. */
    static final List<EntityType<?>> ALL = java.util.stream.Stream.<List<EntityType<?>>>of(List.of(EMAIL, OUTBOX), MailingTypes.ALL, ScannerTypes.ALL)
            .<EntityType<?>>flatMap(List::stream).toList();
    static final List<EntityRef> REFS = ALL.stream().map(t -> new EntityRef(t.name(), t.plural())).toList();

    private MailTypes() {
    }

    private static EntityType<Email> email() {
        return EntityType.builder("Email", "emails", Email.class, Email::new)
                .module(MODULE).menuOrder(50)
                .label("Email", "邮件")
                .pluralLabel("Emails", "邮件")
                .field(FieldDef.<Email, String>of("direction", FieldType.PICKLIST, Email::getDirection, null).label("Direction", "方向")
                        .picklist(PicklistValue.of(Email.OUTBOUND, "Outbound", "发出"), PicklistValue.of(Email.INBOUND, "Inbound", "收到")))
                .field(FieldDef.<Email, String>of("status", FieldType.PICKLIST, Email::getStatus, null).label("Status", "状态")
                        .picklist(PicklistValue.of(Email.LOGGED, "Logged", "已记录"), PicklistValue.of(Email.QUEUED, "In the outbox", "待发送"),
                                PicklistValue.of(Email.SENT, "Sent", "已发送"), PicklistValue.of(Email.FAILED, "Failed", "发送失败"),
                                PicklistValue.of(Email.RECEIVED, "Received", "已收到")))
                .field(FieldDef.of("fromAddress", FieldType.STRING, Email::getFromAddress, Email::setFromAddress)
                        .label("From", "发件人").maxLength(320).searchable())
                .field(FieldDef.of("toAddresses", FieldType.STRING, Email::getToAddresses, Email::setToAddresses)
                        .label("To", "收件人").required().maxLength(4000).searchable())
                .field(FieldDef.of("ccAddresses", FieldType.STRING, Email::getCcAddresses, Email::setCcAddresses)
                        .label("Cc", "抄送").maxLength(4000))
                .field(FieldDef.of("subject", FieldType.STRING, Email::getSubject, Email::setSubject)
                        .label("Subject", "主题").maxLength(1000).searchable())
                .field(FieldDef.of("textBody", FieldType.TEXT, Email::getTextBody, Email::setTextBody).label("Text", "正文").notFilterable())
                .field(FieldDef.of("htmlBody", FieldType.TEXT, Email::getHtmlBody, Email::setHtmlBody).label("HTML", "HTML 正文").notFilterable())
                .field(FieldDef.<Email, Object>of("sentAt", FieldType.DATETIME, Email::getSentAt, null).label("Sent at", "发送时间"))
                .field(FieldDef.<Email, String>of("messageId", FieldType.STRING, Email::getMessageId, null).label("Message-ID", "邮件标识"))
                .field(FieldDef.of("inReplyTo", FieldType.STRING, Email::getInReplyTo, Email::setInReplyTo)
                        .label("In reply to", "回复的邮件").maxLength(500))
                .field(FieldDef.of("contactId", FieldType.REFERENCE, Email::getContactId, Email::setContactId)
                        .label("Contact", "联系人").referenceTo("Contact"))
                .field(FieldDef.of("accountId", FieldType.REFERENCE, Email::getAccountId, Email::setAccountId)
                        .label("Account", "客户").referenceTo("Account"))
                .field(FieldDef.of("leadId", FieldType.ID, Email::getLeadId, Email::setLeadId).label("Lead", "潜在客户"))
                .field(FieldDef.<Email, String>of("failureReason", FieldType.STRING, Email::getFailureReason, null)
                        .label("Why sending failed", "发送失败原因"))
                .field(FieldDef.<Email, String>of("references", FieldType.STRING, Email::getReferences, null)
                        .label("References", "引用的邮件").notFilterable().notSortable())
                .field(FieldDef.<Email, String>of("threadId", FieldType.ID, Email::getThreadId, null).label("Conversation", "会话"))
                .field(FieldDef.<Email, String>of("mailboxId", FieldType.REFERENCE, Email::getMailboxId, null)
                        .label("Received in mailbox", "收件邮箱").referenceTo("Mailbox"))
                .relatedList("attachments", "EmailAttachment", "emailId", "Attachments", "附件")
                .displayName(Email::getSubject)
                .defaultSort("createdAt", true)
                .build();
    }

    private static EntityType<MailOutboxEntry> outbox() {
        return EntityType.builder("MailOutboxEntry", "mail-outbox", MailOutboxEntry.class, MailOutboxEntry::new)
                .module(MODULE).detail()
                .label("Outbox entry", "发件箱条目")
                .pluralLabel("Company outbox", "公司发件箱")
                .administrative()
                .field(FieldDef.<MailOutboxEntry, String>of("emailId", FieldType.REFERENCE, MailOutboxEntry::getEmailId, null)
                        .label("Email", "邮件").referenceTo("Email"))
                .fields(OutboxFields.<MailOutboxEntry>of("Delivered to the mail server", "已投递", "Delivered at", "投递时间"))
                .displayName(MailOutboxEntry::getEmailId)
                .defaultSort("createdAt", true)
                .build();
    }
}
