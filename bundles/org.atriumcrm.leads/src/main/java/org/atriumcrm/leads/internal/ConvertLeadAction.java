package org.atriumcrm.leads.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.error.FieldError;
import org.atriumcrm.api.meta.EntityType;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.record.Record;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.AccessPolicy;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.api.security.EntityAccess;
import org.atriumcrm.api.security.Right;
import org.atriumcrm.rest.api.RecordAction;
import org.atriumcrm.rest.api.RecordBodies;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Lead conversion (潜在客户转换): {@code POST /api/v1/leads/{id}/convert} with
 * {@code {"accountId" | "account": {...}, "contactId" | "contact": {...}, "opportunity": {...} | absent, "ownerId"}}.
 * Creates (from the lead's data, overridden by the body) or links an account and a contact, optionally creates an
 * opportunity, and marks the lead converted and read-only; then announces {@code atrium/Lead/CONVERTED} so that
 * activities, emails and notes follow the lead to its new records.
 * <p>
 * All or nothing: everything is validated before the first write; the account, contact and opportunity live in
 * other modules' persistence units, so a failure after the first write undoes the records created so far
 * (purged, not left in the recycle bin) before the error is answered.
 */
@Component(service = RecordAction.class, property = {RecordAction.ENTITY_PROPERTY + "=Lead",
    RecordAction.ACTION_PROPERTY + "=convert",
    RecordAction.SUMMARY_PROPERTY + "=Convert the lead in one step: accountId or account {fields}, contactId or contact {fields}, optional opportunity {fields}, ownerId; 409 if converted or unqualified"})
public class ConvertLeadAction implements RecordAction {
    static final String CONVERTED_TOPIC = org.atriumcrm.api.event.DomainEvents.LEAD_CONVERTED_TOPIC;
    private static final Logger LOG = LoggerFactory.getLogger(ConvertLeadAction.class);
    private static final Set<String> MEMBERS = Set.of("accountId", "account", "contactId", "contact", "opportunity", "ownerId");

    private final LeadStore leads;
    private final AccessPolicy access;
    private final EventAdmin events;
    private final org.atriumcrm.api.record.RecordWrites rules;
    private volatile RecordStore<?> accounts;
    private volatile RecordStore<?> contacts;
    private volatile RecordStore<?> opportunities;
    private java.util.concurrent.ScheduledExecutorService recovery;

    @Activate
    public ConvertLeadAction(@Reference LeadStore leads, @Reference AccessPolicy access, @Reference EventAdmin events,
            @Reference org.atriumcrm.api.record.RecordWrites rules,
            @Reference(target = "(" + RecordStore.ENTITY_PROPERTY + "=Account)") RecordStore<?> accounts,
            @Reference(target = "(" + RecordStore.ENTITY_PROPERTY + "=Contact)") RecordStore<?> contacts,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + LeadTypes.MODULE + ")") ModuleGate gate) {
        this.leads = leads;
        this.access = access;
        this.events = events;
        this.rules = rules;
        this.accounts = accounts;
        this.contacts = contacts;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, target = "(" + RecordStore.ENTITY_PROPERTY + "=Opportunity)")
    void setOpportunities(RecordStore<?> store) {
        opportunities = store;
    }

    void unsetOpportunities(RecordStore<?> store) {
        if (opportunities == store) {
            opportunities = null;
        }
    }

    /** The plan, fully validated before anything is written. */
    private record Plan(Lead lead, String accountId, Map<String, Object> newAccount, String contactId,
            Map<String, Object> newContact, Map<String, Object> newOpportunity) {
    }

    @Override
    public Object perform(RecordStore<?> records, String id, JsonNode body, Caller caller) {
        Lead lead = (Lead) records.find(id).orElseThrow(() -> AtriumException.notFound("no Lead with id " + id).localized("record-not-found", "Lead", id));
        EntityAccess onLeads = access.access(caller, LeadTypes.LEAD);
        if (!onLeads.canChange(lead)) {
            throw AtriumException.forbidden("you may see lead " + id + " but not convert it").localized("lead-not-convertible-by-you", id);
        }
        if (lead.isConverted()) {
            throw AtriumException.conflict("lead-converted", "lead " + id + " was converted on " + lead.getConvertedAt()
                    + " into account " + lead.getConvertedAccountId()).with("accountId", lead.getConvertedAccountId())
                    .with("contactId", lead.getConvertedContactId()).localized("lead-converted-into", id, lead.getConvertedAt(),
                            lead.getConvertedAccountId());
        }
        if (Lead.UNQUALIFIED.equals(lead.getStatus())) {
            throw AtriumException.conflict("lead-unqualified", "lead " + id + " is unqualified; requalify it before converting")
                    .localized("lead-unqualified", id);
        }
        Plan plan = plan(lead, body == null ? JsonNodeFactory.instance.objectNode() : body, caller);
        return execute(plan, caller);
    }

    private Plan plan(Lead lead, JsonNode body, Caller caller) {
        if (!body.isObject()) {
            throw AtriumException.badRequest("the body must be a JSON object " + MEMBERS);
        }
        List<FieldError> errors = new ArrayList<>();
        body.fieldNames().forEachRemaining(n -> {
            if (!MEMBERS.contains(n)) {
                errors.add(new FieldError(n, "is not a member of a conversion; use " + MEMBERS));
            }
        });
        if (body.has("accountId") && body.has("account")) {
            errors.add(new FieldError("account", "give either accountId (link) or account (create), not both"));
        }
        if (body.has("contactId") && body.has("contact")) {
            errors.add(new FieldError("contact", "give either contactId (link) or contact (create), not both"));
        }
        if (!errors.isEmpty()) {
            throw AtriumException.validation(errors);
        }
        String owner = text(body, "ownerId");
        RecordStore<?> accountsForCaller = access.secure(accounts, caller);
        RecordStore<?> contactsForCaller = access.secure(contacts, caller);

        String accountId = text(body, "accountId");
        Map<String, Object> newAccount = null;
        if (accountId != null) {
            if (accountsForCaller.find(accountId).isEmpty()) {
                throw AtriumException.invalid("accountId", "reference-not-found", "no Account with id " + accountId, "Account", accountId);
            }
        } else {
            ObjectNode json = JsonNodeFactory.instance.objectNode();
            String name = lead.getCompany() != null ? lead.getCompany() : lead.getFullName();
            put(json, "name", name);
            put(json, "industry", lead.getIndustry());
            put(json, "source", lead.getSource());
            put(json, "rating", lead.getRating());
            put(json, "phone", lead.getPhone());
            put(json, "website", lead.getWebsite());
            put(json, "billingCountry", lead.getCountry());
            put(json, "billingProvince", lead.getProvince());
            put(json, "billingCity", lead.getCity());
            put(json, "billingDistrict", lead.getDistrict());
            put(json, "billingStreet", lead.getStreet());
            put(json, "billingPostcode", lead.getPostcode());
            put(json, "ownerId", owner != null ? owner : lead.getOwnerId());
            merge(json, body.get("account"), "account");
            newAccount = RecordBodies.forCreate(accountsForCaller.type(), json);
            rules.check(accounts.type().name(), null, newAccount, true, caller);
            List<? extends Record> same = accountsForCaller.findDuplicates(newAccount, null);
            if (!same.isEmpty()) {
                // the platform's rule, in the words of a conversion (which can link the existing account instead)
                throw AtriumException.conflict("duplicate-record", "an account like this exists already ("
                        + same.get(0).getId() + "): link it with accountId, or give the new account another name")
                        .with("duplicates", same.stream().map(Record::getId).toList()).localized("lead-account-exists", same.get(0).getId());
            }
        }

        String contactId = text(body, "contactId");
        Map<String, Object> newContact = null;
        if (contactId != null) {
            if (contactsForCaller.find(contactId).isEmpty()) {
                throw AtriumException.invalid("contactId", "reference-not-found", "no Contact with id " + contactId, "Contact", contactId);
            }
        } else if (lead.getLastName() != null || body.has("contact")) {
            ObjectNode json = JsonNodeFactory.instance.objectNode();
            put(json, "salutation", lead.getSalutation());
            put(json, "lastName", lead.getLastName());
            put(json, "firstName", lead.getFirstName());
            put(json, "title", lead.getTitle());
            put(json, "email", lead.getEmail());
            put(json, "mobile", lead.getMobile());
            put(json, "officePhone", lead.getPhone());
            put(json, "leadSource", lead.getSource());
            put(json, "description", lead.getDescription());
            put(json, "ownerId", owner != null ? owner : lead.getOwnerId());
            merge(json, body.get("contact"), "contact");
            newContact = RecordBodies.forCreate(contactsForCaller.type(), json);
            newContact.remove("accountId"); // set to the converted account below
            rules.check(contacts.type().name(), null, newContact, true, caller);
        }

        Map<String, Object> newOpportunity = null;
        if (body.hasNonNull("opportunity")) {
            RecordStore<?> opps = opportunities;
            if (opps == null) {
                throw AtriumException.conflict("module-disabled", "the opportunities module is not enabled: convert without an opportunity")
                        .localized("lead-no-opportunities");
            }
            ObjectNode json = JsonNodeFactory.instance.objectNode();
            put(json, "name", (lead.getCompany() != null ? lead.getCompany() : lead.getFullName()));
            if (lead.getExpectedRevenue() != null) {
                json.put("amount", lead.getExpectedRevenue());
            }
            put(json, "currency", lead.getCurrency());
            put(json, "source", lead.getSource());
            put(json, "ownerId", owner != null ? owner : lead.getOwnerId());
            EntityType<?> type = access.secure(opps, caller).type();
            if (type.field("closeDate").isPresent()) {
                json.put("closeDate", java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(90).toString()); // a quarter, unless given
            }
            merge(json, body.get("opportunity"), "opportunity");
            // the account is known only once it exists: validate with a stand-in, the real id is set when created
            json.put("accountId", accountId != null ? accountId : "00000000-0000-7000-8000-000000000000");
            newOpportunity = RecordBodies.forCreate(type, json);
            Map<String, Object> known = new LinkedHashMap<>(newOpportunity);
            if (accountId == null) {
                known.remove("accountId"); // the stand-in: the account is checked when it is created
            }
            rules.check(type.name(), null, known, true, caller);
        }
        // rights are checked before the first write, so that a missing one never leaves half a conversion behind
        requireCreate(accounts, newAccount, caller);
        requireCreate(contacts, newContact, caller);
        requireCreate(opportunities, newOpportunity, caller);
        return new Plan(lead, accountId, newAccount, contactId, newContact, newOpportunity);
    }

    private Map<String, Object> execute(Plan plan, Caller caller) {
        Deque<Runnable> undo = new ArrayDeque<>();
        String journal = leads.beginConversion(plan.lead().getId(), caller);
        String accountId = plan.accountId();
        String contactId = plan.contactId();
        String opportunityId = null;
        try {
            if (plan.newAccount() != null) {
                accountId = create(accounts, plan.newAccount(), caller, undo, journal);
            }
            if (plan.newContact() != null) {
                plan.newContact().put("accountId", accountId);
                contactId = create(contacts, plan.newContact(), caller, undo, journal);
            }
            if (plan.newOpportunity() != null) {
                plan.newOpportunity().put("accountId", accountId);
                if (contactId != null && plan.newOpportunity().containsKey("primaryContactId") == false
                        && opportunities.type().field("primaryContactId").isPresent()) {
                    plan.newOpportunity().put("primaryContactId", contactId);
                }
                if (opportunities.type().field("leadId").isPresent()) {
                    plan.newOpportunity().put("leadId", plan.lead().getId());
                }
                opportunityId = create(opportunities, plan.newOpportunity(), caller, undo, journal);
            }
            leads.markConverted(plan.lead().getId(), accountId, contactId, opportunityId, journal, caller);
        } catch (RuntimeException failure) {
            boolean complete = true;
            while (!undo.isEmpty()) {
                try {
                    undo.pop().run();
                } catch (RuntimeException undoFailed) {
                    complete = false; // the journal stays pending: the recovery tries again
                    LOG.error("lead conversion {}: could not undo a created record", plan.lead().getId(), undoFailed);
                }
            }
            if (complete) {
                leads.conversionUndone(journal, String.valueOf(failure.getMessage()));
            }
            throw failure;
        }
        Map<String, Object> props = new LinkedHashMap<>();
        props.put(org.atriumcrm.api.event.DomainEvents.ENTITY, "Lead");
        props.put(org.atriumcrm.api.event.DomainEvents.ID, plan.lead().getId());
        props.put(org.atriumcrm.api.event.DomainEvents.USER_ID, caller.userId());
        props.put(org.atriumcrm.api.event.DomainEvents.ACCOUNT_ID, accountId);
        if (contactId != null) {
            props.put(org.atriumcrm.api.event.DomainEvents.CONTACT_ID, contactId);
        }
        if (opportunityId != null) {
            props.put(org.atriumcrm.api.event.DomainEvents.OPPORTUNITY_ID, opportunityId);
        }
        events.postEvent(new Event(CONVERTED_TOPIC, props));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("leadId", plan.lead().getId());
        result.put("accountId", accountId);
        result.put("accountCreated", plan.newAccount() != null);
        result.put("contactId", contactId);
        result.put("contactCreated", plan.newContact() != null);
        result.put("opportunityId", opportunityId);
        return result;
    }

    /** The body and answer for the OpenAPI document: account and contact fields as PATCH bodies of their types. */
    @Override
    public org.atriumcrm.rest.api.OperationSchema actionSchema() {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode request = json.objectNode().put("type", "object").put("additionalProperties", false);
        ObjectNode in = request.putObject("properties");
        in.putObject("accountId").put("type", "string").put("format", "uuid").put("description", "link this account instead of creating one");
        in.putObject("account").put("$ref", "#/components/schemas/AccountPatch");
        in.putObject("contactId").put("type", "string").put("format", "uuid").put("description", "link this contact instead of creating one");
        in.putObject("contact").put("$ref", "#/components/schemas/ContactPatch");
        // a reference to OpportunityPatch would dangle while the opportunities module is disabled
        in.putObject("opportunity").put("type", "object").put("description", "fields of an opportunity to create (as in"
                + " PATCH /v1/opportunities); leave out for none");
        in.putObject("ownerId").put("type", "string").put("description", "owner of what is created (user or group id)");
        ObjectNode response = json.objectNode().put("type", "object").put("additionalProperties", false);
        ObjectNode out = response.putObject("properties");
        for (String id : new String[] {"leadId", "accountId", "contactId"}) {
            out.putObject(id).put("type", "string").put("format", "uuid");
        }
        out.putObject("opportunityId").put("type", "string").put("format", "uuid").put("nullable", true);
        out.putObject("accountCreated").put("type", "boolean");
        out.putObject("contactCreated").put("type", "boolean");
        response.putArray("required").add("leadId").add("accountId").add("contactId").add("accountCreated").add("contactCreated");
        return org.atriumcrm.rest.api.OperationSchema.of(request, response);
    }

    /** Creates through the caller's view of the store (rights, field security), journals it, and remembers how to undo it. */
    private String create(RecordStore<?> store, Map<String, Object> values, Caller caller, Deque<Runnable> undo, String journal) {
        String id = rules.create(store.type().name(), values, true, caller).getId();
        undo.push(() -> remove(store, id));
        leads.conversionCreated(journal, store.type().name(), id);
        return id;
    }

    /** Deletes and purges a record a conversion created; one that is gone already is fine. */
    private static void remove(RecordStore<?> store, String id) {
        if (store.find(id).isPresent()) {
            store.delete(id, null, Caller.SYSTEM);
        }
        if (store.findDeleted(id).isPresent()) {
            store.purge(id, Caller.SYSTEM);
        }
    }

    /**
     * Undoes conversions a crash or stop interrupted: every journal row still pending two minutes after it started
     * loses the records it created. Runs when the module starts and then every five minutes.
     */
    void recover() {
        for (LeadConversion c : leads.interruptedConversions(java.time.Instant.now().minus(java.time.Duration.ofMinutes(2)))) {
            try {
                if (c.createdOpportunityId != null && opportunities != null) {
                    remove(opportunities, c.createdOpportunityId);
                }
                if (c.createdContactId != null) {
                    remove(contacts, c.createdContactId);
                }
                if (c.createdAccountId != null) {
                    remove(accounts, c.createdAccountId);
                }
                leads.conversionUndone(c.id, "interrupted; undone by recovery");
                LOG.warn("lead conversion {} of lead {} was interrupted; its records were removed", c.id, c.leadId);
            } catch (RuntimeException e) {
                LOG.error("could not undo interrupted lead conversion {}", c.id, e);
            }
        }
    }

    @org.osgi.service.component.annotations.Activate
    void startRecovery() {
        recovery = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "atrium-lead-conversion-recovery");
            t.setDaemon(true);
            return t;
        });
        recovery.scheduleWithFixedDelay(this::recover, 10, 300, java.util.concurrent.TimeUnit.SECONDS);
    }

    @org.osgi.service.component.annotations.Deactivate
    void stopRecovery() {
        recovery.shutdownNow();
    }

    private void requireCreate(RecordStore<?> store, Map<String, Object> values, Caller caller) {
        if (values != null && !access.access(caller, store.type()).can(Right.CREATE)) {
            throw AtriumException.forbidden("converting this lead creates a " + store.type().name()
                    + ", and your profiles do not allow you to create " + store.type().pluralLabel().en().toLowerCase());
        }
    }

    private static void merge(ObjectNode json, JsonNode overrides, String member) {
        if (overrides == null || overrides.isNull()) {
            return;
        }
        if (!overrides.isObject()) {
            throw AtriumException.invalidField(member, "must be an object of fields");
        }
        overrides.fields().forEachRemaining(e -> json.set(e.getKey(), e.getValue()));
    }

    private static void put(ObjectNode json, String field, String value) {
        if (value != null && !value.isBlank()) {
            json.put(field, value);
        }
    }

    private static String text(JsonNode body, String member) {
        JsonNode v = body.get(member);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw AtriumException.invalidField(member, "must be a record id");
        }
        return v.textValue();
    }
}
