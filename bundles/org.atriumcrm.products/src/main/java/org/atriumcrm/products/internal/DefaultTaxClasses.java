package org.atriumcrm.products.internal;

import java.math.BigDecimal;
import java.util.Map;

import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.security.Caller;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The mainland-China VAT rates a fresh installation ships with (13 % goods, 9 % transport/construction/agricultural
 * goods, 6 % modern services, 0 % exports), written only while there are no tax classes at all, so that an
 * administrator's changes and deletions stand.
 */
@Component(immediate = true)
public class DefaultTaxClasses {

    @Activate
    public DefaultTaxClasses(@Reference TaxClassStore taxes,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + ProductTypes.MODULE + ")") ModuleGate gate) {
        if (taxes.count() > 0 || taxes.listDeleted(0, 1).total() > 0) {
            return;
        }
        seed(taxes, "VAT 13% / 增值税 13%", "13", "Goods, processing, repairs / 货物销售、加工修理修配");
        seed(taxes, "VAT 9% / 增值税 9%", "9", "Transport, construction, real estate, agricultural goods / 交通运输、建筑、不动产、农产品");
        seed(taxes, "VAT 6% / 增值税 6%", "6", "Modern services, software services / 现代服务、软件服务");
        seed(taxes, "VAT 0% / 零税率", "0", "Exports / 出口");
    }

    private static void seed(TaxClassStore taxes, String name, String rate, String description) {
        taxes.create(Map.of("name", name, "rate", new BigDecimal(rate), "description", description), Caller.SYSTEM);
    }
}
