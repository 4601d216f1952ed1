package org.atriumcrm.opportunities.internal;

import java.util.List;

import org.atriumcrm.api.meta.EntityType;
import org.atriumcrm.api.meta.FieldDef;
import org.atriumcrm.api.meta.FieldType;
import org.atriumcrm.api.meta.PicklistValue;
import org.atriumcrm.api.meta.StandardPicklists;
import org.atriumcrm.api.module.EntityRef;

/** Metadata of the opportunities module, in English and Simplified Chinese. */
final class OpportunityTypes {
    static final String MODULE = "opportunities";
    static final String NEW_BUSINESS = "new_business";

    static final PicklistValue[] TYPES = {
        PicklistValue.of(NEW_BUSINESS, "New business", "新客户业务"),
        PicklistValue.of("existing_business", "Existing business", "老客户新业务"),
        PicklistValue.of("renewal", "Renewal", "续约"),
    };

    static final EntityType<Opportunity> OPPORTUNITY = opportunity();
    static final EntityType<SalesProcess> PROCESS = process();
    static final EntityType<SalesStage> STAGE = stage();
    static final EntityType<OpportunityStageChange> STAGE_CHANGE = stageChange();
    static final EntityType<OpportunityTeamMember> TEAM_MEMBER = teamMember();
    static final EntityType<OpportunityContactRole> CONTACT_ROLE = contactRole();
    static final List<EntityType<?>> ALL = List.of(OPPORTUNITY, PROCESS, STAGE, STAGE_CHANGE, TEAM_MEMBER, CONTACT_ROLE);
    static final List<EntityRef> REFS = ALL.stream().map(t -> new EntityRef(t.name(), t.plural())).toList();

    private OpportunityTypes() {
    }

    private static EntityType<Opportunity> opportunity() {
        return EntityType.builder("Opportunity", "opportunities", Opportunity.class, Opportunity::new)
                .module(MODULE).menuOrder(40)
                .label("Opportunity", "销售机会")
                .pluralLabel("Opportunities", "销售机会")
                .field(FieldDef.of("name", FieldType.STRING, Opportunity::getName, Opportunity::setName)
                        .label("Name", "机会名称").required().maxLength(200).searchable())
                .field(FieldDef.of("accountId", FieldType.REFERENCE, Opportunity::getAccountId, Opportunity::setAccountId)
                        .label("Account", "客户").required().referenceTo("Account"))
                .field(FieldDef.of("primaryContactId", FieldType.REFERENCE, Opportunity::getPrimaryContactId,
                        Opportunity::setPrimaryContactId).label("Primary contact", "主要联系人").referenceTo("Contact"))
                .field(FieldDef.of("amount", FieldType.DECIMAL, Opportunity::getAmount, Opportunity::setAmount).label("Amount", "金额"))
                .field(FieldDef.of("currency", FieldType.STRING, Opportunity::getCurrency, Opportunity::setCurrency)
                        .label("Currency", "币种").maxLength(3).pattern("[A-Z]{3}", "must be an ISO 4217 code like CNY or USD"))
                .field(FieldDef.of("closeDate", FieldType.DATE, Opportunity::getCloseDate, Opportunity::setCloseDate)
                        .label("Expected close date", "预计成交日期").required())
                .field(FieldDef.of("type", FieldType.PICKLIST, Opportunity::getType, Opportunity::setType)
                        .label("Type (chooses the sales process)", "机会类型").picklist(TYPES))
                .field(FieldDef.of("source", FieldType.PICKLIST, Opportunity::getSource, Opportunity::setSource)
                        .label("Source", "来源").picklist(StandardPicklists.SOURCES))
                .field(FieldDef.of("campaignId", FieldType.ID, Opportunity::getCampaignId, Opportunity::setCampaignId)
                        .label("Campaign", "市场活动"))
                .field(FieldDef.of("leadId", FieldType.ID, Opportunity::getLeadId, Opportunity::setLeadId).label("From lead", "来源潜在客户"))
                .field(FieldDef.of("nextStep", FieldType.STRING, Opportunity::getNextStep, Opportunity::setNextStep)
                        .label("Next step", "下一步").maxLength(500))
                .field(FieldDef.of("probability", FieldType.INTEGER, Opportunity::getProbability, Opportunity::setProbability)
                        .label("Probability (%)", "成交概率（%）"))
                .field(FieldDef.<Opportunity, Boolean>of("probabilityOverridden", FieldType.BOOLEAN, Opportunity::getProbabilityOverridden, null)
                        .label("Probability set by hand", "手动设置概率"))
                .field(FieldDef.<Opportunity, String>of("salesProcessId", FieldType.REFERENCE, Opportunity::getSalesProcessId, null)
                        .label("Sales process", "销售流程").referenceTo("SalesProcess"))
                .field(FieldDef.<Opportunity, String>of("stage", FieldType.STRING, Opportunity::getStage, null)
                        .label("Stage", "销售阶段"))
                .field(FieldDef.<Opportunity, Object>of("stageEnteredAt", FieldType.DATETIME, Opportunity::getStageEnteredAt, null)
                        .label("In this stage since", "进入本阶段时间"))
                .field(FieldDef.<Opportunity, String>of("completedActions", FieldType.TEXT, Opportunity::getCompletedActions, null)
                        .label("Actions done in this stage", "本阶段已完成事项").notFilterable())
                .field(FieldDef.<Opportunity, Boolean>of("closed", FieldType.BOOLEAN, Opportunity::getClosed, null).label("Closed", "已关闭"))
                .field(FieldDef.<Opportunity, Boolean>of("won", FieldType.BOOLEAN, Opportunity::getWon, null).label("Won", "赢单"))
                .field(FieldDef.<Opportunity, Object>of("closedAt", FieldType.DATETIME, Opportunity::getClosedAt, null)
                        .label("Closed at", "关闭时间"))
                .field(FieldDef.<Opportunity, String>of("lostReason", FieldType.STRING, Opportunity::getLostReason, null)
                        .label("Lost reason", "输单原因"))
                .field(FieldDef.of("competitors", FieldType.STRING, Opportunity::getCompetitors, Opportunity::setCompetitors)
                        .label("Competitors", "竞争对手").maxLength(1000).searchable())
                .field(FieldDef.of("description", FieldType.TEXT, Opportunity::getDescription, Opportunity::setDescription)
                        .label("Description", "描述").notFilterable())
                .relatedList("stage-history", "OpportunityStageChange", "opportunityId", "Stage history", "阶段历史")
                .relatedList("team", "OpportunityTeamMember", "opportunityId", "Sales team", "销售团队")
                .relatedList("contact-roles", "OpportunityContactRole", "opportunityId", "Contact roles", "联系人角色")
                .displayName(Opportunity::getName)
                .defaultSort("closeDate", false)
                .build();
    }

    private static EntityType<SalesProcess> process() {
        return EntityType.builder("SalesProcess", "sales-processes", SalesProcess.class, SalesProcess::new)
                .module(MODULE)
                .label("Sales process", "销售流程")
                .pluralLabel("Sales processes", "销售流程")
                .administrative()
                .field(FieldDef.of("name", FieldType.STRING, SalesProcess::getName, SalesProcess::setName)
                        .label("Name", "名称").required().maxLength(100))
                .field(FieldDef.of("opportunityType", FieldType.PICKLIST, SalesProcess::getOpportunityType, SalesProcess::setOpportunityType)
                        .label("For opportunities of type", "适用机会类型").required().picklist(TYPES))
                .field(FieldDef.of("active", FieldType.BOOLEAN, SalesProcess::getActive, SalesProcess::setActive).label("Active", "启用"))
                .field(FieldDef.of("description", FieldType.STRING, SalesProcess::getDescription, SalesProcess::setDescription)
                        .label("Description", "描述").maxLength(1000))
                .relatedList("stages", "SalesStage", "salesProcessId", "Stages", "阶段")
                .displayName(SalesProcess::getName)
                .build();
    }

    private static EntityType<SalesStage> stage() {
        return EntityType.builder("SalesStage", "sales-stages", SalesStage.class, SalesStage::new)
                .module(MODULE)
                .label("Sales stage", "销售阶段")
                .pluralLabel("Sales stages", "销售阶段")
                .administrative()
                .field(FieldDef.of("salesProcessId", FieldType.REFERENCE, SalesStage::getSalesProcessId, SalesStage::setSalesProcessId)
                        .label("Sales process", "销售流程").required().referenceTo("SalesProcess"))
                .field(FieldDef.of("position", FieldType.INTEGER, SalesStage::getPosition, SalesStage::setPosition)
                        .label("Position", "顺序").required())
                .field(FieldDef.of("name", FieldType.STRING, SalesStage::getName, SalesStage::setName)
                        .label("Key", "阶段代码").required().maxLength(60).pattern("[a-z0-9_]+", "lower-case letters, digits and _"))
                .field(FieldDef.of("labelEn", FieldType.STRING, SalesStage::getLabelEn, SalesStage::setLabelEn)
                        .label("Label (English)", "英文名称").maxLength(100))
                .field(FieldDef.of("labelZh", FieldType.STRING, SalesStage::getLabelZh, SalesStage::setLabelZh)
                        .label("Label (Chinese)", "中文名称").maxLength(100))
                .field(FieldDef.of("probability", FieldType.INTEGER, SalesStage::getProbability, SalesStage::setProbability)
                        .label("Default probability (%)", "默认成交概率（%）").required())
                .field(FieldDef.of("requiredActions", FieldType.TEXT, SalesStage::getRequiredActions, SalesStage::setRequiredActions)
                        .label("Actions required before leaving (comma-separated)", "离开本阶段前必须完成的事项").maxLength(2000))
                .field(FieldDef.of("outcome", FieldType.PICKLIST, SalesStage::getOutcome, SalesStage::setOutcome)
                        .label("Outcome", "结果").picklist(PicklistValue.of(SalesStage.OPEN, "Open", "进行中"),
                                PicklistValue.of(SalesStage.WON, "Closed won", "赢单"), PicklistValue.of(SalesStage.LOST, "Closed lost", "输单")))
                .displayName(s -> s.getLabelEn() != null ? s.getLabelEn() : s.getName())
                .defaultSort("position", false)
                .build();
    }

    private static EntityType<OpportunityStageChange> stageChange() {
        return EntityType.builder("OpportunityStageChange", "opportunity-stage-changes", OpportunityStageChange.class,
                        OpportunityStageChange::new)
                .module(MODULE).detail()
                .label("Stage change", "阶段变更")
                .pluralLabel("Stage changes", "阶段变更")
                .field(FieldDef.<OpportunityStageChange, String>of("opportunityId", FieldType.REFERENCE,
                        OpportunityStageChange::getOpportunityId, null).label("Opportunity", "销售机会").referenceTo("Opportunity"))
                .field(FieldDef.<OpportunityStageChange, String>of("fromStage", FieldType.STRING, OpportunityStageChange::getFromStage, null)
                        .label("From stage", "原阶段"))
                .field(FieldDef.<OpportunityStageChange, String>of("toStage", FieldType.STRING, OpportunityStageChange::getToStage, null)
                        .label("To stage", "新阶段"))
                .field(FieldDef.<OpportunityStageChange, Object>of("amount", FieldType.DECIMAL, OpportunityStageChange::getAmount, null)
                        .label("Amount then", "当时金额"))
                .field(FieldDef.<OpportunityStageChange, Long>of("probability", FieldType.INTEGER, OpportunityStageChange::getProbability, null)
                        .label("Probability then", "当时概率"))
                .field(FieldDef.<OpportunityStageChange, Long>of("secondsInPreviousStage", FieldType.INTEGER,
                        OpportunityStageChange::getSecondsInPreviousStage, null).label("Seconds in the previous stage", "上一阶段停留秒数"))
                .displayName(c -> c.getFromStage() + " → " + c.getToStage())
                .defaultSort("createdAt", false)
                .build();
    }

    private static EntityType<OpportunityTeamMember> teamMember() {
        return EntityType.builder("OpportunityTeamMember", "opportunity-team-members", OpportunityTeamMember.class,
                        OpportunityTeamMember::new)
                .module(MODULE).detail()
                .label("Sales team member", "销售团队成员")
                .pluralLabel("Sales team members", "销售团队成员")
                .field(FieldDef.of("opportunityId", FieldType.REFERENCE, OpportunityTeamMember::getOpportunityId,
                        OpportunityTeamMember::setOpportunityId).label("Opportunity", "销售机会").required().referenceTo("Opportunity"))
                .field(FieldDef.of("userId", FieldType.ID, OpportunityTeamMember::getUserId, OpportunityTeamMember::setUserId)
                        .label("User", "用户").required())
                .field(FieldDef.of("teamRole", FieldType.PICKLIST, OpportunityTeamMember::getTeamRole, OpportunityTeamMember::setTeamRole)
                        .label("Role in the team", "团队角色").picklist(PicklistValue.of("sales", "Sales", "销售"),
                                PicklistValue.of("presales", "Presales", "售前"), PicklistValue.of("manager", "Manager", "经理"),
                                PicklistValue.of("support", "Support", "支持"), PicklistValue.of("other", "Other", "其他")))
                .displayName(OpportunityTeamMember::getUserId)
                .build();
    }

    private static EntityType<OpportunityContactRole> contactRole() {
        return EntityType.builder("OpportunityContactRole", "opportunity-contact-roles", OpportunityContactRole.class,
                        OpportunityContactRole::new)
                .module(MODULE).detail()
                .label("Contact role", "联系人角色")
                .pluralLabel("Contact roles", "联系人角色")
                .field(FieldDef.of("opportunityId", FieldType.REFERENCE, OpportunityContactRole::getOpportunityId,
                        OpportunityContactRole::setOpportunityId).label("Opportunity", "销售机会").required().referenceTo("Opportunity"))
                .field(FieldDef.of("contactId", FieldType.REFERENCE, OpportunityContactRole::getContactId, OpportunityContactRole::setContactId)
                        .label("Contact", "联系人").required().referenceTo("Contact"))
                .field(FieldDef.of("contactRole", FieldType.PICKLIST, OpportunityContactRole::getContactRole,
                        OpportunityContactRole::setContactRole).label("Role", "角色").required().picklist(
                                PicklistValue.of("decision_maker", "Decision maker", "决策者"),
                                PicklistValue.of("economic_buyer", "Economic buyer", "采购决策人"),
                                PicklistValue.of("technical_buyer", "Technical buyer", "技术评估人"),
                                PicklistValue.of("influencer", "Influencer", "影响者"),
                                PicklistValue.of("evaluator", "Evaluator", "评估者"),
                                PicklistValue.of("user", "User", "使用者"),
                                PicklistValue.of("other", "Other", "其他")))
                .displayName(OpportunityContactRole::getContactRole)
                .build();
    }
}
