package org.atriumcrm.mail.internal;

import java.util.List;

import org.atriumcrm.api.meta.EntityType;
import org.atriumcrm.api.meta.FieldDef;
import org.atriumcrm.api.meta.FieldType;
import org.atriumcrm.api.meta.PicklistValue;

/** Metadata of the mail scanner: mailboxes, received attachments and the scanner's dead letters. */
final class ScannerTypes {
    static final EntityType<Mailbox> MAILBOX = mailbox();
    static final EntityType<EmailAttachment> ATTACHMENT = attachment();
    static final EntityType<MailScanFailure> FAILURE = failure();
    static final List<EntityType<?>> ALL = List.of(MAILBOX, ATTACHMENT, FAILURE);

    private ScannerTypes() {
    }

    private static EntityType<Mailbox> mailbox() {
        return EntityType.builder("Mailbox", "mailboxes", Mailbox.class, Mailbox::new)
                .module(MailTypes.MODULE)
                .label("Scanned mailbox", "扫描邮箱")
                .pluralLabel("Scanned mailboxes", "扫描邮箱")
                .field(FieldDef.of("name", FieldType.STRING, Mailbox::getName, Mailbox::setName).label("Name", "名称").required().maxLength(200).searchable())
                .field(FieldDef.of("protocol", FieldType.PICKLIST, Mailbox::getProtocol, Mailbox::setProtocol).label("Protocol", "协议").required()
                        .picklist(PicklistValue.of(Mailbox.IMAPS, "IMAP over TLS", "IMAP (SSL/TLS)"), PicklistValue.of(Mailbox.IMAP, "IMAP", "IMAP"),
                                PicklistValue.of(Mailbox.POP3S, "POP3 over TLS", "POP3 (SSL/TLS)"), PicklistValue.of(Mailbox.POP3, "POP3", "POP3")))
                .field(FieldDef.of("host", FieldType.STRING, Mailbox::getHost, Mailbox::setHost).label("Server", "服务器").required().maxLength(255)
                        .pattern("[A-Za-z0-9.:\\[\\]-]+", "a host name or IP address"))
                .field(FieldDef.of("port", FieldType.INTEGER, Mailbox::getPort, Mailbox::setPort).label("Port", "端口").required())
                .field(FieldDef.of("security", FieldType.PICKLIST, Mailbox::getSecurity, Mailbox::setSecurity).label("TLS", "加密方式")
                        .picklist(PicklistValue.of("ssl", "TLS from the start (993/995)", "SSL/TLS"),
                                PicklistValue.of("starttls", "STARTTLS (required)", "STARTTLS"), PicklistValue.of("none", "None (test servers only)", "不加密")))
                .field(FieldDef.of("userName", FieldType.STRING, Mailbox::getUserName, Mailbox::setUserName).label("Login", "登录名").required().maxLength(320))
                .field(FieldDef.<Mailbox, String>of("secret", FieldType.STRING, m -> null, Mailbox::setSecret)
                        .label("Password or authorization code (write-only)", "密码或授权码（只写）").maxLength(500).notFilterable().notSortable())
                .field(FieldDef.<Mailbox, Boolean>of("hasSecret", FieldType.BOOLEAN, Mailbox::getHasSecret, null).label("Password set", "已设置密码"))
                .field(FieldDef.of("folders", FieldType.STRING, Mailbox::getFolders, Mailbox::setFolders).label("Folders (comma-separated)", "扫描的文件夹").maxLength(1000))
                .field(FieldDef.of("pollSeconds", FieldType.INTEGER, Mailbox::getPollSeconds, Mailbox::setPollSeconds).label("Poll every (seconds)", "扫描间隔（秒）"))
                .field(FieldDef.of("batchSize", FieldType.INTEGER, Mailbox::getBatchSize, Mailbox::setBatchSize)
                        .label("Messages per poll", "每次扫描的邮件数"))
                .field(FieldDef.of("afterProcessing", FieldType.PICKLIST, Mailbox::getAfterProcessing, Mailbox::setAfterProcessing)
                        .label("After filing", "归档后").picklist(PicklistValue.of(Mailbox.MARK_SEEN, "Mark as read", "标记为已读"),
                                PicklistValue.of(Mailbox.MOVE, "Move to a folder", "移到文件夹"), PicklistValue.of(Mailbox.LEAVE, "Leave untouched", "不做处理")))
                .field(FieldDef.of("moveToFolder", FieldType.STRING, Mailbox::getMoveToFolder, Mailbox::setMoveToFolder).label("Move to folder", "移到文件夹").maxLength(200))
                .field(FieldDef.of("shared", FieldType.BOOLEAN, Mailbox::getShared, Mailbox::setShared).label("Shared (company) mailbox", "公共邮箱"))
                .field(FieldDef.of("active", FieldType.BOOLEAN, Mailbox::getActive, Mailbox::setActive).label("Active", "启用"))
                .field(FieldDef.of("createLeads", FieldType.BOOLEAN, Mailbox::getCreateLeads, Mailbox::setCreateLeads)
                        .label("Rule: create a lead from an unknown sender", "规则：陌生发件人创建潜在客户"))
                .field(FieldDef.of("attachToOpportunity", FieldType.BOOLEAN, Mailbox::getAttachToOpportunity, Mailbox::setAttachToOpportunity)
                        .label("Rule: attach to the account's open opportunity", "规则：关联客户的进行中商机"))
                .field(FieldDef.of("handOffTopic", FieldType.STRING, Mailbox::getHandOffTopic, Mailbox::setHandOffTopic)
                        .label("Rule: hand every message to (event topic)", "规则：转交给模块（事件主题）").maxLength(200)
                        .pattern("atrium/[A-Za-z0-9_/-]+", "an event topic under atrium/, e.g. atrium/servicedesk/EMAIL_TO_CASE"))
                .field(FieldDef.of("internalDomains", FieldType.STRING, Mailbox::getInternalDomains, Mailbox::setInternalDomains)
                        .label("Our own mail domains (never leads)", "本公司邮件域名").maxLength(1000))
                .field(FieldDef.of("maxAttachmentBytes", FieldType.INTEGER, Mailbox::getMaxAttachmentBytes, Mailbox::setMaxAttachmentBytes)
                        .label("Largest attachment kept (bytes)", "保存附件的大小上限（字节）"))
                .field(FieldDef.<Mailbox, Object>of("lastScanAt", FieldType.DATETIME, Mailbox::getLastScanAt, null).label("Last scan", "上次扫描"))
                .field(FieldDef.<Mailbox, String>of("lastError", FieldType.STRING, Mailbox::getLastError, null).label("Last error", "最近错误"))
                .field(FieldDef.<Mailbox, Long>of("filedCount", FieldType.INTEGER, Mailbox::getFiledCount, null).label("Messages filed", "已归档邮件"))
                .displayName(Mailbox::getName)
                .defaultSort("name", false)
                .build();
    }

    private static EntityType<EmailAttachment> attachment() {
        return EntityType.builder("EmailAttachment", "email-attachments", EmailAttachment.class, EmailAttachment::new)
                .module(MailTypes.MODULE).detail()
                .label("Email attachment", "邮件附件")
                .pluralLabel("Email attachments", "邮件附件")
                .field(FieldDef.<EmailAttachment, String>of("emailId", FieldType.REFERENCE, EmailAttachment::getEmailId, null)
                        .label("Email", "邮件").referenceTo("Email"))
                .field(FieldDef.<EmailAttachment, String>of("fileName", FieldType.STRING, EmailAttachment::getFileName, null)
                        .label("File name", "文件名").searchable())
                .field(FieldDef.<EmailAttachment, String>of("contentType", FieldType.STRING, EmailAttachment::getContentType, null)
                        .label("Type", "类型"))
                .field(FieldDef.<EmailAttachment, Long>of("sizeBytes", FieldType.INTEGER, EmailAttachment::getSizeBytes, null)
                        .label("Size (bytes)", "大小（字节）"))
                .field(FieldDef.<EmailAttachment, Boolean>of("stored", FieldType.BOOLEAN, EmailAttachment::getStored, null)
                        .label("Content kept", "已保存内容"))
                .displayName(EmailAttachment::getFileName)
                .defaultSort("createdAt", false)
                .build();
    }

    private static EntityType<MailScanFailure> failure() {
        return EntityType.builder("MailScanFailure", "mail-scan-failures", MailScanFailure.class, MailScanFailure::new)
                .module(MailTypes.MODULE).detail()
                .label("Unfiled message (dead letter)", "未归档邮件（死信）")
                .pluralLabel("Unfiled messages", "未归档邮件")
                .administrative()
                .field(FieldDef.<MailScanFailure, String>of("mailboxId", FieldType.REFERENCE, MailScanFailure::getMailboxId, null)
                        .label("Mailbox", "邮箱").referenceTo("Mailbox"))
                .field(FieldDef.<MailScanFailure, String>of("messageKey", FieldType.STRING, MailScanFailure::getMessageKey, null)
                        .label("Message-ID", "邮件标识"))
                .field(FieldDef.<MailScanFailure, String>of("fromAddress", FieldType.STRING, MailScanFailure::getFromAddress, null)
                        .label("From", "发件人").searchable())
                .field(FieldDef.<MailScanFailure, String>of("subject", FieldType.STRING, MailScanFailure::getSubject, null)
                        .label("Subject", "主题").searchable())
                .field(FieldDef.<MailScanFailure, String>of("reason", FieldType.STRING, MailScanFailure::getReason, null)
                        .label("Why it was not filed", "未归档原因"))
                .field(FieldDef.<MailScanFailure, String>of("status", FieldType.PICKLIST, MailScanFailure::getStatus, null)
                        .label("Status", "状态").picklist(PicklistValue.of(MailScanFailure.DEAD, "Waiting for an administrator", "等待处理"),
                                PicklistValue.of(MailScanFailure.REPLAYED, "Filed on replay", "重放后已归档")))
                .field(FieldDef.<MailScanFailure, Long>of("sizeBytes", FieldType.INTEGER, MailScanFailure::getSizeBytes, null)
                        .label("Size (bytes)", "大小（字节）"))
                .displayName(MailScanFailure::getSubject)
                .defaultSort("createdAt", true)
                .build();
    }
}
