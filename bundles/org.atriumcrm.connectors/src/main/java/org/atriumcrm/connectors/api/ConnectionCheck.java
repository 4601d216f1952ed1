package org.atriumcrm.connectors.api;

/** One step of a connection test ({@code dns}, {@code connection}, {@code tls}, {@code authentication}, {@code protocol}). */
public record ConnectionCheck(String step, boolean ok, String detail) {

    public static ConnectionCheck passed(String step, String detail) {
        return new ConnectionCheck(step, true, detail);
    }

    public static ConnectionCheck failed(String step, String detail) {
        return new ConnectionCheck(step, false, detail);
    }
}
