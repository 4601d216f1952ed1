package org.atriumcrm.inventory.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.atriumcrm.api.security.Caller;
import org.atriumcrm.api.security.UserDirectory;
import org.atriumcrm.commerce.api.Catalog;
import org.atriumcrm.mail.api.OutboundMail;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The low-stock alert by email to the product's owner, through the company outbox (so retried, never lost), in
 * Chinese and English. Present while the mail module runs: its package is an optional import of this bundle.
 */
@Component(service = LowStockMail.class)
public class OutboxLowStockMail implements LowStockMail {
    private final OutboundMail outbox;
    private final UserDirectory users;

    @Activate
    public OutboxLowStockMail(@Reference OutboundMail outbox, @Reference UserDirectory users) {
        this.outbox = outbox;
        this.users = users;
    }

    @Override
    public void alert(Catalog.Item product, Warehouse warehouse, BigDecimal onHand) {
        Optional<String> to = product.ownerId() == null ? Optional.empty() : users.emailOf(product.ownerId());
        if (to.isEmpty()) {
            return;
        }
        String where = warehouse == null ? "" : warehouse.getName();
        String level = onHand.stripTrailingZeros().toPlainString();
        String reorder = product.reorderLevel() == null ? "" : product.reorderLevel().stripTrailingZeros().toPlainString();
        String subject = "库存不足 Low stock: " + product.sku() + " " + product.name() + " (" + level + ")";
        String text = "产品 " + product.sku() + " " + product.name() + " 在仓库 " + where + " 的库存为 " + level
                + "，低于再订货点 " + reorder + "。\n\nProduct " + product.sku() + " " + product.name() + ": " + level
                + " on hand in " + where + ", under its reorder level " + reorder + ".\n";
        outbox.queue(new OutboundMail.Message(List.of(to.get()), subject, text, null, null, List.of()), Caller.SYSTEM);
    }
}
