package org.atriumcrm.orders.internal;

import java.util.Optional;

import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.security.AccessPolicy;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.commerce.api.actions.DocumentAction;
import org.atriumcrm.rest.api.RecordAction;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The status steps of sales orders. */
final class OrderActions {
    private static final String GATE = "(" + ModuleGate.MODULE_PROPERTY + "=" + OrderTypes.MODULE + ")";

    private OrderActions() {
    }

    @Component(service = RecordAction.class, property = {RecordAction.ENTITY_PROPERTY + "=SalesOrder", RecordAction.ACTION_PROPERTY + "=confirm", RecordAction.WHEN_PROPERTY + "=status=draft",
        RecordAction.SUMMARY_PROPERTY + "=Draft to confirmed after the credit check; over the limit or overdue: 409 credit-limit-exceeded /"
            + " credit-overdue with limit, exposure and orderAmount, or held for approval (configuration creditAction)"})
    public static class Confirm extends DocumentAction<SalesOrder> {
        private final SalesOrderStore orders;

        @Activate
        public Confirm(@Reference SalesOrderStore orders, @Reference AccessPolicy access, @Reference(target = GATE) ModuleGate gate) {
            super(OrderTypes.ORDER, access);
            this.orders = orders;
        }

        @Override
        protected SalesOrder act(String id, String comment, Caller caller) {
            return orders.confirm(id, caller);
        }
    }

    /** An approver's decision on a credit hold. */
    abstract static class Decision extends DocumentAction<SalesOrder> {
        private final SalesOrderStore orders;
        private final boolean approve;

        Decision(SalesOrderStore orders, AccessPolicy access, boolean approve) {
            super(OrderTypes.ORDER, access);
            this.orders = orders;
            this.approve = approve;
        }

        @Override
        protected SalesOrder act(String id, String comment, Caller caller) {
            return orders.decide(id, approve, comment, caller);
        }

        @Override
        protected boolean takesComment() {
            return true;
        }

        @Override
        protected boolean isDecision() {
            return true;
        }

        @Override
        protected Optional<SalesOrder> forDecider(String id, Caller caller) {
            return orders.find(id).filter(o -> orders.mayDecide(o, caller));
        }
    }

    @Component(service = RecordAction.class, property = {RecordAction.ENTITY_PROPERTY + "=SalesOrder", RecordAction.ACTION_PROPERTY + "=approve", RecordAction.WHEN_PROPERTY + "=status=held",
        RecordAction.SUMMARY_PROPERTY + "=A credit hold approved by its approver (or someone above them, or an administrator): the order is confirmed; comment (optional)"})
    public static class Approve extends Decision {
        @Activate
        public Approve(@Reference SalesOrderStore orders, @Reference AccessPolicy access, @Reference(target = GATE) ModuleGate gate) {
            super(orders, access, true);
        }
    }

    @Component(service = RecordAction.class, property = {RecordAction.ENTITY_PROPERTY + "=SalesOrder", RecordAction.ACTION_PROPERTY + "=reject", RecordAction.WHEN_PROPERTY + "=status=held",
        RecordAction.SUMMARY_PROPERTY + "=A credit hold rejected: back to draft, with a comment saying why"})
    public static class Reject extends Decision {
        @Activate
        public Reject(@Reference SalesOrderStore orders, @Reference AccessPolicy access, @Reference(target = GATE) ModuleGate gate) {
            super(orders, access, false);
        }
    }

    @Component(service = RecordAction.class, property = {RecordAction.ENTITY_PROPERTY + "=SalesOrder", RecordAction.ACTION_PROPERTY + "=cancel", RecordAction.WHEN_PROPERTY + "=status=draft,held,confirmed",
        RecordAction.SUMMARY_PROPERTY + "=Draft, held or confirmed to cancelled, before anything was delivered or invoiced (409 after); comment: the reason"})
    public static class Cancel extends DocumentAction<SalesOrder> {
        private final SalesOrderStore orders;

        @Activate
        public Cancel(@Reference SalesOrderStore orders, @Reference AccessPolicy access, @Reference(target = GATE) ModuleGate gate) {
            super(OrderTypes.ORDER, access);
            this.orders = orders;
        }

        @Override
        protected SalesOrder act(String id, String comment, Caller caller) {
            return orders.cancel(id, comment, caller);
        }

        @Override
        protected boolean takesComment() {
            return true;
        }
    }
}
