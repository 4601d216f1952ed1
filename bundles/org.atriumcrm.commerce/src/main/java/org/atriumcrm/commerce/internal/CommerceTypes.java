package org.atriumcrm.commerce.internal;

import java.util.List;

import org.atriumcrm.api.meta.EntityType;
import org.atriumcrm.api.meta.FieldDef;
import org.atriumcrm.api.meta.FieldType;
import org.atriumcrm.api.meta.PicklistValue;
import org.atriumcrm.api.module.EntityRef;

/** Metadata of the commerce module (what the order-to-cash modules share), in English and Simplified Chinese. */
final class CommerceTypes {
    static final String MODULE = "commerce";
    static final String MANAGER = "manager";
    static final String USER = "user";
    static final String ANY = "any";
    static final String ALL_CONDITIONS = "all";

    static final PicklistValue[] DOCUMENTS = {
        PicklistValue.of("Quote", "Quote", "报价单"),
        PicklistValue.of("Contract", "Contract", "合同"),
        PicklistValue.of("SalesOrder", "Sales order", "销售订单"),
        PicklistValue.of("PurchaseOrder", "Purchase order", "采购订单"),
    };

    static final EntityType<ApprovalRule> APPROVAL_RULE = approvalRule();
    static final List<EntityType<?>> ALL = List.of(APPROVAL_RULE);
    static final List<EntityRef> REFS = ALL.stream().map(t -> new EntityRef(t.name(), t.plural())).toList();

    private CommerceTypes() {
    }

    private static EntityType<ApprovalRule> approvalRule() {
        return EntityType.builder("ApprovalRule", "approval-rules", ApprovalRule.class, ApprovalRule::new)
                .module(MODULE)
                .label("Approval rule", "审批规则")
                .pluralLabel("Approval rules", "审批规则")
                .administrative()
                .field(FieldDef.of("name", FieldType.STRING, ApprovalRule::getName, ApprovalRule::setName)
                        .label("Name", "名称").required().maxLength(200).searchable())
                .field(FieldDef.of("documentEntity", FieldType.PICKLIST, ApprovalRule::getDocumentEntity, ApprovalRule::setDocumentEntity)
                        .label("Document", "单据类型").required().picklist(DOCUMENTS))
                .field(FieldDef.of("minDiscountPercent", FieldType.DECIMAL, ApprovalRule::getMinDiscountPercent,
                        ApprovalRule::setMinDiscountPercent).label("From a line discount of (%)", "行折扣达到（%）"))
                .field(FieldDef.of("minAmount", FieldType.DECIMAL, ApprovalRule::getMinAmount, ApprovalRule::setMinAmount)
                        .label("From a grand total of", "总金额达到"))
                .field(FieldDef.of("currency", FieldType.STRING, ApprovalRule::getCurrency, ApprovalRule::setCurrency)
                        .label("Currency of the amount", "金额币种").maxLength(3).pattern("[A-Z]{3}", "must be an ISO 4217 code like CNY or USD"))
                .field(FieldDef.of("matchWhen", FieldType.PICKLIST, ApprovalRule::getMatchWhen, ApprovalRule::setMatchWhen)
                        .label("Applies when", "适用条件").picklist(PicklistValue.of(ANY, "Either threshold is reached", "达到任一条件"),
                                PicklistValue.of(ALL_CONDITIONS, "Both thresholds are reached", "同时达到全部条件")))
                .field(FieldDef.of("approverType", FieldType.PICKLIST, ApprovalRule::getApproverType, ApprovalRule::setApproverType)
                        .label("Approver", "审批人").required().picklist(PicklistValue.of(MANAGER, "The owner's manager (role tree)", "负责人的上级（角色层级）"),
                                PicklistValue.of(USER, "A named user", "指定用户")))
                .field(FieldDef.of("approverUserId", FieldType.ID, ApprovalRule::getApproverUserId, ApprovalRule::setApproverUserId)
                        .label("Approving user", "指定审批用户"))
                .field(FieldDef.of("active", FieldType.BOOLEAN, ApprovalRule::getActive, ApprovalRule::setActive)
                        .label("Active", "启用"))
                .field(FieldDef.of("description", FieldType.STRING, ApprovalRule::getDescription, ApprovalRule::setDescription)
                        .label("Description", "描述").maxLength(1000))
                .displayName(ApprovalRule::getName)
                .defaultSort("name", false)
                .build();
    }
}
