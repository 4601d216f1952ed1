package org.atriumcrm.api.event;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Domain events are posted on OSGi EventAdmin after commit, with topic {@code atrium/<Entity>/<ACTION>}
 * (e.g. {@code atrium/Account/CREATED}) and only ids and primitives as properties. EventAdmin is not
 * durable: anything that must not be lost goes through an outbox table instead.
 */
@ProviderType
public final class DomainEvents {
    public static final String TOPIC_PREFIX = "atrium/";
    /** Property: the entity name, e.g. {@code Account}. */
    public static final String ENTITY = "entity";
    /** Property: the record id. */
    public static final String ID = "id";
    /** Property: the id of the user who made the change. */
    public static final String USER_ID = "userId";
    /** Property: {@code String[]} of the field names that changed (CREATED and UPDATED). */
    public static final String CHANGED_FIELDS = "changedFields";
    /** Property: on MERGED, the id of the record merged into {@link #ID}. */
    public static final String MERGED_ID = "mergedId";

    /**
     * Posted by the Leads module after a lead was converted, with {@link #ENTITY} {@code Lead}, {@link #ID} (the
     * lead), {@link #USER_ID}, {@link #ACCOUNT_ID} and, when made or chosen, {@link #CONTACT_ID} and
     * {@link #OPPORTUNITY_ID}.
     *
     * @since 1.1
     */
    public static final String LEAD_CONVERTED_TOPIC = TOPIC_PREFIX + "Lead/CONVERTED";
    /** Property of {@link #LEAD_CONVERTED_TOPIC}: the account the lead became or joined. */
    public static final String ACCOUNT_ID = "accountId";
    /** Property of {@link #LEAD_CONVERTED_TOPIC}: the contact the lead became or joined. */
    public static final String CONTACT_ID = "contactId";
    /** Property of {@link #LEAD_CONVERTED_TOPIC}: the opportunity the conversion opened. */
    public static final String OPPORTUNITY_ID = "opportunityId";
    /**
     * Posted by the mail module for every received email it filed (properties: {@link #ID} of the email and the
     * records it was filed under).
     *
     * @since 1.1
     */
    public static final String MAIL_RECEIVED_TOPIC = TOPIC_PREFIX + "mail/RECEIVED";

    public enum Action { CREATED, UPDATED, DELETED, RESTORED, PURGED, MERGED }

    /**
     * Topic of the <em>synchronous</em> notice a store sends (EventAdmin {@code sendEvent}) right after a commit and
     * before its write call returns, with {@link #ENTITY} and {@link #IDS}: what keeps a derived copy of the records
     * (the list index) as current as the caller's next request. Outside {@link #TOPIC_PREFIX} so that handlers of
     * the domain events are not called synchronously; a handler of this topic must return at once (queue the ids).
     *
     * @since 1.1
     */
    public static final String COMMITTED_TOPIC = "atriumcrm/record/COMMITTED";
    /** Property of {@link #COMMITTED_TOPIC}: {@code String[]} of the record ids written by the transaction. */
    public static final String IDS = "ids";

    private DomainEvents() {
    }

    public static String topic(String entity, Action action) {
        return TOPIC_PREFIX + entity + "/" + action.name();
    }
}
