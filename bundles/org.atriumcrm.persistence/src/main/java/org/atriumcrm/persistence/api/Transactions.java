package org.atriumcrm.persistence.api;

import org.osgi.annotation.versioning.ProviderType;
import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.atriumcrm.api.error.AtriumException;

/** Runs work in a module's transaction so that an {@link AtriumException} thrown inside comes out as itself. */
@ProviderType
public final class Transactions {

    private Transactions() {
    }

    /**
     * One resource-local transaction ({@code Required} is the only type Aries supports without JTA). Aries
     * wraps checked failures; our own exceptions are unwrapped so that callers get their 4xx, not a 500.
     */
    public static <R> R required(JpaTemplate jpa, EmFunction<R> work) {
        try {
            UnitOfWork.join(jpa);
            return jpa.txExpr(TransactionType.Required, work);
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof AtriumException ae) {
                    throw ae;
                }
            }
            throw e;
        }
    }
}
