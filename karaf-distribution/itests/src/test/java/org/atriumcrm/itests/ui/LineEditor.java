package org.atriumcrm.itests.ui;

import static org.atriumcrm.itests.ui.RecordScenarios.type;
import static org.atriumcrm.itests.ui.RecordScenarios.waitText;

import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

/** The steps of the line-item editor every document's scenario takes (quotes, sales orders): one copy of its selectors. */
final class LineEditor {

    private LineEditor() {
    }

    /** A new line of {@code product} found by typing {@code search}, saved; {@code discount} (percent) left out when null. */
    static void addLine(Browser b, String product, String search, String quantity, String discount) {
        b.visible(By.id("line-add")).click();
        WebElement picker = b.visible(By.id("line-new-productId"));
        picker.sendKeys(search);
        // the list is drawn again when the typed search answers after the first one: click what is there then
        b.wait.ignoring(StaleElementReferenceException.class).until(d -> {
            d.findElement(By.cssSelector("#line-new-productId-options li[data-id='" + product + "']")).click();
            return true;
        });
        type(b, By.id("line-new-quantity"), quantity);
        if (discount != null) {
            type(b, By.id("line-new-discountPercent"), discount);
        }
        b.driver.findElement(By.id("line-save")).click();
    }

    /** The row of {@code product}'s line. */
    static WebElement row(Browser b, String product) {
        return b.wait.until(d -> d.findElements(By.cssSelector("tr.line-row")).stream()
                .filter(r -> !r.findElements(By.cssSelector("td.line-product a[href$='" + product + "']")).isEmpty())
                .findFirst().orElse(null));
    }

    static void waitGrand(Browser b, String amount) {
        waitText(b, By.cssSelector("#line-totals [data-field=grandTotal] dd"), amount);
    }

    static String text(Browser b, String css) {
        return b.visible(By.cssSelector(css)).getText().trim();
    }
}
