package org.atriumcrm.erp.internal;

import java.time.Duration;

/**
 * Why an exchange with an ERP did not succeed: {@code retryable} (the ERP is away, busy, answered 5xx or 429 — try
 * again later, no earlier than {@code retryAfter} when it said so) or not (it refused the message, or the message
 * is malformed: a dead letter, or a file moved to {@code error/}, at once, with the reason).
 */
public class ErpFailure extends Exception {
    private static final long serialVersionUID = 1L;

    private final boolean retryable;
    private final Duration retryAfter;

    public ErpFailure(String reason, boolean retryable, Duration retryAfter, Throwable cause) {
        super(reason, cause);
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    public static ErpFailure retry(String reason, Duration retryAfter) {
        return new ErpFailure(reason, true, retryAfter, null);
    }

    public static ErpFailure retry(String reason, Throwable cause) {
        return new ErpFailure(reason + ": " + cause, true, null, cause);
    }

    /** The message can never succeed as it is. */
    public static ErpFailure bad(String reason) {
        return new ErpFailure(reason, false, null, null);
    }

    public boolean retryable() {
        return retryable;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
