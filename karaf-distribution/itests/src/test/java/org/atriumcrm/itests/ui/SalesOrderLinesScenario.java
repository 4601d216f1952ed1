package org.atriumcrm.itests.ui;

import static org.atriumcrm.itests.ui.LineEditor.addLine;
import static org.atriumcrm.itests.ui.LineEditor.row;
import static org.atriumcrm.itests.ui.LineEditor.text;
import static org.atriumcrm.itests.ui.LineEditor.waitGrand;
import static org.atriumcrm.itests.ui.RecordScenarios.type;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The line editor on a sales order, from the metadata alone: two lines added (products found by SKU), a discount over
 * 100 % refused at its field with the line as typed kept, a quantity changed, the totals after each change the orders
 * module's; only the draft's transitions offered (confirm, cancel; no delivery yet), then confirmed under the credit
 * check: the lines read-only and the confirmed order's transitions offered instead (deliver, invoice). Then delivered in
 * parts through the deliver dialog: more than remains and more than the stock (issued at once) refused at the line, 2
 * of the product issued at once from the warehouse picked by name, what remains offered next, the service alone as a
 * draft issued from its own page; the notes show their warehouse and lines by name. Arguments: user, password, order
 * id, then id and SKU of a product (1,000.00, 13 % VAT, 2 in stock) and of a service (200.00, 6 % VAT).
 */
public final class SalesOrderLinesScenario implements UiScenario {
    @Override
    public void run(Browser b, List<String> args) throws Exception {
        String order = args.get(2);
        String product = args.get(3);
        String productSku = args.get(4);
        String service = args.get(5);
        String serviceSku = args.get(6);
        b.login(args.get(0), args.get(1));
        b.driver.get(b.base + "/#/sales-orders/" + order);
        b.visible(By.id("lines-none"));
        b.visible(By.id("action-confirm"));
        b.check("a draft is not delivered", b.driver.findElements(By.id("action-deliver")).isEmpty());
        b.check("nor invoiced", b.driver.findElements(By.id("action-invoice")).isEmpty());
        b.check("nor decided: nothing is held", b.driver.findElements(By.id("action-approve")).isEmpty());

        // a discount over 100 %: the server's 400 at the field, nothing saved
        addLine(b, product, productSku, "2", "120");
        WebElement error = b.visible(By.id("line-new-discountPercent-error"));
        b.check("the refusal names the discount: " + error.getText(), !error.getText().isBlank());
        b.check("the quantity typed is still there", "2".equals(b.driver.findElement(By.id("line-new-quantity")).getAttribute("value")));
        b.check("nothing was saved", b.driver.findElements(By.cssSelector("tr.line-row")).isEmpty());
        type(b, By.id("line-new-discountPercent"), "10");
        b.driver.findElement(By.id("line-save")).click();
        waitGrand(b, "¥2,034.00"); // 2 × 1,000.00 − 10 % = 1,800.00 + 13 % VAT 234.00

        addLine(b, service, serviceSku, "3", null);
        b.wait.until(d -> d.findElements(By.cssSelector("tr.line-row")).size() == 2);
        waitGrand(b, "¥2,670.00"); // + 3 × 200.00 + 6 % VAT 36.00

        // the product's quantity from 2 to 3
        WebElement productRow = row(b, product);
        String quantityId = "line-" + productRow.getAttribute("data-id") + "-quantity";
        productRow.findElement(By.cssSelector("button.line-edit")).click();
        type(b, By.id(quantityId), "3");
        b.driver.findElement(By.id("line-save")).click();
        waitGrand(b, "¥3,687.00"); // 2,700.00 + 351.00 + 600.00 + 36.00
        b.check("subtotal", text(b, "#line-totals [data-field=subtotal] dd").equals("¥3,300.00"));
        b.check("tax at 13 %", text(b, "#line-totals [data-rate='13'] dd").equals("¥351.00"));
        b.check("tax at 6 %", text(b, "#line-totals [data-rate='6'] dd").equals("¥36.00"));
        b.check("the product's line total", row(b, product).findElement(By.cssSelector("td.line-total")).getText().equals("¥2,700.00"));
        b.check("the service's line total", row(b, service).findElement(By.cssSelector("td.line-total")).getText().equals("¥600.00"));
        b.check("the product named by its SKU: " + row(b, product).getText(), row(b, product).getText().contains(productSku));
        b.shot("sales-order-lines.png");

        // confirmed: frozen, and what a confirmed order allows offered instead of what a draft does
        b.visible(By.id("action-confirm")).click();
        b.visible(By.id("lines-frozen"));
        b.visible(By.id("action-deliver"));
        b.check("no line can be added once confirmed", b.driver.findElements(By.id("line-add")).isEmpty());
        b.check("no line can be edited", b.driver.findElements(By.cssSelector("button.line-edit")).isEmpty());
        b.check("confirmed once only", b.driver.findElements(By.id("action-confirm")).isEmpty());
        b.check("it may be invoiced", !b.driver.findElements(By.id("action-invoice")).isEmpty());
        b.check("the totals stay", text(b, "#line-totals [data-field=grandTotal] dd").equals("¥3,687.00"));
        b.shot("sales-order-confirmed.png");

        // the deliver dialog lists the open lines with what remains prefilled; more than remains is the server's 400 at
        // that line, with what was typed kept
        b.driver.findElement(By.id("action-deliver")).click();
        String productQty = pickQuantity(b, productSku);
        String serviceQty = pickQuantity(b, serviceSku);
        b.check("the product's 3 remain, prefilled", "3".equals(value(b, productQty)));
        b.check("the service's 3 remain, prefilled", "3".equals(value(b, serviceQty)));
        type(b, By.id(productQty), "4");
        type(b, By.id(serviceQty), "0");
        b.driver.findElement(By.id("dialog-submit")).click();
        WebElement over = b.visible(By.id(productQty + "-error"));
        String overText = over.getText();
        b.check("the refusal says what remains: " + overText, overText.contains("3"));
        b.check("the 4 typed is kept", "4".equals(value(b, productQty)));
        b.shot("delivery-more-than-remains.png");

        // issued at once, 3 with 2 in stock: the shortage at the product's line, and no note made (the server refuses
        // the whole delivery)
        type(b, By.id(productQty), "3");
        b.driver.findElement(By.id("transition-issue")).click();
        b.driver.findElement(By.id("dialog-submit")).click();
        b.wait.until(d -> {
            List<WebElement> e = d.findElements(By.id(productQty + "-error"));
            return !e.isEmpty() && !e.get(0).getText().equals(overText) && !e.get(0).getText().isBlank();
        });
        String shortText = b.driver.findElement(By.id(productQty + "-error")).getText();
        b.check("the shortage names the stock on hand and the shortfall: " + shortText, shortText.contains("2") && shortText.contains("1"));
        b.shot("delivery-short.png");

        // a partial delivery: 2 of the product, the service skipped, from the main warehouse picked by name, issued at once
        type(b, By.id(productQty), "2");
        b.driver.findElement(By.id("transition-warehouseId")).click();
        b.visible(By.xpath("//ul[contains(@class,'ref-options')]/li[contains(., 'Main warehouse')]")).click();
        type(b, By.id("transition-carrier"), "顺丰速运");
        b.check("still to be issued at once", b.driver.findElement(By.id("transition-issue")).isSelected());
        b.shot("delivery-partial.png");
        b.driver.findElement(By.id("dialog-submit")).click();
        b.wait.until(d -> d.getCurrentUrl().matches(".*#/delivery-notes/[0-9a-f-]{36}$"));
        b.visible(By.id("action-ship"));
        b.check("issued already", b.driver.findElements(By.id("action-issue")).isEmpty());
        warehouseByName(b);
        b.shot("delivery-note-issued.png");

        // the order again: what remains of each line is what the dialog offers now
        b.driver.get(b.base + "/#/sales-orders/" + order);
        b.visible(By.id("action-deliver")).click();
        String productLeft = pickQuantity(b, productSku);
        String serviceLeft = pickQuantity(b, serviceSku);
        b.check("1 of the product remains: " + value(b, productLeft), "1".equals(value(b, productLeft)));
        b.check("the service's 3 remain", "3".equals(value(b, serviceLeft)));
        WebElement pickRow = b.driver.findElement(By.cssSelector("tr.pick-line[data-id='" + productLeft.split("transition-line-|-quantity")[1] + "']"));
        String delivered = pickRow.findElements(By.cssSelector("td.num")).get(1).getText();
        b.check("2 of it delivered: " + delivered, "2".equals(delivered));
        b.check("not issued at once unless asked", !b.driver.findElement(By.id("transition-issue")).isSelected());
        b.shot("delivery-what-remains.png");

        // the service alone as a draft, issued from its own page: the warehouse the issue set is shown by its name
        type(b, By.id(productLeft), "0");
        b.driver.findElement(By.id("dialog-submit")).click();
        b.wait.until(d -> d.getCurrentUrl().matches(".*#/delivery-notes/[0-9a-f-]{36}$"));
        b.visible(By.id("action-issue")).click();
        b.visible(By.id("action-ship"));
        b.check("issued once only", b.driver.findElements(By.id("action-issue")).isEmpty());
        b.check("an issued note may be marked delivered", !b.driver.findElements(By.id("action-mark-delivered")).isEmpty());
        warehouseByName(b);
        b.wait.until(d -> d.findElements(By.cssSelector("#timeline .change .new")).stream().anyMatch(e -> e.getText().contains("Main warehouse")));
        b.check("the history names the warehouse too", b.driver.findElements(By.cssSelector("#timeline .change .new")).stream()
                .noneMatch(e -> UUID.matcher(e.getText()).find()));

        // its lines name the order line and the product, not their ids
        b.driver.get(b.driver.getCurrentUrl() + "/lines");
        WebElement orderLine = b.visible(By.cssSelector("[data-related=lines] td[data-field=salesOrderLineId]"));
        b.wait.until(d -> !UUID.matcher(orderLine.getText()).find());
        b.check("the order line by its product: " + orderLine.getText(), orderLine.getText().contains("安装调试"));
        WebElement productCell = b.driver.findElement(By.cssSelector("[data-related=lines] td[data-field=productId]"));
        b.wait.until(d -> !UUID.matcher(productCell.getText()).find());
        b.shot("delivery-note-lines.png");
        b.logout();
    }

    private static final java.util.regex.Pattern UUID = java.util.regex.Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-");

    /** The id of the deliver dialog's quantity input of the line whose product has {@code sku}. */
    private static String pickQuantity(Browser b, String sku) {
        WebElement row = b.visible(By.xpath("//tr[contains(@class,'pick-line')][contains(., '" + sku + "')]"));
        return "transition-line-" + row.getAttribute("data-id") + "-quantity";
    }

    private static String value(Browser b, String id) {
        return b.driver.findElement(By.id(id)).getAttribute("value");
    }

    /** The note's warehouse by its name (the default warehouse is "总仓 Main warehouse"), never its id. */
    private static void warehouseByName(Browser b) {
        WebElement warehouse = b.visible(By.cssSelector("[data-field=warehouseId] .value"));
        b.wait.until(d -> warehouse.getText().contains("Main warehouse"));
        b.check("the warehouse by name: " + warehouse.getText(), !UUID.matcher(warehouse.getText()).find());
    }
}
