package org.atriumcrm.printing.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.query.Condition;
import org.atriumcrm.api.query.ListQuery;
import org.atriumcrm.api.query.Operator;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.commerce.api.DocumentKind;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The templates a fresh installation prints with: every document kind in Chinese and English, the default of its
 * kind and language. A kind and language that has a template (even an inactive one) gets none; administrators edit
 * them as records ({@code /api/v1/document-templates}).
 */
@Component(immediate = true)
public class DefaultTemplates {

    @Activate
    public DefaultTemplates(@Reference DocumentTemplateStore templates,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + PrintingTypes.MODULE + ")") ModuleGate gate) {
        for (String locale : List.of(PrintingTypes.ZH, PrintingTypes.EN)) {
            String body = body(locale);
            for (DocumentKind kind : DocumentKind.values()) {
                ListQuery existing = new ListQuery(0, 1, List.of(), null, List.of(
                        new Condition("kind", Operator.EQ, List.of(PrintingTypes.value(kind))), new Condition("locale", Operator.EQ, List.of(locale))));
                if (templates.list(existing).total() > 0) {
                    continue;
                }
                Map<String, Object> t = new HashMap<>();
                t.put("name", kind.title(locale) + (PrintingTypes.ZH.equals(locale) ? "（标准）" : " (standard)"));
                t.put("kind", PrintingTypes.value(kind));
                t.put("locale", locale);
                t.put("active", Boolean.TRUE);
                t.put("isDefault", Boolean.TRUE);
                t.put("body", body);
                templates.create(t, Caller.SYSTEM);
            }
        }
    }

    static String body(String locale) {
        try (InputStream in = DefaultTemplates.class.getResourceAsStream("/templates/default." + locale + ".xml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("the bundle lacks its default " + locale + " template", e);
        }
    }
}
