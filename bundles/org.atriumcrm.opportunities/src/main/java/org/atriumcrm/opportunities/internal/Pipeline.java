package org.atriumcrm.opportunities.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.persistence.criteria.CriteriaBuilder;
import javax.persistence.criteria.CriteriaQuery;
import javax.persistence.criteria.Expression;
import javax.persistence.criteria.Root;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.query.Condition;
import org.atriumcrm.api.query.ListQuery;
import org.atriumcrm.api.query.Operator;
import org.atriumcrm.api.security.AccessPolicy;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.api.security.EntityAccess;
import org.atriumcrm.api.security.FieldAccess;
import org.atriumcrm.api.security.Right;
import org.atriumcrm.api.security.UserDirectory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The aggregates behind the pipeline views (funnel, forecast, stage metrics, sources): GROUP BY queries whose
 * WHERE clause is the list query's, so they count exactly the opportunities the caller may see; amounts are left
 * out when field-level security hides the amount from the caller.
 */
@Component(service = Pipeline.class)
public class Pipeline {
    private static final Set<String> FILTERS = Set.of("from", "to", "ownerId", "team", "type", "source");
    /** The query parameters of every pipeline view, for the OpenAPI document ({@link #conditions} reads them). */
    static final String VIEW_PARAMETERS = """
            [{"name": "from", "in": "query", "description": "close date from", "schema": {"type": "string", "format": "date"}},
             {"name": "to", "in": "query", "description": "close date to", "schema": {"type": "string", "format": "date"}},
             {"name": "ownerId", "in": "query", "description": "one owner (user or group id)", "schema": {"type": "string"}},
             {"name": "team", "in": "query", "description": "the opportunities of a group's members", "schema": {"type": "string"}},
             {"name": "type", "in": "query", "description": "opportunity type (picklist value)", "schema": {"type": "string"}},
             {"name": "source", "in": "query", "description": "lead source (picklist value)", "schema": {"type": "string"}}]""";
    /** Money figures of a view: left out when field-level security hides the amount from the caller. */
    static final String MONEY = "{\"type\": \"number\", \"description\": \"left out when the amount is hidden from you\"}";

    private final OpportunityStore store;
    private final AccessPolicy access;
    private final UserDirectory users;

    @Activate
    public Pipeline(@Reference OpportunityStore store, @Reference AccessPolicy access, @Reference UserDirectory users) {
        this.store = store;
        this.access = access;
        this.users = users;
    }

    /** The teams (groups) and their members, for per-team figures and the {@code team} filter. */
    List<UserDirectory.Team> teams() {
        return users.teams();
    }

    /** The caller's access, or 403 without the view right. */
    EntityAccess access(Caller caller) {
        EntityAccess a = access.access(caller, OpportunityTypes.OPPORTUNITY);
        if (!a.can(Right.VIEW)) {
            throw AtriumException.forbidden("your profiles do not allow you to view opportunities");
        }
        return a;
    }

    /** The period and filters of a view: {@code from}/{@code to} on the expected close date, owner, type, source. */
    List<Condition> conditions(Map<String, List<String>> params, Set<String> allowedExtra) {
        for (String name : params.keySet()) {
            if (!FILTERS.contains(name) && !allowedExtra.contains(name)) {
                throw AtriumException.invalidField(name, "is not a parameter of this view; use " + FILTERS);
            }
        }
        List<Condition> where = new ArrayList<>();
        LocalDate from = date(params, "from");
        LocalDate to = date(params, "to");
        if (from != null) {
            where.add(new Condition("closeDate", Operator.GE, List.of(from)));
        }
        if (to != null) {
            where.add(new Condition("closeDate", Operator.LE, List.of(to)));
        }
        for (String field : List.of("ownerId", "type", "source")) {
            String v = first(params, field);
            if (v != null) {
                where.add(new Condition(field, Operator.EQ, List.of(v)));
            }
        }
        String team = first(params, "team");
        if (team != null) {
            UserDirectory.Team t = teams().stream().filter(g -> g.id().equals(team)).findFirst()
                    .orElseThrow(() -> AtriumException.invalid("team", "reference-not-found", "no group with id " + team, "group", team));
            List<Object> owners = new ArrayList<>(t.memberIds());
            owners.add(t.id());
            where.add(new Condition("ownerId", Operator.IN, owners)); // the team's members' records and the team's own
        }
        return where;
    }

    /** Rows of [group values..., count, sum(amount), sum(amount × probability)] for visible opportunities. */
    List<Object[]> aggregate(EntityAccess a, List<Condition> where, List<String> groupBy) {
        return store.inTransaction(em -> {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<Object[]> q = cb.createQuery(Object[].class);
            Root<Opportunity> o = q.from(Opportunity.class);
            List<javax.persistence.criteria.Selection<?>> select = new ArrayList<>();
            List<Expression<?>> groups = new ArrayList<>();
            for (String g : groupBy) {
                select.add(o.get(g));
                groups.add(o.get(g));
            }
            Expression<BigDecimal> amount = o.get("amount");
            Expression<Number> probability = o.get("probability");
            select.add(cb.count(o));
            select.add(cb.sum(amount));
            select.add(cb.sum(cb.prod(amount, probability)));
            ListQuery scope = new ListQuery(0, 1, List.of(), null, where).scopedTo(a.read(), Set.of());
            q.multiselect(select).where(store.listCondition(cb, o, scope)).groupBy(groups);
            return em.createQuery(q).getResultList();
        });
    }

    static boolean amountVisible(EntityAccess a) {
        return a.field("amount") != FieldAccess.HIDDEN;
    }

    static BigDecimal money(Object sum) {
        if (sum == null) {
            return BigDecimal.ZERO.setScale(2);
        }
        return new BigDecimal(sum.toString()).setScale(2, RoundingMode.HALF_UP);
    }

    static BigDecimal weighted(Object sumOfProducts) {
        return money(sumOfProducts).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
    }

    /** Stage key → stage, per sales process, for order and labels. */
    Map<String, SalesStage> stages() {
        return store.inTransaction(em -> {
            Map<String, SalesStage> all = new HashMap<>();
            em.createQuery("SELECT s FROM SalesStage s WHERE s.deletedAt IS NULL", SalesStage.class).getResultList()
                    .forEach(s -> all.put(s.getSalesProcessId() + "/" + s.getName(), s));
            return all;
        });
    }

    /** Stage changes of the visible opportunities: [opportunityId, fromStage, toStage, secondsInPreviousStage, salesProcessId]. */
    List<Object[]> stageChanges(EntityAccess a, List<Condition> where) {
        return store.inTransaction(em -> {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<Object[]> q = cb.createQuery(Object[].class);
            Root<OpportunityStageChange> c = q.from(OpportunityStageChange.class);
            Root<Opportunity> o = q.from(Opportunity.class);
            ListQuery scope = new ListQuery(0, 1, List.of(), null, where).scopedTo(a.read(), Set.of());
            q.multiselect(c.get("opportunityId"), c.get("fromStage"), c.get("toStage"), c.get("secondsInPreviousStage"),
                    o.get("salesProcessId"))
                    .where(cb.equal(c.get("opportunityId"), o.get("id")), store.listCondition(cb, o, scope))
                    .orderBy(cb.asc(c.get("createdAt")), cb.asc(c.get("id")));
            return em.createQuery(q).getResultList();
        });
    }

    static Map<String, Object> figures(EntityAccess a, long count, Object amount, Object weighted) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("count", count);
        if (amountVisible(a)) {
            f.put("amount", money(amount));
            if (weighted != null) {
                f.put("weightedAmount", weighted(weighted));
            }
        }
        return f;
    }

    private static LocalDate date(Map<String, List<String>> params, String name) {
        String v = first(params, name);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw AtriumException.invalidField(name, "must be a date like 2026-12-31, not " + v);
        }
    }

    static String first(Map<String, List<String>> params, String name) {
        List<String> v = params.get(name);
        return v == null || v.isEmpty() || v.get(0).isBlank() ? null : v.get(0).strip();
    }
}
