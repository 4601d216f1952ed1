package org.atriumcrm.mail.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.mail.Session;

import org.atriumcrm.api.meta.FieldDef;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.query.Condition;
import org.atriumcrm.api.query.ListQuery;
import org.atriumcrm.api.query.Operator;
import org.atriumcrm.api.record.Record;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.record.RecordStores;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.mail.internal.EmailStore.Link;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files one received message: decodes it, finds every contact, lead and account whose address appears in from, to
 * or cc (and the account of each matched contact), applies the mailbox's rules (a lead from an unknown sender, the
 * account's open opportunity, a hand-off event for another module) and threads replies by Message-ID, In-Reply-To
 * and References. Whatever goes wrong ends in the dead-letter store with the raw message, never in a lost one.
 */
@Component(service = MailFiler.class)
public class MailFiler {
    static final String RECEIVED_TOPIC = org.atriumcrm.api.event.DomainEvents.MAIL_RECEIVED_TOPIC;
    private static final Logger LOG = LoggerFactory.getLogger(MailFiler.class);

    enum Outcome { FILED, DUPLICATE, DEAD }

    private final EmailStore emails;
    private final EventAdmin events;
    private final RecordStores stores;

    @Activate
    public MailFiler(@Reference RecordStores stores, @Reference EmailStore emails, @Reference EventAdmin events,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + MailTypes.MODULE + ")") ModuleGate gate) {
        this.stores = stores;
        this.emails = emails;
        this.events = events;
    }

    /** A message's filing key (Message-ID or hash), or null when it cannot even be parsed. */
    /** The decoded message, or null when it does not parse (the filer then dead-letters it). */
    static InboundMessage tryParse(byte[] raw) {
        try {
            return parse(raw);
        } catch (Exception e) {
            return null;
        }
    }

    /** A message's filing key: its Message-ID, or a hash of its bytes. */
    static String keyOf(byte[] raw, InboundMessage parsed) {
        if (parsed != null) {
            return parsed.key;
        }
        String id = InboundMessage.headersOf(raw)[0];
        return id != null ? id : "sha256:" + InboundMessage.sha256(raw);
    }

    Outcome file(Mailbox box, byte[] raw) {
        return file(box, raw, null);
    }

    /** Files {@code raw}; {@code parsed} is the message already decoded by the caller, or null. */
    Outcome file(Mailbox box, byte[] raw, InboundMessage parsed) {
        InboundMessage m = parsed;
        try {
            if (m == null) {
                m = parse(raw);
            }
        } catch (Exception e) {
            String[] headers = InboundMessage.headersOf(raw);
            String key = headers[0] != null ? headers[0] : "sha256:" + InboundMessage.sha256(raw);
            if (emails.received(box.getId(), key)) {
                return Outcome.DUPLICATE;
            }
            LOG.warn("message {} of mailbox {} is not readable and goes to the dead-letter store: {}", key, box.getName(), rootMessage(e));
            emails.deadLetter(box, key, raw, headers[1], headers[2], "not a readable message: " + rootMessage(e));
            return Outcome.DEAD;
        }
        if (emails.received(box.getId(), m.key)) {
            return Outcome.DUPLICATE;
        }
        try {
            Email filed = fileParsed(box, m);
            LOG.debug("filed {} from {} in mailbox {} as email {}", m.key, m.from, box.getName(), filed.getId());
            return Outcome.FILED;
        } catch (RuntimeException e) {
            if (emails.received(box.getId(), m.key)) {
                return Outcome.DUPLICATE; // another scan filed it at the same moment: its receipt won
            }
            LOG.warn("message {} of mailbox {} goes to the dead-letter store: {}", m.key, box.getName(), rootMessage(e));
            emails.deadLetter(box, m.key, raw, m.from == null ? null : m.from.toUnicodeString(), m.subject, rootMessage(e));
            return Outcome.DEAD;
        }
    }

    /** Files a dead letter again; the email id, or an exception with the reason it still fails. */
    String replay(Mailbox box, MailScanFailure dead) throws Exception {
        InboundMessage m = parse(dead.getRaw());
        String already = emails.filedEmail(box.getId(), m.key);
        if (already != null) {
            return already;
        }
        return fileParsed(box, m).getId();
    }

    private Email fileParsed(Mailbox box, InboundMessage m) {
        Set<String> internal = internalDomains(box);
        // the mailbox's own address is in nearly every message, and colleagues are no customers: not looked up
        Set<String> addresses = new LinkedHashSet<>(m.allAddresses());
        addresses.removeIf(a -> isInternal(a, internal));
        List<Link> links = new ArrayList<>();
        Set<String> matchedAddresses = new LinkedHashSet<>();
        for (Record contact : byEmail("Contact", addresses)) {
            links.add(new Link("Contact", contact.getId()));
            matchedAddresses.add(lower(value("Contact", contact, "email")));
            Object account = value("Contact", contact, "accountId");
            if (account != null) {
                links.add(new Link("Account", account.toString()));
            }
        }
        for (Record lead : byEmail("Lead", addresses)) {
            links.add(new Link("Lead", lead.getId()));
            matchedAddresses.add(lower(value("Lead", lead, "email")));
        }
        for (Record account : byEmail("Account", addresses)) {
            links.add(new Link("Account", account.getId()));
            matchedAddresses.add(lower(value("Account", account, "email")));
        }
        String sender = m.from == null ? null : m.from.getAddress().toLowerCase(Locale.ROOT);
        if (Boolean.TRUE.equals(box.getCreateLeads()) && sender != null && !matchedAddresses.contains(sender) && !isInternal(sender, internal)) {
            String lead = createLead(box, m);
            if (lead != null) {
                links.add(new Link("Lead", lead));
            }
        }
        EmailStore.Thread thread = emails.threadOf(threadIds(m));
        if (thread != null) {
            links.addAll(thread.links()); // a reply from an unknown address still belongs to the conversation's records
        }
        if (Boolean.TRUE.equals(box.getAttachToOpportunity())) {
            for (Link account : List.copyOf(links)) {
                if (account.entity().equals("Account")) {
                    openOpportunity(account.id()).ifPresent(o -> links.add(new Link("Opportunity", o)));
                }
            }
        }
        List<Link> unique = new ArrayList<>(new LinkedHashSet<>(links));
        Email filed = emails.fileReceived(box, m, unique, thread == null ? null : thread.threadId());
        announce(box, filed, unique);
        return filed;
    }

    private void announce(Mailbox box, Email filed, List<Link> links) {
        Map<String, Object> props = new HashMap<>();
        props.put("emailId", filed.getId());
        props.put("mailboxId", box.getId());
        props.put("subject", filed.getSubject() == null ? "" : filed.getSubject());
        props.put("from", filed.getFromAddress() == null ? "" : filed.getFromAddress());
        for (String entity : List.of("Contact", "Lead", "Account", "Opportunity")) {
            props.put(entity.toLowerCase(Locale.ROOT) + "Ids", links.stream().filter(l -> l.entity().equals(entity)).map(Link::id).toArray(String[]::new));
        }
        events.postEvent(new Event(RECEIVED_TOPIC, props));
        if (box.getHandOffTopic() != null && !box.getHandOffTopic().isBlank()) {
            events.postEvent(new Event(box.getHandOffTopic(), props));
        }
    }

    private List<? extends Record> byEmail(String entity, Set<String> addresses) {
        RecordStore<?> store = stores.byName(entity).orElse(null);
        if (store == null || addresses.isEmpty() || store.type().field("email").isEmpty()) {
            return List.of();
        }
        // one query per entity for every address of the message, on the email's indexed match key (trimmed, lower
        // case) where the entity keeps one: a LIKE per address and entity was the scanner's largest cost (Derby
        // compiled each as new SQL text and scanned the table), more than reading the message from the server
        List<List<Object>> keys = addresses.stream().limit(50).map(a -> List.<Object>of(a)).toList();
        return inOrder(store.findMatches(List.of("email"), keys, org.atriumcrm.api.security.Visibility.ALL), keys);
    }

    /** In the message's order of addresses: the sender's record comes first. */
    private static <R extends Record> List<R> inOrder(Map<List<Object>, List<R>> matches, List<List<Object>> keys) {
        List<R> found = new ArrayList<>();
        for (List<Object> key : keys) {
            found.addAll(matches.getOrDefault(key, List.of()));
        }
        return found;
    }

    private java.util.Optional<String> openOpportunity(String accountId) {
        RecordStore<?> store = stores.byName("Opportunity").orElse(null);
        if (store == null) {
            return java.util.Optional.empty();
        }
        ListQuery query = new ListQuery(0, 1, List.of(new org.atriumcrm.api.query.SortKey("modifiedAt", true)), null,
                List.of(new Condition("accountId", Operator.EQ, List.of(accountId)), new Condition("closed", Operator.EQ, List.of(Boolean.FALSE))));
        return store.list(query).items().stream().findFirst().map(Record::getId);
    }

    private String createLead(Mailbox box, InboundMessage m) {
        RecordStore<?> leads = stores.byName("Lead").orElse(null);
        if (leads == null) {
            return null; // the leads module is off: the email is filed without one
        }
        String address = m.from.getAddress();
        String name = m.from.getPersonal() != null && !m.from.getPersonal().isBlank() ? m.from.getPersonal().strip() : address.substring(0, address.indexOf('@'));
        Map<String, Object> values = new HashMap<>();
        values.put("lastName", name.length() > 100 ? name.substring(0, 100) : name);
        values.put("company", address.substring(address.indexOf('@') + 1));
        values.put("email", address);
        values.put("description", "Created by the mail scanner from: " + (m.subject == null ? "(no subject)" : m.subject));
        try {
            return leads.create(values, new Caller(box.getOwnerId(), "mail-scanner")).getId();
        } catch (RuntimeException e) {
            LOG.info("no lead from {} ({}): the email is filed without one", address, rootMessage(e));
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private Object value(String entity, Record record, String field) {
        RecordStore<?> store = stores.byName(entity).orElse(null);
        return store == null ? null : store.type().field(field).map(f -> ((FieldDef<Record>) (Object) f).get(record)).orElse(null);
    }

    private static List<String> threadIds(InboundMessage m) {
        List<String> ids = new ArrayList<>();
        if (m.inReplyTo != null) {
            ids.add(m.inReplyTo);
        }
        ids.addAll(m.references);
        return ids;
    }

    private static Set<String> internalDomains(Mailbox box) {
        Set<String> domains = new LinkedHashSet<>();
        if (box.getInternalDomains() != null) {
            for (String d : box.getInternalDomains().split("[,;\\s]+")) {
                if (!d.isBlank()) {
                    domains.add(d.strip().toLowerCase(Locale.ROOT).replaceFirst("^@", ""));
                }
            }
        }
        if (box.getUserName() != null && box.getUserName().contains("@")) {
            domains.add(box.getUserName().substring(box.getUserName().indexOf('@') + 1).toLowerCase(Locale.ROOT));
        }
        return domains;
    }

    private static boolean isInternal(String address, Set<String> domains) {
        return domains.contains(address.substring(address.indexOf('@') + 1));
    }

    private static String lower(Object o) {
        return o == null ? "" : o.toString().toLowerCase(Locale.ROOT);
    }

    /** Jakarta Mail finds its multipart handlers through the context class loader: in OSGi it must be the mail bundle's. */
    private static InboundMessage parse(byte[] raw) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Session.class.getClassLoader());
        try {
            return InboundMessage.parse(raw);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
