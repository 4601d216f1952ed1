package org.atriumcrm.mail.internal;

import java.util.List;

import org.atriumcrm.api.meta.EntityType;
import org.atriumcrm.api.meta.FieldDef;
import org.atriumcrm.api.meta.FieldType;
import org.atriumcrm.api.meta.PicklistValue;

/**
 * Metadata of templates, mass mailings and tracking, kept apart from {@link MailTypes} so that the mail scanner and
 * this work change different files; {@link MailTypes#ALL} includes {@link #ALL}.
 */
final class MailingTypes {
    static final String CONTACT = "Contact";
    static final String LEAD = "Lead";
    static final String ACCOUNT = "Account";

    static final EntityType<EmailTemplate> TEMPLATE = template();
    static final EntityType<EmailSignature> SIGNATURE = signature();
    static final EntityType<MassMailing> MASS_MAILING = massMailing();
    static final EntityType<MassMailingRecipient> RECIPIENT = recipient();
    static final EntityType<EmailTracking> TRACKING = tracking();
    static final List<EntityType<?>> ALL = List.of(TEMPLATE, SIGNATURE, MASS_MAILING, RECIPIENT, TRACKING);

    private MailingTypes() {
    }

    private static EntityType<EmailTemplate> template() {
        return EntityType.builder("EmailTemplate", "email-templates", EmailTemplate.class, EmailTemplate::new)
                .module(MailTypes.MODULE).menuOrder(80)
                .label("Email template", "邮件模板")
                .pluralLabel("Email templates", "邮件模板")
                .field(FieldDef.of("name", FieldType.STRING, EmailTemplate::getName, EmailTemplate::setName)
                        .label("Name", "名称").required().maxLength(200).searchable())
                .field(FieldDef.of("language", FieldType.PICKLIST, EmailTemplate::getLanguage, EmailTemplate::setLanguage)
                        .label("Language", "语言").picklist(PicklistValue.of("zh-CN", "Simplified Chinese", "简体中文"),
                                PicklistValue.of("en", "English", "英语")))
                .field(FieldDef.of("appliesTo", FieldType.PICKLIST, EmailTemplate::getAppliesTo, EmailTemplate::setAppliesTo)
                        .label("For records of", "适用对象").required().picklist(PicklistValue.of(CONTACT, "Contact", "联系人"),
                                PicklistValue.of(LEAD, "Lead", "潜在客户"), PicklistValue.of(ACCOUNT, "Account", "客户")))
                .field(FieldDef.of("active", FieldType.BOOLEAN, EmailTemplate::getActive, EmailTemplate::setActive)
                        .label("Active", "启用"))
                .field(FieldDef.of("subject", FieldType.STRING, EmailTemplate::getSubject, EmailTemplate::setSubject)
                        .label("Subject", "主题").required().maxLength(1000).searchable())
                .field(FieldDef.of("textBody", FieldType.TEXT, EmailTemplate::getTextBody, EmailTemplate::setTextBody)
                        .label("Text", "正文").notFilterable())
                .field(FieldDef.of("htmlBody", FieldType.TEXT, EmailTemplate::getHtmlBody, EmailTemplate::setHtmlBody)
                        .label("HTML", "HTML 正文").notFilterable())
                .duplicateRule("name", "language")
                .displayName(EmailTemplate::getName)
                .defaultSort("name", false)
                .build();
    }

    private static EntityType<EmailSignature> signature() {
        return EntityType.builder("EmailSignature", "email-signatures", EmailSignature.class, EmailSignature::new)
                .module(MailTypes.MODULE).menuOrder(90)
                .label("Email signature", "邮件签名")
                .pluralLabel("Email signatures", "邮件签名")
                .field(FieldDef.of("senderName", FieldType.STRING, EmailSignature::getSenderName, EmailSignature::setSenderName)
                        .label("Sender name", "发件人姓名").maxLength(200))
                .field(FieldDef.of("signature", FieldType.TEXT, EmailSignature::getSignature, EmailSignature::setSignature)
                        .label("Signature", "签名").maxLength(4000).notFilterable())
                .displayName(EmailSignature::getSenderName)
                .defaultSort("createdAt", true)
                .build();
    }

    private static EntityType<MassMailing> massMailing() {
        return EntityType.builder("MassMailing", "mass-mailings", MassMailing.class, MassMailing::new)
                .module(MailTypes.MODULE).menuOrder(70)
                .label("Mass mailing", "群发邮件")
                .pluralLabel("Mass mailings", "群发邮件")
                .field(FieldDef.of("name", FieldType.STRING, MassMailing::getName, MassMailing::setName)
                        .label("Name", "名称").required().maxLength(200).searchable())
                .field(FieldDef.<MassMailing, String>of("templateId", FieldType.REFERENCE, MassMailing::getTemplateId, null)
                        .label("Template", "邮件模板").referenceTo("EmailTemplate"))
                .field(FieldDef.<MassMailing, String>of("campaignId", FieldType.ID, MassMailing::getCampaignId, null)
                        .label("Campaign", "市场活动"))
                .field(FieldDef.<MassMailing, String>of("status", FieldType.PICKLIST, MassMailing::getStatus, null)
                        .label("Status", "状态").picklist(PicklistValue.of(MassMailing.QUEUING, "Putting emails into the outbox", "正在排队"),
                                PicklistValue.of(MassMailing.SENDING, "Sending", "发送中"),
                                PicklistValue.of(MassMailing.COMPLETED, "Completed", "已完成"),
                                PicklistValue.of(MassMailing.CANCELLED, "Cancelled", "已取消")))
                .field(count("recipientCount", MassMailing::getRecipientCount, "Recipients", "收件人数"))
                .field(count("pendingCount", MassMailing::getPendingCount, "Not yet queued", "待排队"))
                .field(count("queuedCount", MassMailing::getQueuedCount, "In the outbox", "待发送"))
                .field(count("sentCount", MassMailing::getSentCount, "Sent", "已发送"))
                .field(count("skippedCount", MassMailing::getSkippedCount, "Skipped (opt-out or no address)", "已跳过（拒收或无邮箱）"))
                .field(count("failedCount", MassMailing::getFailedCount, "Failed", "失败"))
                .field(count("openedCount", MassMailing::getOpenedCount, "Opened", "已阅读"))
                .field(count("clickedCount", MassMailing::getClickedCount, "Clicked", "已点击"))
                .field(FieldDef.<MassMailing, Object>of("completedAt", FieldType.DATETIME, MassMailing::getCompletedAt, null)
                        .label("Completed at", "完成时间"))
                .relatedList("recipients", "MassMailingRecipient", "massMailingId", "Recipients", "收件人")
                .displayName(MassMailing::getName)
                .defaultSort("createdAt", true)
                .build();
    }

    private static FieldDef<MassMailing> count(String name, java.util.function.Function<MassMailing, Long> getter, String en, String zh) {
        return FieldDef.<MassMailing, Long>of(name, FieldType.INTEGER, getter, null).label(en, zh);
    }

    private static EntityType<MassMailingRecipient> recipient() {
        return EntityType.builder("MassMailingRecipient", "mass-mailing-recipients", MassMailingRecipient.class, MassMailingRecipient::new)
                .module(MailTypes.MODULE).detail()
                .label("Mass mailing recipient", "群发收件人")
                .pluralLabel("Mass mailing recipients", "群发收件人")
                .field(FieldDef.<MassMailingRecipient, String>of("massMailingId", FieldType.REFERENCE, MassMailingRecipient::getMassMailingId, null)
                        .label("Mass mailing", "群发邮件").referenceTo("MassMailing"))
                .field(FieldDef.<MassMailingRecipient, String>of("contactId", FieldType.REFERENCE, MassMailingRecipient::getContactId, null)
                        .label("Contact", "联系人").referenceTo(CONTACT))
                .field(FieldDef.<MassMailingRecipient, String>of("leadId", FieldType.ID, MassMailingRecipient::getLeadId, null)
                        .label("Lead", "潜在客户"))
                .field(FieldDef.<MassMailingRecipient, String>of("emailAddress", FieldType.STRING, MassMailingRecipient::getEmailAddress, null)
                        .label("Address", "邮箱").maxLength(320))
                .field(FieldDef.<MassMailingRecipient, String>of("status", FieldType.PICKLIST, MassMailingRecipient::getStatus, null)
                        .label("Status", "状态").picklist(PicklistValue.of(MassMailingRecipient.PENDING, "Not yet queued", "待排队"),
                                PicklistValue.of(MassMailingRecipient.QUEUED, "In the outbox", "待发送"),
                                PicklistValue.of(MassMailingRecipient.SENT, "Sent", "已发送"),
                                PicklistValue.of(MassMailingRecipient.OPENED, "Opened", "已阅读"),
                                PicklistValue.of(MassMailingRecipient.SKIPPED_OPT_OUT, "Skipped: does not want email", "已跳过：拒收邮件"),
                                PicklistValue.of(MassMailingRecipient.SKIPPED_NO_ADDRESS, "Skipped: no email address", "已跳过：无邮箱"),
                                PicklistValue.of(MassMailingRecipient.FAILED, "Failed", "失败"),
                                PicklistValue.of(MassMailingRecipient.CANCELLED, "Cancelled", "已取消")))
                .field(FieldDef.<MassMailingRecipient, String>of("reason", FieldType.STRING, MassMailingRecipient::getReason, null)
                        .label("Why", "原因").maxLength(500))
                .field(FieldDef.<MassMailingRecipient, String>of("emailId", FieldType.REFERENCE, MassMailingRecipient::getEmailId, null)
                        .label("Email", "邮件").referenceTo("Email"))
                .field(FieldDef.<MassMailingRecipient, Object>of("firstOpenedAt", FieldType.DATETIME, MassMailingRecipient::getFirstOpenedAt, null)
                        .label("First opened", "首次阅读"))
                .field(FieldDef.<MassMailingRecipient, Object>of("lastOpenedAt", FieldType.DATETIME, MassMailingRecipient::getLastOpenedAt, null)
                        .label("Last opened", "最近阅读"))
                .field(FieldDef.<MassMailingRecipient, Long>of("openCount", FieldType.INTEGER, MassMailingRecipient::getOpenCount, null)
                        .label("Opens", "阅读次数"))
                .field(FieldDef.<MassMailingRecipient, Long>of("clickCount", FieldType.INTEGER, MassMailingRecipient::getClickCount, null)
                        .label("Clicks", "点击次数"))
                .displayName(MassMailingRecipient::getEmailAddress)
                .defaultSort("createdAt", false)
                .build();
    }

    private static EntityType<EmailTracking> tracking() {
        return EntityType.builder("EmailTracking", "email-tracking", EmailTracking.class, EmailTracking::new)
                .module(MailTypes.MODULE).detail()
                .label("Email tracking", "邮件跟踪")
                .pluralLabel("Email tracking", "邮件跟踪")
                .field(FieldDef.<EmailTracking, String>of("emailId", FieldType.REFERENCE, EmailTracking::getEmailId, null)
                        .label("Email", "邮件").referenceTo("Email"))
                .field(FieldDef.<EmailTracking, String>of("massMailingId", FieldType.REFERENCE, EmailTracking::getMassMailingId, null)
                        .label("Mass mailing", "群发邮件").referenceTo("MassMailing"))
                .field(FieldDef.<EmailTracking, String>of("contactId", FieldType.REFERENCE, EmailTracking::getContactId, null)
                        .label("Contact", "联系人").referenceTo(CONTACT))
                .field(FieldDef.<EmailTracking, String>of("leadId", FieldType.ID, EmailTracking::getLeadId, null)
                        .label("Lead", "潜在客户"))
                .field(FieldDef.<EmailTracking, Object>of("firstOpenedAt", FieldType.DATETIME, EmailTracking::getFirstOpenedAt, null)
                        .label("First opened", "首次阅读"))
                .field(FieldDef.<EmailTracking, Object>of("lastOpenedAt", FieldType.DATETIME, EmailTracking::getLastOpenedAt, null)
                        .label("Last opened", "最近阅读"))
                .field(FieldDef.<EmailTracking, Long>of("openCount", FieldType.INTEGER, EmailTracking::getOpenCount, null)
                        .label("Opens", "阅读次数"))
                .field(FieldDef.<EmailTracking, Long>of("clickCount", FieldType.INTEGER, EmailTracking::getClickCount, null)
                        .label("Clicks", "点击次数"))
                .field(FieldDef.<EmailTracking, Object>of("lastClickedAt", FieldType.DATETIME, EmailTracking::getLastClickedAt, null)
                        .label("Last click", "最近点击"))
                .field(FieldDef.<EmailTracking, Object>of("unsubscribedAt", FieldType.DATETIME, EmailTracking::getUnsubscribedAt, null)
                        .label("Unsubscribed at", "退订时间"))
                .displayName(EmailTracking::getEmailId)
                .defaultSort("createdAt", true)
                .build();
    }
}
