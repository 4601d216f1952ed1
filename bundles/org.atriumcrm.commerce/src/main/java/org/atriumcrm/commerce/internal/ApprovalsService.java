package org.atriumcrm.commerce.internal;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.security.UserDirectory;
import org.atriumcrm.commerce.api.Approvals;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@link Approvals} from the approval rules. Of several matching rules the strictest wins: the one with the highest
 * amount threshold reached, then the highest discount threshold reached — a 30 % rule beats a 15 % rule that the same
 * quote also breaks, so a bigger concession never needs less approval than a smaller one.
 */
@Component(service = Approvals.class)
public class ApprovalsService implements Approvals {
    private final ApprovalRuleStore rules;
    private final UserDirectory users;

    @Activate
    public ApprovalsService(@Reference ApprovalRuleStore rules, @Reference UserDirectory users) {
        this.rules = rules;
        this.users = users;
    }

    /** A matching rule and the thresholds it reached (zero for one it does not have or that did not count). */
    record Match(ApprovalRule rule, BigDecimal amountThreshold, BigDecimal discountThreshold, String reason) {
    }

    @Override
    public Route route(Subject subject) {
        Optional<Match> strictest = strictest(rules.activeRules(subject.entity()), subject);
        if (strictest.isEmpty()) {
            return new Route(false, null, null, "no approval rule applies");
        }
        ApprovalRule rule = strictest.get().rule();
        String approver;
        if (CommerceTypes.USER.equals(rule.getApproverType())) {
            approver = rule.getApproverUserId();
            if (approver == null || !users.isActiveUser(approver)) {
                throw noApprover(rule, "its named approver is not an active user").localized("no-approver-inactive", rule.getName());
            }
        } else {
            List<String> managers = users.managersOf(subject.ownerId());
            if (managers.isEmpty()) {
                throw noApprover(rule, "the owner's role has nobody above it in the role tree").localized("no-approver-above", rule.getName());
            }
            approver = managers.get(0);
        }
        return new Route(true, approver, rule.getId(), strictest.get().reason());
    }

    private static AtriumException noApprover(ApprovalRule rule, String why) {
        return AtriumException.conflict("no-approver", "approval rule " + rule.getName() + " applies but nobody can approve: " + why);
    }

    static Optional<Match> strictest(List<ApprovalRule> candidates, Subject subject) {
        return candidates.stream().map(r -> match(r, subject)).flatMap(Optional::stream)
                .max(Comparator.comparing(Match::amountThreshold).thenComparing(Match::discountThreshold));
    }

    static Optional<Match> match(ApprovalRule rule, Subject subject) {
        BigDecimal discount = subject.maxDiscountPercent() == null ? BigDecimal.ZERO : subject.maxDiscountPercent();
        Boolean discountHit = null;
        Boolean amountHit = null;
        if (rule.getMinDiscountPercent() != null) {
            discountHit = discount.compareTo(rule.getMinDiscountPercent()) >= 0;
        }
        if (rule.getMinAmount() != null) {
            // no exchange rates here: an amount threshold in another currency does not apply to this document
            amountHit = subject.amount() != null && rule.getCurrency() != null && rule.getCurrency().equals(subject.currency())
                    && subject.amount().compareTo(rule.getMinAmount()) >= 0;
        }
        boolean all = CommerceTypes.ALL_CONDITIONS.equals(rule.getMatchWhen());
        boolean hit = all ? !Boolean.FALSE.equals(discountHit) && !Boolean.FALSE.equals(amountHit)
                : Boolean.TRUE.equals(discountHit) || Boolean.TRUE.equals(amountHit);
        if (!hit) {
            return Optional.empty();
        }
        StringBuilder reason = new StringBuilder();
        if (Boolean.TRUE.equals(discountHit)) {
            reason.append("discount ").append(discount.stripTrailingZeros().toPlainString()).append(" % reaches ")
                    .append(rule.getMinDiscountPercent().stripTrailingZeros().toPlainString()).append(" %");
        }
        if (Boolean.TRUE.equals(amountHit)) {
            reason.append(reason.length() > 0 ? ", " : "").append("amount ").append(subject.amount().toPlainString()).append(' ')
                    .append(subject.currency()).append(" reaches ").append(rule.getMinAmount().stripTrailingZeros().toPlainString())
                    .append(' ').append(rule.getCurrency());
        }
        reason.append(" (rule ").append(rule.getName()).append(')');
        return Optional.of(new Match(rule, Boolean.TRUE.equals(amountHit) ? rule.getMinAmount() : BigDecimal.ZERO,
                Boolean.TRUE.equals(discountHit) ? rule.getMinDiscountPercent() : BigDecimal.ZERO, reason.toString()));
    }

    @Override
    public boolean mayDecide(String userId, String approverId) {
        if (userId == null || approverId == null) {
            return false;
        }
        return userId.equals(approverId) || users.isAdministrator(userId) || users.isAbove(userId, approverId);
    }
}
