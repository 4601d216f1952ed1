package org.atriumcrm.commerce.api;

import java.math.BigDecimal;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The one approval mechanism of quotes, contracts, purchase orders and credit-held sales orders (the commerce
 * bundle registers it). It decides, from the administrator's approval rules (by document type, discount % and
 * amount), whether a document needs approval and who approves it — found through the role tree (the manager of
 * the document's owner, or a named user). The state lives on the document itself (its status, approver and the
 * history of the change), written in the document module's own transaction; this service holds no state of a
 * document, so an approval is never half-written across two modules.
 */
@ProviderType
public interface Approvals {

    /**
     * A document submitted for approval: its entity name ({@code Quote}), id, owner, grand total in
     * {@code currency}, and its largest line discount in percent (0 for none).
     */
    record Subject(String entity, String id, String ownerId, BigDecimal amount, String currency, BigDecimal maxDiscountPercent) {
    }

    /**
     * The routing: {@code required} false when no rule applies (the document is approved at once); else the
     * approver's user id, the rule that applied and why in words ("discount 18 % over 15 %").
     */
    record Route(boolean required, String approverId, String ruleId, String reason) {
    }

    /**
     * Routes {@code subject}; a 409 {@code no-approver} when a rule applies but nobody can approve (the owner's role
     * has no manager and the rule names no user).
     */
    Route route(Subject subject);

    /** True when {@code userId} may decide on a document routed to {@code approverId}: that user, or one above in the role tree, or an administrator. */
    boolean mayDecide(String userId, String approverId);
}
