package org.atriumcrm.invoicing.api;

import org.osgi.annotation.versioning.ProviderType;

/** The statuses of an {@link Invoice}: draft → issued → partly paid → paid, or cancelled (draft or issued, nothing paid). */
@ProviderType
public final class InvoiceStatus {
    public static final String DRAFT = "draft";
    public static final String ISSUED = "issued";
    public static final String PARTLY_PAID = "partly_paid";
    public static final String PAID = "paid";
    public static final String CANCELLED = "cancelled";

    private InvoiceStatus() {
    }
}
