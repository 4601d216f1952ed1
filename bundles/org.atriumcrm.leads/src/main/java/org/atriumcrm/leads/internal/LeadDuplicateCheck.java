package org.atriumcrm.leads.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.meta.EntityType;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.query.Condition;
import org.atriumcrm.api.query.ListQuery;
import org.atriumcrm.api.query.Operator;
import org.atriumcrm.api.record.Record;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.AccessPolicy;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.api.security.Right;
import org.atriumcrm.rest.api.EntityView;
import org.atriumcrm.rest.api.RecordAction;
import org.atriumcrm.rest.api.OperationSchema;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Duplicate check of a lead against leads, contacts and accounts: same email, same mobile (also written with or
 * without +86 and spaces) or same company / account name, among the records the caller may see.
 * {@code POST /api/v1/leads/{id}/duplicate-check} for a stored lead, {@code GET /api/v1/leads/duplicate-check?email=&mobile=&company=}
 * before creating one.
 */
@Component(service = {RecordAction.class, EntityView.class}, property = {RecordAction.ENTITY_PROPERTY + "=Lead",
    RecordAction.ACTION_PROPERTY + "=duplicate-check", EntityView.VIEW_PROPERTY + "=duplicate-check",
    RecordAction.SUMMARY_PROPERTY + "=Leads, contacts and accounts the caller can see with the same email, mobile (any +86 or spacing) or company name"})
public class LeadDuplicateCheck implements RecordAction, EntityView {
    private static final int MAX_PER_TYPE = 20;

    private final AccessPolicy access;
    private volatile RecordStore<?> contacts;
    private volatile RecordStore<?> accounts;

    @Activate
    public LeadDuplicateCheck(@Reference AccessPolicy access,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + LeadTypes.MODULE + ")") ModuleGate gate) {
        this.access = access;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, target = "(" + RecordStore.ENTITY_PROPERTY + "=Contact)")
    void setContacts(RecordStore<?> store) {
        contacts = store;
    }

    void unsetContacts(RecordStore<?> store) {
        if (contacts == store) {
            contacts = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, target = "(" + RecordStore.ENTITY_PROPERTY + "=Account)")
    void setAccounts(RecordStore<?> store) {
        accounts = store;
    }

    void unsetAccounts(RecordStore<?> store) {
        if (accounts == store) {
            accounts = null;
        }
    }

    /** The matches; the stored lead's own email, mobile and company are checked, so the action takes no body. */
    @Override
    public OperationSchema actionSchema() {
        return OperationSchema.noParameters(MATCHES);
    }

    @Override
    public OperationSchema viewSchema() {
        return OperationSchema.json(null, MATCHES).withParameters("""
                [{"name": "email", "in": "query", "schema": {"type": "string"}},
                 {"name": "mobile", "in": "query", "description": "any +86, spaces or dashes", "schema": {"type": "string"}},
                 {"name": "company", "in": "query", "description": "a lead's company or an account's name", "schema": {"type": "string"}}]""");
    }

    private static final String MATCHES = """
            {"type": "object", "additionalProperties": false, "required": ["items", "total"],
             "properties": {
               "items": {"type": "array", "items": {"type": "object", "additionalProperties": false,
                 "required": ["entity", "id", "href", "matchedOn"],
                 "properties": {"entity": {"type": "string", "enum": ["Lead", "Contact", "Account"]},
                   "id": {"type": "string", "format": "uuid"}, "displayName": {"type": "string", "nullable": true},
                   "ownerId": {"type": "string", "nullable": true}, "href": {"type": "string"},
                   "matchedOn": {"type": "array", "items": {"type": "string", "enum": ["email", "mobile", "company"]}}}}},
               "total": {"type": "integer", "format": "int32"}}}""";

    @Override
    public Object perform(RecordStore<?> records, String id, JsonNode body, Caller caller) {
        Lead lead = (Lead) records.find(id).orElseThrow(() -> AtriumException.notFound("no Lead with id " + id).localized("record-not-found", "Lead", id));
        return matches(records, lead.getEmail(), lead.getMobile(), lead.getCompany(), id, caller);
    }

    @Override
    public Object view(RecordStore<?> records, Map<String, List<String>> parameters, Caller caller) {
        String email = first(parameters, "email");
        String mobile = first(parameters, "mobile");
        String company = first(parameters, "company");
        if (email == null && mobile == null && company == null) {
            throw AtriumException.invalidField("email", "give email, mobile or company to check");
        }
        records.list(ListQuery.firstPage().withPage(0, 1)); // the view right on leads, as for a list
        return matches(records, email, mobile, company, null, caller);
    }

    private Map<String, Object> matches(RecordStore<?> leads, String email, String mobile, String company, String selfId, Caller caller) {
        List<Map<String, Object>> items = new ArrayList<>();
        collect(leads, email, "email", mobile, "mobile", company, "company", selfId, items);
        RecordStore<?> c = contacts;
        if (c != null && access.access(caller, c.type()).can(Right.VIEW)) {
            collect(access.secure(c, caller), email, "email", mobile, "mobile", null, null, null, items);
        }
        RecordStore<?> a = accounts;
        if (a != null && access.access(caller, a.type()).can(Right.VIEW)) {
            collect(access.secure(a, caller), email, "email", null, null, company, "name", null, items);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("items", items);
        json.put("total", items.size());
        return json;
    }

    private static <T extends Record> void collect(RecordStore<T> store, String email, String emailField, String mobile,
            String mobileField, String company, String companyField, String selfId, List<Map<String, Object>> into) {
        EntityType<T> type = store.type();
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        if (email != null && !email.isBlank() && type.field(emailField).isPresent()) {
            match(store, new Condition(emailField, Operator.LIKE, List.of(email.strip().replace("*", ""))), "email", selfId, found);
        }
        if (mobile != null && !mobile.isBlank() && mobileField != null && type.field(mobileField).isPresent()) {
            match(store, new Condition(mobileField, Operator.IN, new ArrayList<>(mobileVariants(mobile))), "mobile", selfId, found);
        }
        if (company != null && !company.isBlank() && companyField != null && type.field(companyField).isPresent()) {
            match(store, new Condition(companyField, Operator.LIKE, List.of(company.strip().replace("*", ""))), "company", selfId, found);
        }
        into.addAll(found.values());
    }

    @SuppressWarnings("unchecked")
    private static <T extends Record> void match(RecordStore<T> store, Condition condition, String why, String selfId,
            Map<String, Map<String, Object>> found) {
        ListQuery query = new ListQuery(0, MAX_PER_TYPE, List.of(), null, List.of(condition));
        for (T r : store.list(query).items()) {
            if (r.getId().equals(selfId)) {
                continue;
            }
            Map<String, Object> item = found.computeIfAbsent(r.getId(), k -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("entity", store.type().name());
                m.put("id", r.getId());
                m.put("displayName", store.type().displayName(r));
                m.put("ownerId", r.getOwnerId());
                m.put("href", "/api/v1/" + store.type().plural() + "/" + r.getId());
                m.put("matchedOn", new ArrayList<String>());
                return m;
            });
            ((List<String>) item.get("matchedOn")).add(why);
        }
    }

    /** The ways people write the same mainland mobile number: with or without +86, spaces and dashes. */
    static Set<String> mobileVariants(String mobile) {
        String digits = mobile.replaceAll("[^0-9]", "");
        Set<String> variants = new LinkedHashSet<>(List.of(mobile.strip()));
        if (digits.startsWith("86") && digits.length() == 13) {
            digits = digits.substring(2);
        }
        if (!digits.isEmpty()) {
            variants.add(digits);
            variants.add("+86" + digits);
            variants.add("+86 " + digits);
            if (digits.length() == 11) {
                variants.add(digits.substring(0, 3) + " " + digits.substring(3, 7) + " " + digits.substring(7));
                variants.add("+86 " + digits.substring(0, 3) + " " + digits.substring(3, 7) + " " + digits.substring(7));
                variants.add(digits.substring(0, 3) + "-" + digits.substring(3, 7) + "-" + digits.substring(7));
            }
        }
        return variants;
    }

    private static String first(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() || values.get(0).isBlank() ? null : values.get(0);
    }
}
