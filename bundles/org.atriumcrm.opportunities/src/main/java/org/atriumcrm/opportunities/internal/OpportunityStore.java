package org.atriumcrm.opportunities.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.criteria.CriteriaBuilder;
import javax.persistence.criteria.Predicate;
import javax.persistence.criteria.Root;

import org.apache.aries.jpa.template.JpaTemplate;
import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.error.FieldError;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.query.ListQuery;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.persistence.api.JpaRecordStore;
import org.atriumcrm.persistence.api.RecordIds;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;

/**
 * Opportunities and their sales process: a new opportunity enters the first stage of the active process of its
 * type with that stage's probability; it moves only through the stage actions (advance, close won, close lost),
 * each written with a stage-history row in the same transaction; it can advance only when the current stage's
 * required actions are done; a closed opportunity takes no further changes.
 */
@Component(service = {RecordStore.class, OpportunityStore.class}, property = RecordStore.ENTITY_PROPERTY + "=Opportunity")
public class OpportunityStore extends JpaRecordStore<Opportunity> {
    private static final String[] STAGE_FIELDS = {"stage", "stageEnteredAt", "probability", "probabilityOverridden",
        "completedActions", "closed", "won", "closedAt", "lostReason", "competitors"};

    @Activate
    public OpportunityStore(@Reference(target = "(osgi.unit.name=atrium.opportunities)") JpaTemplate jpa,
            @Reference EventAdmin events,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + OpportunityTypes.MODULE + ")") ModuleGate gate) {
        super(OpportunityTypes.OPPORTUNITY, jpa, events, OpportunityTypes.ALL);
    }

    /** The list's condition for {@code query}, so that the pipeline's aggregates count what the list shows. */
    Predicate listCondition(CriteriaBuilder cb, Root<Opportunity> root, ListQuery query) {
        return where(cb, root, query);
    }

    <R> R inTransaction(org.apache.aries.jpa.template.EmFunction<R> work) {
        return tx(work);
    }

    @Override
    protected void beforeCreate(EntityManager em, Opportunity opp, Caller caller) {
        if (opp.getType() == null) {
            opp.setType(OpportunityTypes.NEW_BUSINESS);
        }
        List<SalesProcess> processes = em.createQuery("SELECT p FROM SalesProcess p WHERE p.opportunityType = :t"
                + " AND p.active = TRUE AND p.deletedAt IS NULL ORDER BY p.createdAt", SalesProcess.class)
                .setParameter("t", opp.getType()).getResultList();
        if (processes.isEmpty()) {
            throw AtriumException.conflict("no-sales-process", "there is no active sales process for opportunities of type "
                    + opp.getType() + "; an administrator defines one at /api/v1/sales-processes").localized("no-sales-process", opp.getType());
        }
        SalesProcess process = processes.get(0);
        SalesStage first = stages(em, process.getId()).stream().filter(s -> SalesStage.OPEN.equals(s.getOutcome())).findFirst()
                .orElseThrow(() -> AtriumException.conflict("no-sales-process", "sales process " + process.getName() + " has no open stage")
                        .localized("no-open-stage", process.getName()));
        opp.setSalesProcessId(process.getId());
        opp.setStage(first.getName());
        opp.setStageEnteredAt(now());
        opp.setCompletedActions("");
        opp.setClosed(false);
        opp.setWon(false);
        checkProbability(opp.getProbability());
        opp.setProbabilityOverridden(opp.getProbability() != null);
        if (opp.getProbability() == null) {
            opp.setProbability(first.getProbability());
        }
        history(em, opp, null, null, caller);
    }

    @Override
    protected void beforeUpdate(EntityManager em, Opportunity opp, Set<String> changed, Caller caller) {
        if (opp.isClosed()) {
            throw AtriumException.conflict("opportunity-closed", "opportunity " + opp.getId() + " is closed ("
                    + (Boolean.TRUE.equals(opp.getWon()) ? "won" : "lost") + ") and takes no further changes")
                    .localized("opportunity-closed", opp.getId(), Boolean.TRUE.equals(opp.getWon()) ? "won" : "lost");
        }
        if (changed.contains("type")) {
            throw AtriumException.conflict("type-fixed", "the type chooses the sales process and cannot change; close this"
                    + " opportunity and open one of the other type").localized("type-fixed");
        }
        if (changed.contains("probability")) {
            checkProbability(opp.getProbability());
            opp.setProbabilityOverridden(opp.getProbability() != null);
            if (opp.getProbability() == null) {
                opp.setProbability(current(em, opp).getProbability()); // null hands the probability back to the stage
            }
        }
    }

    /** Records actions of the current stage as done; only the stage's own required actions are accepted. */
    Opportunity completeActions(String id, List<String> actions, Caller caller) {
        return updateBySystem(id, caller, (em, opp) -> {
            open(opp);
            SalesStage stage = current(em, opp);
            List<String> unknown = actions.stream().filter(a -> !stage.actions().contains(a)).toList();
            if (!unknown.isEmpty()) {
                throw AtriumException.invalidField("actions", unknown + " are not actions of stage " + stage.getName()
                        + "; its required actions are " + stage.actions());
            }
            Set<String> done = opp.doneActions();
            done.addAll(actions);
            opp.setCompletedActions(String.join(",", done));
        }, STAGE_FIELDS);
    }

    /** To the next open stage, or to {@code target}; forward moves need the current stage's actions done. */
    Opportunity advance(String id, String target, Long probability, Caller caller) {
        return updateBySystem(id, caller, (em, opp) -> {
            open(opp);
            checkProbability(probability);
            List<SalesStage> stages = stages(em, opp.getSalesProcessId());
            SalesStage from = current(em, opp);
            SalesStage to;
            if (target == null) {
                to = stages.stream().filter(s -> s.getPosition() > from.getPosition() && SalesStage.OPEN.equals(s.getOutcome()))
                        .findFirst().orElseThrow(() -> AtriumException.conflict("last-open-stage", "stage " + from.getName()
                                + " is the last open stage: close the opportunity as won or lost").localized("last-open-stage", from.getName()));
            } else {
                to = stages.stream().filter(s -> s.getName().equals(target)).findFirst().orElseThrow(() -> AtriumException.invalidField(
                        "stage", "the sales process has no stage " + target + "; its stages are "
                                + stages.stream().map(SalesStage::getName).toList()));
                if (!SalesStage.OPEN.equals(to.getOutcome())) {
                    throw AtriumException.invalidField("stage", target + " closes the opportunity: use close-won or close-lost");
                }
                if (to.getName().equals(from.getName())) {
                    throw AtriumException.conflict("same-stage", "the opportunity is in stage " + target + " already").localized("same-stage", target);
                }
            }
            if (to.getPosition() > from.getPosition()) {
                requireActionsDone(opp, from);
            }
            enter(em, opp, from, to, probability, caller);
        }, STAGE_FIELDS);
    }

    Opportunity closeWon(String id, Caller caller) {
        return updateBySystem(id, caller, (em, opp) -> {
            open(opp);
            SalesStage from = current(em, opp);
            requireActionsDone(opp, from);
            SalesStage won = outcomeStage(em, opp, SalesStage.WON);
            enter(em, opp, from, won, 100L, caller);
            opp.setClosed(true);
            opp.setWon(true);
            opp.setClosedAt(now());
        }, STAGE_FIELDS);
    }

    Opportunity closeLost(String id, String reason, String competitor, Caller caller) {
        if (reason == null || reason.isBlank()) {
            throw AtriumException.invalidField("reason", "a lost opportunity needs the reason it was lost");
        }
        return updateBySystem(id, caller, (em, opp) -> {
            open(opp);
            SalesStage from = current(em, opp);
            SalesStage lost = outcomeStage(em, opp, SalesStage.LOST);
            enter(em, opp, from, lost, 0L, caller);
            opp.setClosed(true);
            opp.setWon(false);
            opp.setClosedAt(now());
            opp.setLostReason(reason.strip());
            if (competitor != null && !competitor.isBlank()) {
                Set<String> all = new LinkedHashSet<>();
                if (opp.getCompetitors() != null) {
                    for (String c : opp.getCompetitors().split(",")) {
                        if (!c.isBlank()) {
                            all.add(c.strip());
                        }
                    }
                }
                all.add(competitor.strip());
                opp.setCompetitors(String.join(", ", all));
            }
        }, STAGE_FIELDS);
    }

    private void enter(EntityManager em, Opportunity opp, SalesStage from, SalesStage to, Long probability, Caller caller) {
        Instant now = now();
        Long seconds = opp.getStageEnteredAt() == null ? null : Duration.between(opp.getStageEnteredAt(), now).getSeconds();
        opp.setStage(to.getName());
        opp.setStageEnteredAt(now);
        opp.setCompletedActions("");
        if (probability != null && SalesStage.OPEN.equals(to.getOutcome())) {
            opp.setProbability(probability);
            opp.setProbabilityOverridden(true);
        } else if (!SalesStage.OPEN.equals(to.getOutcome()) || !Boolean.TRUE.equals(opp.getProbabilityOverridden())) {
            opp.setProbability(probability != null ? probability : to.getProbability());
            opp.setProbabilityOverridden(false);
        }
        history(em, opp, from.getName(), seconds, caller);
    }

    private static void history(EntityManager em, Opportunity opp, String fromStage, Long seconds, Caller caller) {
        OpportunityStageChange change = new OpportunityStageChange();
        change.initialise(RecordIds.next(), Instant.now(), caller);
        change.setOwnerId(opp.getOwnerId());
        change.setOpportunityId(opp.getId());
        change.setFromStage(fromStage);
        change.setToStage(opp.getStage());
        change.setAmount(opp.getAmount());
        change.setProbability(opp.getProbability());
        change.setSecondsInPreviousStage(seconds);
        em.persist(change);
    }

    private static void requireActionsDone(Opportunity opp, SalesStage stage) {
        List<String> missing = new ArrayList<>(stage.actions());
        missing.removeAll(opp.doneActions());
        if (!missing.isEmpty()) {
            throw AtriumException.conflict("required-actions-missing", "stage " + stage.getName() + " requires " + missing
                    + " to be recorded as done first (POST .../complete-actions)").with("missingActions", missing)
                    .localized("required-actions-missing", stage.getName(), missing);
        }
    }

    private static void open(Opportunity opp) {
        if (opp.isClosed()) {
            throw AtriumException.conflict("opportunity-closed", "opportunity " + opp.getId() + " is closed ("
                    + (Boolean.TRUE.equals(opp.getWon()) ? "won" : "lost") + ") and takes no further business")
                    .localized("opportunity-closed", opp.getId(), Boolean.TRUE.equals(opp.getWon()) ? "won" : "lost");
        }
    }

    private static void checkProbability(Long p) {
        if (p != null && (p < 0 || p > 100)) {
            throw AtriumException.validation(List.of(new FieldError("probability", "must be between 0 and 100")));
        }
    }

    static List<SalesStage> stages(EntityManager em, String processId) {
        return em.createQuery("SELECT s FROM SalesStage s WHERE s.salesProcessId = :p AND s.deletedAt IS NULL ORDER BY s.position",
                SalesStage.class).setParameter("p", processId).getResultList();
    }

    private static SalesStage current(EntityManager em, Opportunity opp) {
        return stages(em, opp.getSalesProcessId()).stream().filter(s -> s.getName().equals(opp.getStage())).findFirst()
                .orElseThrow(() -> AtriumException.conflict("stage-missing", "stage " + opp.getStage()
                        + " is no longer part of the sales process; an administrator must restore it").localized("stage-missing", opp.getStage()));
    }

    private static SalesStage outcomeStage(EntityManager em, Opportunity opp, String outcome) {
        return stages(em, opp.getSalesProcessId()).stream().filter(s -> outcome.equals(s.getOutcome())).findFirst()
                .orElseThrow(() -> AtriumException.conflict("no-closing-stage", "the sales process has no " + outcome + " stage")
                        .localized("no-closing-stage", outcome));
    }
}
