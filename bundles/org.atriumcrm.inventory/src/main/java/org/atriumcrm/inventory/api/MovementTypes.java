package org.atriumcrm.inventory.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The kinds of stock movement and the sign each allows: inbound kinds add (quantity &gt; 0), outbound kinds take away
 * (quantity &lt; 0), corrections go either way (never 0).
 */
@ProviderType
public final class MovementTypes {
    public static final String RECEIPT = "RECEIPT";
    public static final String DELIVERY = "DELIVERY";
    public static final String ADJUSTMENT = "ADJUSTMENT";
    public static final String STOCKTAKE_CORRECTION = "STOCKTAKE_CORRECTION";
    public static final String OPENING_BALANCE = "OPENING_BALANCE";
    public static final String TRANSFER_IN = "TRANSFER_IN";
    public static final String TRANSFER_OUT = "TRANSFER_OUT";
    public static final String RETURN = "RETURN";

    public static final List<String> ALL = List.of(RECEIPT, DELIVERY, ADJUSTMENT, STOCKTAKE_CORRECTION, OPENING_BALANCE,
            TRANSFER_IN, TRANSFER_OUT, RETURN);

    private MovementTypes() {
    }

    /** +1 when {@code type} only adds, -1 when it only takes away, 0 when it goes either way. */
    public static int sign(String type) {
        return switch (type) {
            case RECEIPT, OPENING_BALANCE, TRANSFER_IN, RETURN -> 1;
            case DELIVERY, TRANSFER_OUT -> -1;
            default -> 0;
        };
    }
}
