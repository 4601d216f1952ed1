package org.atriumcrm.erp.internal;

import java.util.Map;

import org.atriumcrm.connectors.api.ConnectorConfig;

/**
 * Which side wins a conflict per field group, as the administrator set it on the connector ({@code conflict.<group>}
 * = {@code erp} or {@code crm}): by default the ERP for stock, prices and product data, which it keeps; the CRM for
 * customers' contact data, which the sales team keeps.
 */
public final class ErpRules {
    public static final String ERP = "erp";
    public static final String CRM = "crm";
    public static final String PRODUCT = "product";
    public static final String PRICES = "prices";
    public static final String STOCK = "stock";
    public static final String CUSTOMER = "customer";
    static final Map<String, String> DEFAULTS = Map.of(PRODUCT, ERP, PRICES, ERP, STOCK, ERP, CUSTOMER, CRM);

    private ErpRules() {
    }

    /** The side that wins {@code group} on this connector. */
    static String winner(ConnectorConfig config, String group) {
        String set = config.setting("conflict." + group, DEFAULTS.getOrDefault(group, ERP)).trim().toLowerCase(java.util.Locale.ROOT);
        return CRM.equals(set) ? CRM : ERP;
    }
}
