package org.atriumcrm.payments.internal;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.commerce.api.OpenItems;

/** Whether a caller may see a document, by its module's own permission check. */
final class Visible {
    private Visible() {
    }

    static boolean to(OpenItems items, OpenItems.OpenItem item, Caller caller) {
        try {
            items.find(item.id(), caller);
            return true;
        } catch (AtriumException e) {
            if (e.status() == 404 || e.status() == 403) {
                return false;
            }
            throw e;
        }
    }
}
