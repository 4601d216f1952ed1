package org.atriumcrm.contracts.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.event.DomainEvents;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.commerce.api.Approvals;
import org.atriumcrm.commerce.api.CommerceEvents;
import org.atriumcrm.commerce.api.DocumentNumbers;
import org.atriumcrm.commerce.api.QuoteConversions;
import org.atriumcrm.persistence.api.JpaRecordStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * Contracts: a new one takes its number, and from its quote (claimed through {@link QuoteConversions}, so that a
 * quote makes one contract or one order, never both) its account, opportunity, value, currency and terms. It moves
 * only through the actions: submit for approval (the approval rules, as quotes), approve / reject, sign, activate,
 * terminate, expire. Outside the draft its commercial content is frozen; an ended contract takes nothing more.
 */
@Component(service = {RecordStore.class, ContractStore.class}, property = RecordStore.ENTITY_PROPERTY + "=Contract")
public class ContractStore extends JpaRecordStore<Contract> {
    static final String[] STATE_FIELDS = {"status", "approvalStatus", "approverId", "approvalRuleId", "approvalReason",
        "decisionComment", "decidedBy", "decidedAt", "signedOn", "endReason", "reminderSentAt"};
    private static final Set<String> COMMERCIAL = Set.of("accountId", "contractValue", "currency", "terms", "startDate", "endDate",
        "contractType", "opportunityId");

    private final DocumentNumbers numbers;
    private final Approvals approvals;
    private final EventAdmin events;
    private volatile QuoteConversions conversions;

    @Activate
    public ContractStore(@Reference(target = "(osgi.unit.name=atrium.contracts)") JpaTemplate jpa, @Reference EventAdmin events,
            @Reference DocumentNumbers numbers, @Reference Approvals approvals,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + ContractTypes.MODULE + ")") ModuleGate gate) {
        super(ContractTypes.CONTRACT, jpa, events, ContractTypes.ALL);
        this.numbers = numbers;
        this.approvals = approvals;
        this.events = events;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void setConversions(QuoteConversions service) {
        conversions = service;
    }

    void unsetConversions(QuoteConversions service) {
        if (conversions == service) {
            conversions = null;
        }
    }

    <R> R inTransaction(org.apache.aries.jpa.template.EmFunction<R> work) {
        return tx(work);
    }

    /**
     * With a {@code quoteId}: the quote is claimed first (409 when it made an order or a contract already), the
     * contract written with the quote's figures, and the claim completed — or given back when the contract fails.
     */
    @Override
    public Contract create(Map<String, Object> values, Caller caller) {
        Object quoteId = values.get("quoteId");
        if (quoteId == null) {
            return super.create(values, caller);
        }
        QuoteConversions c = conversions;
        if (c == null) {
            throw AtriumException.invalidField("quoteId", "refers to Quote, whose module is not enabled");
        }
        QuoteConversions.ClaimedQuote quote = c.claim(quoteId.toString(), QuoteConversions.CONTRACT, caller);
        Contract contract;
        try {
            Map<String, Object> merged = new HashMap<>(values);
            merged.putIfAbsent("name", quote.subject());
            merged.put("accountId", quote.accountId());
            merged.putIfAbsent("opportunityId", quote.opportunityId());
            merged.putIfAbsent("contactId", quote.contactId());
            merged.put("contractValue", quote.grandTotal());
            merged.put("currency", quote.currency());
            merged.putIfAbsent("terms", quote.terms());
            merged.putIfAbsent("contractType", "sales");
            contract = super.create(merged, caller);
        } catch (RuntimeException e) {
            c.release(quote.id(), QuoteConversions.CONTRACT, caller);
            throw e;
        }
        c.converted(quote.id(), QuoteConversions.CONTRACT, contract.getId(), caller);
        return contract;
    }

    @Override
    protected void beforeCreate(EntityManager em, Contract contract, Caller caller) {
        if (contract.getAccountId() == null) {
            throw AtriumException.invalidField("accountId", "is required (or a quote to take it from)");
        }
        if (contract.getCurrency() == null) {
            contract.setCurrency("CNY");
        }
        if (contract.getContractType() == null) {
            contract.setContractType("sales");
        }
        checkDates(contract);
        contract.setNumber(numbers.next(ContractTypes.SERIES));
        contract.setStatus(ContractTypes.DRAFT);
    }

    @Override
    protected void beforeUpdate(EntityManager em, Contract contract, Set<String> changed, Caller caller) {
        open(contract);
        if (changed.contains("quoteId")) {
            throw AtriumException.invalidField("quoteId", "a contract's quote is chosen when it is made (POST .../quotes/{id}/convert-to-contract)");
        }
        List<String> commercial = changed.stream().filter(COMMERCIAL::contains).toList();
        if (!commercial.isEmpty() && !ContractTypes.DRAFT.equals(contract.getStatus())) {
            throw AtriumException.conflict("contract-frozen", "contract " + contract.getNumber() + " is " + contract.getStatus()
                    + ": " + commercial + " no longer change").localized("contract-frozen", contract.getNumber(), contract.getStatus(), commercial);
        }
        checkDates(contract);
        if (changed.contains("renewalDate") || changed.contains("reminderDaysBefore")) {
            contract.setReminderSentAt(null); // a new renewal date deserves its own reminder
        }
    }

    private static void checkDates(Contract c) {
        if (c.getStartDate() != null && c.getEndDate() != null && c.getEndDate().isBefore(c.getStartDate())) {
            throw AtriumException.invalidField("endDate", "is before the start date " + c.getStartDate());
        }
        if (c.getContractValue() != null && c.getContractValue().signum() < 0) {
            throw AtriumException.invalidField("contractValue", "must not be negative");
        }
        if (c.getReminderDaysBefore() != null && (c.getReminderDaysBefore() < 0 || c.getReminderDaysBefore() > 3650)) {
            throw AtriumException.invalidField("reminderDaysBefore", "must be between 0 and 3650");
        }
    }

    static void open(Contract c) {
        if (ContractTypes.EXPIRED.equals(c.getStatus()) || ContractTypes.TERMINATED.equals(c.getStatus())) {
            throw AtriumException.conflict("contract-ended", "contract " + c.getNumber() + " is " + c.getStatus() + " and takes nothing more")
                    .localized("contract-ended", c.getNumber(), c.getStatus());
        }
    }

    private static void expect(Contract c, String action, String... statuses) {
        open(c);
        for (String s : statuses) {
            if (s.equals(c.getStatus())) {
                return;
            }
        }
        throw AtriumException.conflict("contract-status", "cannot " + action + " contract " + c.getNumber() + " in status "
                + c.getStatus() + "; it must be " + String.join(" or ", statuses)).with("currentStatus", c.getStatus())
                .localized("contract-status", action, c.getNumber(), c.getStatus(), List.of(statuses));
    }

    Contract submit(String id, Caller caller) {
        boolean[] approvedAtOnce = new boolean[1];
        Contract contract = updateBySystem(id, caller, (em, c) -> {
            expect(c, "submit", ContractTypes.DRAFT);
            Approvals.Route route = approvals.route(new Approvals.Subject("Contract", c.getId(), c.getOwnerId(), c.getContractValue(),
                    c.getCurrency(), java.math.BigDecimal.ZERO));
            c.setDecisionComment(null);
            c.setDecidedBy(null);
            c.setDecidedAt(null);
            c.setApprovalReason(route.reason());
            c.setApproverId(route.approverId());
            c.setApprovalRuleId(route.ruleId());
            c.setStatus(route.required() ? ContractTypes.IN_APPROVAL : ContractTypes.APPROVED);
            c.setApprovalStatus(route.required() ? ContractTypes.PENDING : ContractTypes.NOT_REQUIRED);
            approvedAtOnce[0] = !route.required();
        }, STATE_FIELDS);
        if (approvedAtOnce[0]) {
            announce(CommerceEvents.CONTRACT_APPROVED, contract, caller, Map.of());
        }
        return contract;
    }

    boolean mayDecide(Contract c, Caller caller) {
        return c.getApproverId() != null && approvals.mayDecide(caller.userId(), c.getApproverId());
    }

    Contract decide(String id, boolean approve, String comment, Caller caller) {
        if (!approve && (comment == null || comment.isBlank())) {
            throw AtriumException.invalidField("comment", "a rejection needs the reason, for the contract's owner");
        }
        Contract contract = updateBySystem(id, caller, (em, c) -> {
            expect(c, approve ? "approve" : "reject", ContractTypes.IN_APPROVAL);
            if (!mayDecide(c, caller)) {
                throw AtriumException.forbidden("contract " + c.getNumber() + " waits for the approval of user " + c.getApproverId()
                        + "; only that user, someone above them in the role hierarchy or an administrator may decide")
                        .localized("contract-approver-only", c.getNumber());
            }
            c.setStatus(approve ? ContractTypes.APPROVED : ContractTypes.DRAFT);
            c.setApprovalStatus(approve ? ContractTypes.APPROVED : ContractTypes.REJECTED);
            c.setDecisionComment(comment == null || comment.isBlank() ? null : comment.strip());
            c.setDecidedBy(caller.userId());
            c.setDecidedAt(now());
        }, STATE_FIELDS);
        if (approve) {
            announce(CommerceEvents.CONTRACT_APPROVED, contract, caller, comment == null ? Map.of() : Map.of(CommerceEvents.REASON, comment));
        }
        return contract;
    }

    /** The stored signed scan's facts, written as the module's own change (the fields are read-only to clients). */
    Contract setScan(String id, String type, long size, String digest, Caller caller) {
        return updateBySystem(id, caller, (em, c) -> {
            open(c);
            c.setScanType(type);
            c.setScanSize(size);
            c.setScanDigest(digest);
        }, "scanType", "scanSize");
    }

    Contract sign(String id, Caller caller) {
        return updateBySystem(id, caller, (em, c) -> {
            expect(c, "sign", ContractTypes.APPROVED);
            c.setStatus(ContractTypes.SIGNED);
            c.setSignedOn(LocalDate.now());
        }, STATE_FIELDS);
    }

    Contract activate(String id, Caller caller) {
        return updateBySystem(id, caller, (em, c) -> {
            expect(c, "activate", ContractTypes.SIGNED);
            c.setStatus(ContractTypes.ACTIVE);
        }, STATE_FIELDS);
    }

    Contract end(String id, boolean terminated, String reason, Caller caller) {
        if (terminated && (reason == null || reason.isBlank())) {
            throw AtriumException.invalidField("comment", "a termination needs its reason");
        }
        return updateBySystem(id, caller, (em, c) -> {
            expect(c, terminated ? "terminate" : "expire", ContractTypes.SIGNED, ContractTypes.ACTIVE);
            c.setStatus(terminated ? ContractTypes.TERMINATED : ContractTypes.EXPIRED);
            c.setEndReason(reason == null || reason.isBlank() ? null : reason.strip());
        }, STATE_FIELDS);
    }

    /**
     * Claims the renewal reminder of each contract in force whose reminder falls due by {@code today}, with a
     * conditional UPDATE (sent at most once, also with several nodes polling); the claimed contracts.
     */
    List<Contract> claimDueReminders(LocalDate today) {
        List<Contract> due = tx(em -> em.createQuery("SELECT c FROM Contract c WHERE c.renewalDate IS NOT NULL AND c.reminderSentAt IS NULL"
                + " AND c.deletedAt IS NULL AND c.status IN :s", Contract.class)
                .setParameter("s", List.of(ContractTypes.SIGNED, ContractTypes.ACTIVE)).getResultList());
        return due.stream().filter(c -> !c.getRenewalDate().minusDays(c.getReminderDaysBefore() == null ? 30 : c.getReminderDaysBefore())
                .isAfter(today)).filter(c -> claimReminder(c.getId())).toList();
    }

    private boolean claimReminder(String id) {
        Instant now = now();
        boolean claimed = tx(em -> {
            int n = em.createQuery("UPDATE Contract c SET c.version = c.version + 1 WHERE c.id = :id AND c.reminderSentAt IS NULL")
                    .setParameter("id", id).executeUpdate();
            if (n == 1) {
                Contract c = em.find(Contract.class, id);
                em.refresh(c);
                c.setReminderSentAt(now);
                em.persist(new org.atriumcrm.persistence.api.RecordChangeRow("Contract", id, "UPDATED", "reminderSentAt", null, now,
                        Caller.SYSTEM.userId(), now));
            }
            return n == 1;
        });
        return claimed;
    }

    void announce(String topic, Contract contract, Caller caller, Map<String, Object> extra) {
        Map<String, Object> props = new HashMap<>(extra);
        props.put(DomainEvents.ENTITY, "Contract");
        props.put(DomainEvents.ID, contract.getId());
        props.put(DomainEvents.USER_ID, caller.userId());
        props.put(CommerceEvents.NUMBER, contract.getNumber());
        if (contract.getAccountId() != null) {
            props.put(CommerceEvents.ACCOUNT_ID, contract.getAccountId());
        }
        if (contract.getContractValue() != null) {
            props.put(CommerceEvents.AMOUNT, contract.getContractValue().toPlainString());
        }
        props.put(CommerceEvents.CURRENCY, contract.getCurrency());
        events.postEvent(new Event(topic, props));
    }
}
