package org.atriumcrm.itests.ui;

import static org.atriumcrm.itests.ui.RecordScenarios.type;
import static org.atriumcrm.itests.ui.RecordScenarios.waitText;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The same line editor on another document, with no code for it: a purchase order's lines (unit cost and a writable
 * tax rate instead of a quote's price and discounts), a line added by SKU, the order's totals as the purchasing module
 * computed them, then submitted and read-only. Arguments: user, password, purchase order id, product id, its SKU.
 */
public final class PurchaseOrderLinesScenario implements UiScenario {
    @Override
    public void run(Browser b, List<String> args) throws Exception {
        String order = args.get(2);
        String product = args.get(3);
        String sku = args.get(4);
        b.login(args.get(0), args.get(1));
        b.driver.get(b.base + "/#/purchase-orders/" + order);
        b.visible(By.id("lines-none"));
        b.check("the unit cost is a column", !b.driver.findElements(By.id("line-add")).isEmpty());
        b.driver.findElement(By.id("line-add")).click();
        b.visible(By.id("line-new-productId")).sendKeys(sku);
        // the list is drawn again when the typed search answers after the first one: click what is there then
        b.wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
            d.findElement(By.cssSelector("#line-new-productId-options li[data-id='" + product + "']")).click();
            return true;
        });
        type(b, By.id("line-new-quantity"), "10");
        type(b, By.id("line-new-unitCost"), "20");
        b.check("the tax rate is writable here", !b.driver.findElements(By.id("line-new-taxRate")).isEmpty());
        b.driver.findElement(By.id("line-save")).click();
        waitText(b, By.cssSelector("#line-totals [data-field=grandTotal] dd"), "¥226.00");
        WebElement row = b.visible(By.cssSelector("tr.line-row"));
        b.check("the line total: " + row.getText(), row.findElement(By.cssSelector("td.line-total")).getText().equals("¥200.00"));
        b.check("the product named, not its id: " + row.getText(), row.getText().contains(sku));
        b.check("tax", b.visible(By.cssSelector("#line-totals [data-field=taxTotal] dd")).getText().equals("¥26.00"));
        Object overflow = ((org.openqa.selenium.JavascriptExecutor) b.driver).executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth");
        Object wide = ((org.openqa.selenium.JavascriptExecutor) b.driver).executeScript(
                "const W = document.documentElement.clientWidth; return [...document.querySelectorAll('body *')]"
                + ".filter(e => e.getBoundingClientRect().right > W + 1 && !e.closest('.table-wrap'))"
                + ".slice(0, 8).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + '.' + [...e.classList].join('.')"
                + " + ' ' + Math.round(e.getBoundingClientRect().width) + 'px').join(', ')");
        b.check("the page is no wider than the window (" + overflow + " px: " + wide + ")", ((Number) overflow).intValue() <= 0);
        b.shot("purchase-order-lines.png");
        b.visible(By.id("action-submit")).click();
        b.visible(By.id("lines-frozen"));
        b.check("no line can be added once submitted", b.driver.findElements(By.id("line-add")).isEmpty());
        b.logout();
    }
}
