package org.atriumcrm.leads.internal;

import java.util.List;

import org.atriumcrm.api.meta.EntityType;
import org.atriumcrm.api.meta.FieldDef;
import org.atriumcrm.api.meta.FieldType;
import org.atriumcrm.api.meta.PicklistValue;
import org.atriumcrm.api.meta.StandardPicklists;
import org.atriumcrm.api.module.EntityRef;

/** Metadata of the leads module, in English and Simplified Chinese. */
final class LeadTypes {
    static final String MODULE = "leads";

    static final PicklistValue[] STATUSES = {
        PicklistValue.of(Lead.NEW, "New", "新建"),
        PicklistValue.of("contacted", "Contacted", "已联系"),
        PicklistValue.of("qualified", "Qualified", "已确认"),
        PicklistValue.of(Lead.UNQUALIFIED, "Unqualified", "无效"),
        PicklistValue.of(Lead.CONVERTED, "Converted", "已转换"),
    };

    static final EntityType<Lead> LEAD = lead();
    static final EntityType<LeadForm> FORM = form();
    static final EntityType<LeadAssignmentRule> RULE = rule();
    static final List<EntityType<?>> ALL = List.of(LEAD, FORM, RULE);
    static final List<EntityRef> REFS = List.of(new EntityRef(LEAD.name(), LEAD.plural()),
            new EntityRef(FORM.name(), FORM.plural()), new EntityRef(RULE.name(), RULE.plural()));

    private LeadTypes() {
    }

    private static EntityType<Lead> lead() {
        return EntityType.builder("Lead", "leads", Lead.class, Lead::new)
                .module(MODULE).menuOrder(30)
                .importable()
                .label("Lead", "潜在客户")
                .pluralLabel("Leads", "潜在客户")
                .field(FieldDef.of("salutation", FieldType.PICKLIST, Lead::getSalutation, Lead::setSalutation)
                        .label("Salutation", "称呼").picklist(StandardPicklists.SALUTATIONS))
                .field(FieldDef.of("lastName", FieldType.STRING, Lead::getLastName, Lead::setLastName)
                        .label("Last name (family name)", "姓").maxLength(100).searchable())
                .field(FieldDef.of("firstName", FieldType.STRING, Lead::getFirstName, Lead::setFirstName)
                        .label("First name (given name)", "名").maxLength(100).searchable())
                .field(FieldDef.<Lead, String>of("fullName", FieldType.STRING, Lead::getFullName, null)
                        .label("Full name", "姓名").maxLength(201).searchable())
                .field(FieldDef.of("title", FieldType.STRING, Lead::getTitle, Lead::setTitle).label("Title", "职务").maxLength(100))
                .field(FieldDef.of("company", FieldType.STRING, Lead::getCompany, Lead::setCompany)
                        .label("Company", "公司").maxLength(200).searchable())
                .field(FieldDef.of("industry", FieldType.PICKLIST, Lead::getIndustry, Lead::setIndustry)
                        .label("Industry", "行业").picklist(StandardPicklists.INDUSTRIES))
                .field(FieldDef.of("source", FieldType.PICKLIST, Lead::getSource, Lead::setSource)
                        .label("Lead source", "线索来源").picklist(StandardPicklists.SOURCES))
                .field(FieldDef.of("status", FieldType.PICKLIST, Lead::getStatus, Lead::setStatus)
                        .label("Status", "状态").picklist(STATUSES))
                .field(FieldDef.of("rating", FieldType.PICKLIST, Lead::getRating, Lead::setRating)
                        .label("Rating", "等级").picklist(StandardPicklists.RATINGS))
                .field(FieldDef.of("email", FieldType.EMAIL, Lead::getEmail, Lead::setEmail).label("Email", "邮箱").searchable()
                        .matchAttribute("emailKey"))
                .field(FieldDef.of("mobile", FieldType.PHONE, Lead::getMobile, Lead::setMobile)
                        .label("Mobile", "手机").maxLength(40).searchable().matchAttribute("mobileKey"))
                .field(FieldDef.of("phone", FieldType.PHONE, Lead::getPhone, Lead::setPhone).label("Phone", "电话").maxLength(40))
                .field(FieldDef.of("website", FieldType.URL, Lead::getWebsite, Lead::setWebsite).label("Website", "网址"))
                .field(FieldDef.of("country", FieldType.STRING, Lead::getCountry, Lead::setCountry).label("Country", "国家").maxLength(100))
                .field(FieldDef.of("province", FieldType.STRING, Lead::getProvince, Lead::setProvince)
                        .label("Province", "省份").maxLength(100))
                .field(FieldDef.of("city", FieldType.STRING, Lead::getCity, Lead::setCity).label("City", "城市").maxLength(100))
                .field(FieldDef.of("district", FieldType.STRING, Lead::getDistrict, Lead::setDistrict).label("District", "区县").maxLength(100))
                .field(FieldDef.of("street", FieldType.STRING, Lead::getStreet, Lead::setStreet).label("Street", "街道地址").maxLength(500))
                .field(FieldDef.of("postcode", FieldType.STRING, Lead::getPostcode, Lead::setPostcode).label("Postcode", "邮编").maxLength(20))
                .field(FieldDef.of("region", FieldType.STRING, Lead::getRegion, Lead::setRegion).label("Region", "区域").maxLength(100))
                .field(FieldDef.of("channel", FieldType.STRING, Lead::getChannel, Lead::setChannel).label("Channel", "渠道").maxLength(100))
                .field(FieldDef.of("expectedRevenue", FieldType.DECIMAL, Lead::getExpectedRevenue, Lead::setExpectedRevenue)
                        .label("Expected revenue", "预计收入"))
                .field(FieldDef.of("currency", FieldType.STRING, Lead::getCurrency, Lead::setCurrency)
                        .label("Currency", "币种").maxLength(3).pattern("[A-Z]{3}", "must be an ISO 4217 code like CNY or USD"))
                .field(FieldDef.of("campaignId", FieldType.ID, Lead::getCampaignId, Lead::setCampaignId).label("Campaign", "市场活动"))
                .field(FieldDef.<Lead, String>of("webFormId", FieldType.ID, Lead::getWebFormId, null).label("Web form", "网页表单"))
                .field(FieldDef.<Lead, String>of("assignmentRuleId", FieldType.ID, Lead::getAssignmentRuleId, null)
                        .label("Assigned by rule", "分配规则"))
                .field(FieldDef.<Lead, Object>of("convertedAt", FieldType.DATETIME, Lead::getConvertedAt, null)
                        .label("Converted at", "转换时间"))
                .field(FieldDef.<Lead, String>of("convertedAccountId", FieldType.REFERENCE, Lead::getConvertedAccountId, null)
                        .label("Converted to account", "转换后的客户").referenceTo("Account"))
                .field(FieldDef.<Lead, String>of("convertedContactId", FieldType.REFERENCE, Lead::getConvertedContactId, null)
                        .label("Converted to contact", "转换后的联系人").referenceTo("Contact"))
                .field(FieldDef.<Lead, String>of("convertedOpportunityId", FieldType.REFERENCE, Lead::getConvertedOpportunityId, null)
                        .label("Converted to opportunity", "转换后的销售机会").referenceTo("Opportunity"))
                .field(FieldDef.of("description", FieldType.TEXT, Lead::getDescription, Lead::setDescription)
                        .label("Description", "描述").notFilterable())
                .field(FieldDef.of("doNotEmail", FieldType.BOOLEAN, Lead::getDoNotEmail, Lead::setDoNotEmail)
                        .label("Do not email", "拒收邮件"))
                .duplicateRule("email")
                .duplicateRule("mobile")
                .displayName(l -> l.getFullName() == null || l.getFullName().isBlank() ? l.getCompany()
                        : l.getCompany() == null ? l.getFullName() : l.getFullName() + " (" + l.getCompany() + ")")
                .defaultSort("createdAt", true)
                .build();
    }

    private static EntityType<LeadForm> form() {
        return EntityType.builder("LeadForm", "lead-forms", LeadForm.class, LeadForm::new)
                .module(MODULE)
                .label("Web-to-lead form", "网页线索表单")
                .pluralLabel("Web-to-lead forms", "网页线索表单")
                .administrative()
                .field(FieldDef.of("name", FieldType.STRING, LeadForm::getName, LeadForm::setName)
                        .label("Name", "名称").required().maxLength(100).searchable())
                .field(FieldDef.<LeadForm, String>of("formKey", FieldType.STRING, LeadForm::getFormKey, null)
                        .label("Form key (posted by the page)", "表单密钥"))
                .field(FieldDef.of("active", FieldType.BOOLEAN, LeadForm::getActive, LeadForm::setActive).label("Active", "启用"))
                .field(FieldDef.of("allowedOrigins", FieldType.TEXT, LeadForm::getAllowedOrigins, LeadForm::setAllowedOrigins)
                        .label("Allowed origins (one per line, e.g. https://www.example.cn)", "允许的来源网站").maxLength(4000))
                .field(FieldDef.of("fieldMapping", FieldType.TEXT, LeadForm::getFieldMapping, LeadForm::setFieldMapping)
                        .label("Field mapping (form_field=leadField, one per line)", "字段映射").maxLength(4000))
                .field(FieldDef.of("defaultSource", FieldType.PICKLIST, LeadForm::getDefaultSource, LeadForm::setDefaultSource)
                        .label("Lead source", "线索来源").picklist(StandardPicklists.SOURCES))
                .field(FieldDef.of("honeypotField", FieldType.STRING, LeadForm::getHoneypotField, LeadForm::setHoneypotField)
                        .label("Honeypot field (hidden, must stay empty)", "防机器人隐藏字段").maxLength(100))
                .field(FieldDef.of("maxPerMinute", FieldType.INTEGER, LeadForm::getMaxPerMinute, LeadForm::setMaxPerMinute)
                        .label("Submissions per minute per client address", "每个地址每分钟提交上限"))
                .field(FieldDef.of("fallbackOwnerId", FieldType.ID, LeadForm::getFallbackOwnerId, LeadForm::setFallbackOwnerId)
                        .label("Owner when no assignment rule matches", "默认负责人"))
                .displayName(LeadForm::getName)
                .build();
    }

    private static EntityType<LeadAssignmentRule> rule() {
        return EntityType.builder("LeadAssignmentRule", "lead-assignment-rules", LeadAssignmentRule.class, LeadAssignmentRule::new)
                .module(MODULE)
                .label("Lead assignment rule", "潜在客户分配规则")
                .pluralLabel("Lead assignment rules", "潜在客户分配规则")
                .administrative()
                .field(FieldDef.of("name", FieldType.STRING, LeadAssignmentRule::getName, LeadAssignmentRule::setName)
                        .label("Name", "名称").required().maxLength(100))
                .field(FieldDef.of("priority", FieldType.INTEGER, LeadAssignmentRule::getPriority, LeadAssignmentRule::setPriority)
                        .label("Priority (lowest first)", "优先级"))
                .field(FieldDef.of("active", FieldType.BOOLEAN, LeadAssignmentRule::getActive, LeadAssignmentRule::setActive)
                        .label("Active", "启用"))
                .field(FieldDef.of("matchSource", FieldType.PICKLIST, LeadAssignmentRule::getMatchSource, LeadAssignmentRule::setMatchSource)
                        .label("Lead source is", "线索来源为").picklist(StandardPicklists.SOURCES))
                .field(FieldDef.of("matchRegion", FieldType.STRING, LeadAssignmentRule::getMatchRegion, LeadAssignmentRule::setMatchRegion)
                        .label("Region is", "区域为").maxLength(100))
                .field(FieldDef.of("matchProvince", FieldType.STRING, LeadAssignmentRule::getMatchProvince,
                        LeadAssignmentRule::setMatchProvince).label("Province is", "省份为").maxLength(100))
                .field(FieldDef.of("strategy", FieldType.PICKLIST, LeadAssignmentRule::getStrategy, LeadAssignmentRule::setStrategy)
                        .label("Strategy", "分配方式").picklist(
                                PicklistValue.of(LeadAssignmentRule.FIXED, "To one owner", "指定负责人"),
                                PicklistValue.of(LeadAssignmentRule.ROUND_ROBIN, "Round robin", "轮流分配")))
                .field(FieldDef.of("assigneeIds", FieldType.TEXT, LeadAssignmentRule::getAssigneeIds, LeadAssignmentRule::setAssigneeIds)
                        .label("Users or groups (ids, comma-separated)", "分配给（用户或组）").required().maxLength(4000))
                .displayName(LeadAssignmentRule::getName)
                .defaultSort("priority", false)
                .build();
    }
}
