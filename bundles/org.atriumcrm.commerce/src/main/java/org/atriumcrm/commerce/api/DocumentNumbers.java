package org.atriumcrm.commerce.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Numbers of documents as people read and quote them on the phone ({@code SO-2026-000042}), unique per series and
 * increasing, under any concurrency, without a counter row every request updates (the commerce bundle registers
 * it). A number taken by a document whose transaction then fails is not reused: gaps are possible, duplicates never.
 */
@ProviderType
public interface DocumentNumbers {

    /** The next number of {@code series} (e.g. {@code SO}, {@code QUO}, {@code INV}), with the current year. */
    String next(String series);
}
