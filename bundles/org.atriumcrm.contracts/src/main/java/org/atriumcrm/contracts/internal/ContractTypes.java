package org.atriumcrm.contracts.internal;

import java.util.List;

import org.atriumcrm.api.meta.EntityType;
import org.atriumcrm.api.meta.FieldDef;
import org.atriumcrm.api.meta.FieldType;
import org.atriumcrm.api.meta.PicklistValue;
import org.atriumcrm.api.module.EntityRef;

/** Metadata of the contracts module, in English and Simplified Chinese. */
final class ContractTypes {
    static final String MODULE = "contracts";
    static final String SERIES = "CON";

    static final String DRAFT = "draft";
    static final String IN_APPROVAL = "in_approval";
    static final String APPROVED = "approved";
    static final String SIGNED = "signed";
    static final String ACTIVE = "active";
    static final String EXPIRED = "expired";
    static final String TERMINATED = "terminated";
    static final String NOT_REQUIRED = "not_required";
    static final String PENDING = "pending";
    static final String REJECTED = "rejected";

    static final EntityType<Contract> CONTRACT = contract();
    static final List<EntityType<?>> ALL = List.of(CONTRACT);
    static final List<EntityRef> REFS = ALL.stream().map(t -> new EntityRef(t.name(), t.plural())).toList();

    private ContractTypes() {
    }

    private static EntityType<Contract> contract() {
        return EntityType.builder("Contract", "contracts", Contract.class, Contract::new)
                .module(MODULE).menuOrder(55)
                .label("Contract", "合同")
                .pluralLabel("Contracts", "合同")
                .field(FieldDef.<Contract, String>of("number", FieldType.STRING, Contract::getNumber, null)
                        .label("Number", "合同编号").searchable())
                .field(FieldDef.of("name", FieldType.STRING, Contract::getName, Contract::setName)
                        .label("Name", "合同名称").required().maxLength(200).searchable())
                .field(FieldDef.of("contractType", FieldType.PICKLIST, Contract::getContractType, Contract::setContractType)
                        .label("Type", "合同类型").picklist(PicklistValue.of("sales", "Sales contract", "销售合同"),
                                PicklistValue.of("framework", "Framework agreement", "框架协议"),
                                PicklistValue.of("service", "Service contract", "服务合同"),
                                PicklistValue.of("maintenance", "Maintenance contract", "维保合同"),
                                PicklistValue.of("other", "Other", "其他")))
                .field(FieldDef.of("accountId", FieldType.REFERENCE, Contract::getAccountId, Contract::setAccountId)
                        .label("Account (party)", "客户（签约方）").referenceTo("Account"))
                .field(FieldDef.of("contactId", FieldType.REFERENCE, Contract::getContactId, Contract::setContactId)
                        .label("Customer's signatory", "客户签约人").referenceTo("Contact"))
                .field(FieldDef.of("signatoryId", FieldType.ID, Contract::getSignatoryId, Contract::setSignatoryId)
                        .label("Our signatory", "我方签约人"))
                .field(FieldDef.of("quoteId", FieldType.REFERENCE, Contract::getQuoteId, Contract::setQuoteId)
                        .label("From quote", "来源报价单").referenceTo("Quote"))
                .field(FieldDef.of("opportunityId", FieldType.REFERENCE, Contract::getOpportunityId, Contract::setOpportunityId)
                        .label("Opportunity", "销售机会").referenceTo("Opportunity"))
                .field(FieldDef.of("startDate", FieldType.DATE, Contract::getStartDate, Contract::setStartDate)
                        .label("Start date", "生效日期"))
                .field(FieldDef.of("endDate", FieldType.DATE, Contract::getEndDate, Contract::setEndDate)
                        .label("End date", "到期日期"))
                .field(FieldDef.of("contractValue", FieldType.DECIMAL, Contract::getContractValue, Contract::setContractValue)
                        .label("Value", "合同金额"))
                .field(FieldDef.of("currency", FieldType.STRING, Contract::getCurrency, Contract::setCurrency)
                        .label("Currency", "币种").maxLength(3).pattern("[A-Z]{3}", "must be an ISO 4217 code like CNY or USD"))
                .field(FieldDef.of("terms", FieldType.TEXT, Contract::getTerms, Contract::setTerms)
                        .label("Terms", "合同条款").notFilterable())
                .field(FieldDef.<Contract, String>of("status", FieldType.PICKLIST, Contract::getStatus, null)
                        .label("Status", "状态").picklist(PicklistValue.of(DRAFT, "Draft", "草稿"),
                                PicklistValue.of(IN_APPROVAL, "In approval", "审批中"), PicklistValue.of(APPROVED, "Approved", "已批准"),
                                PicklistValue.of(SIGNED, "Signed", "已签署"), PicklistValue.of(ACTIVE, "In force", "执行中"),
                                PicklistValue.of(EXPIRED, "Expired", "已到期"), PicklistValue.of(TERMINATED, "Terminated", "已终止")))
                .field(FieldDef.<Contract, String>of("approvalStatus", FieldType.PICKLIST, Contract::getApprovalStatus, null)
                        .label("Approval", "审批状态").picklist(PicklistValue.of(NOT_REQUIRED, "Not required", "无需审批"),
                                PicklistValue.of(PENDING, "Pending", "待审批"), PicklistValue.of(APPROVED, "Approved", "已批准"),
                                PicklistValue.of(REJECTED, "Rejected", "已驳回")))
                .field(FieldDef.<Contract, String>of("approverId", FieldType.ID, Contract::getApproverId, null).label("Approver", "审批人"))
                .field(FieldDef.<Contract, String>of("approvalRuleId", FieldType.REFERENCE, Contract::getApprovalRuleId, null)
                        .label("Approval rule", "审批规则").referenceTo("ApprovalRule"))
                .field(FieldDef.<Contract, String>of("approvalReason", FieldType.STRING, Contract::getApprovalReason, null)
                        .label("Why approval is needed", "需审批原因"))
                .field(FieldDef.<Contract, String>of("decisionComment", FieldType.STRING, Contract::getDecisionComment, null)
                        .label("Approver's comment", "审批意见"))
                .field(FieldDef.<Contract, String>of("decidedBy", FieldType.ID, Contract::getDecidedBy, null).label("Decided by", "审批人（实际）"))
                .field(FieldDef.<Contract, Object>of("decidedAt", FieldType.DATETIME, Contract::getDecidedAt, null).label("Decided at", "审批时间"))
                .field(FieldDef.<Contract, Object>of("signedOn", FieldType.DATE, Contract::getSignedOn, null).label("Signed on", "签署日期"))
                .field(FieldDef.<Contract, String>of("endReason", FieldType.STRING, Contract::getEndReason, null)
                        .label("Why it ended", "终止原因"))
                .field(FieldDef.of("renewalDate", FieldType.DATE, Contract::getRenewalDate, Contract::setRenewalDate)
                        .label("Renewal date", "续约日期"))
                .field(FieldDef.of("reminderDaysBefore", FieldType.INTEGER, Contract::getReminderDaysBefore, Contract::setReminderDaysBefore)
                        .label("Remind the owner days before renewal", "续约提前提醒天数"))
                .field(FieldDef.<Contract, Object>of("reminderSentAt", FieldType.DATETIME, Contract::getReminderSentAt, null)
                        .label("Renewal reminder sent at", "续约提醒发送时间"))
                .field(FieldDef.<Contract, String>of("scanType", FieldType.STRING, Contract::getScanType, null)
                        .label("Signed scan type (PUT .../scan)", "签署扫描件类型"))
                .field(FieldDef.<Contract, Long>of("scanSize", FieldType.INTEGER, Contract::getScanSize, null)
                        .label("Signed scan size (bytes)", "签署扫描件大小（字节）"))
                .field(FieldDef.of("description", FieldType.TEXT, Contract::getDescription, Contract::setDescription)
                        .label("Description", "描述").notFilterable())
                .displayName(c -> c.getNumber() == null ? c.getName() : c.getNumber() + " " + c.getName())
                .defaultSort("createdAt", true)
                .build();
    }
}
