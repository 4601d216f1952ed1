package org.atriumcrm.api.error;

import java.util.Locale;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The platform's message catalogue as a service, for texts that leave Atrium outside a REST answer (an import's error
 * report, a job's reason) but must read in the user's language like a problem document does.
 *
 * <p>A module or plugin translates the problems it raises by shipping its own catalogue at {@link #CATALOGUE} in its
 * bundle (UTF-8 properties; read when the bundle resolves, dropped when it goes): {@code detail.<key>} for an
 * {@link AtriumException#localized(String, Object...)} key and {@code field.<code>} for a {@link FieldError#of} code,
 * {0}, {1}... being the arguments. English stays what the raising code says. Keys are shared by all bundles: name a
 * module's own keys after its problem types, which are unique already.
 *
 * @since 1.3
 */
@ProviderType
public interface ProblemTexts {
    /** Where a bundle keeps the Simplified Chinese texts of the problems it raises. */
    String CATALOGUE = "atrium/problem-messages_zh-CN.properties";

    /** The language of a user's texts: a language tag as users set it (zh-CN, en), null for English. */
    Locale language(String languageTag);

    /** The detail of {@code problem} as a reader of {@code language} sees it (English where there is no translation). */
    String detail(AtriumException problem, Locale language);

    /** The message of a field error in {@code language}, read after the field's name. */
    String message(FieldError error, Locale language);
}
