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
 * check: the lines read-only and the confirmed order's transitions offered instead (deliver, invoice); delivered through
 * the deliver dialog, the note it made issued from its own page. Arguments: user, password, order id, then id and SKU
 * of a product (1,000.00, 13 % VAT, in stock) and of a service (200.00, 6 % VAT).
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

        // delivered from its record page: the dialog asks the plain inputs (the lines: all that remain), the draft note
        // opened, issued there, and then offered what an issued note allows
        b.driver.findElement(By.id("action-deliver")).click();
        type(b, By.id("transition-carrier"), "顺丰速运");
        b.driver.findElement(By.id("dialog-submit")).click();
        b.wait.until(d -> d.getCurrentUrl().matches(".*#/delivery-notes/[0-9a-f-]{36}$"));
        b.visible(By.id("action-issue")).click();
        b.visible(By.id("action-ship"));
        b.check("issued once only", b.driver.findElements(By.id("action-issue")).isEmpty());
        b.check("an issued note is not yet delivered twice", !b.driver.findElements(By.id("action-mark-delivered")).isEmpty());
        b.shot("delivery-note-issued.png");
        b.logout();
    }
}
