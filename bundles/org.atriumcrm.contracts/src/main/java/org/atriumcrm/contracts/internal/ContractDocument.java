package org.atriumcrm.contracts.internal;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.meta.PicklistValue;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.security.AccessPolicy;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.commerce.api.DocumentKind;
import org.atriumcrm.commerce.api.DocumentModel;
import org.atriumcrm.commerce.api.DocumentSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * A contract as a printed 合同: its type, parties, dates and terms; the contract value is its one line and its total
 * (a contract carries a value, not priced lines; the quote it came from prints those).
 */
@Component(service = DocumentSource.class, property = DocumentSource.ENTITY_PROPERTY + "=Contract")
public class ContractDocument implements DocumentSource {
    private final ContractStore contracts;
    private final AccessPolicy access;

    @Activate
    public ContractDocument(@Reference ContractStore contracts, @Reference AccessPolicy access,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + ContractTypes.MODULE + ")") ModuleGate gate) {
        this.contracts = contracts;
        this.access = access;
    }

    @Override
    public DocumentKind kind() {
        return DocumentKind.CONTRACT;
    }

    @Override
    public String entity() {
        return ContractTypes.CONTRACT.name();
    }

    @Override
    public Printable document(String id, String locale, Caller caller) {
        Contract c = access.secure(contracts, caller).find(id).orElseThrow(() -> AtriumException.notFound("no Contract with id " + id).localized("record-not-found", "Contract", id));
        String currency = c.getCurrency() == null ? "CNY" : c.getCurrency();
        BigDecimal value = c.getContractValue() == null ? BigDecimal.ZERO : c.getContractValue();
        Map<String, Object> header = new LinkedHashMap<>();
        header.put(DocumentModel.NUMBER, c.getNumber());
        header.put(DocumentModel.DATE, c.getSignedOn() != null ? c.getSignedOn().toString()
                : c.getCreatedAt() == null ? null : c.getCreatedAt().atZone(java.time.ZoneOffset.UTC).toLocalDate().toString());
        header.put("subject", c.getName());
        header.put("contractType", typeLabel(c.getContractType(), locale));
        header.put("startDate", c.getStartDate() == null ? null : c.getStartDate().toString());
        header.put("endDate", c.getEndDate() == null ? null : c.getEndDate().toString());
        header.put("validUntil", c.getEndDate() == null ? null : c.getEndDate().toString());
        header.put("renewalDate", c.getRenewalDate() == null ? null : c.getRenewalDate().toString());
        header.values().removeIf(Objects::isNull);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("product", c.getName());
        line.put("description", c.getDescription());
        line.put("quantity", "1");
        line.put("unitPrice", DocumentModel.money(value, currency));
        line.put("net", DocumentModel.money(value, currency));
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("subtotal", DocumentModel.money(value, currency));
        totals.put("grandTotal", DocumentModel.money(value, currency));
        totals.put("currency", currency);
        return new Printable(new DocumentModel(header, Map.of(), Map.of(), List.of(line), totals, List.of(), c.getTerms()),
                c.getAccountId(), c.getContactId());
    }

    private static String typeLabel(String value, String locale) {
        if (value == null) {
            return null;
        }
        Locale l = locale == null ? Locale.ENGLISH : Locale.forLanguageTag(locale);
        return ContractTypes.CONTRACT.field("contractType").map(f -> f.picklist().stream().filter(p -> p.value().equals(value))
                .map(PicklistValue::label).map(label -> label.in(l)).findFirst().orElse(value)).orElse(value);
    }
}
