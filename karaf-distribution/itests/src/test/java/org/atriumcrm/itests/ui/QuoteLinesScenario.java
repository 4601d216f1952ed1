package org.atriumcrm.itests.ui;

import static org.atriumcrm.itests.ui.LineEditor.addLine;
import static org.atriumcrm.itests.ui.LineEditor.row;
import static org.atriumcrm.itests.ui.LineEditor.text;
import static org.atriumcrm.itests.ui.LineEditor.waitGrand;
import static org.atriumcrm.itests.ui.RecordScenarios.type;
import static org.atriumcrm.itests.ui.RecordScenarios.waitText;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The line-item editor of a quote: a rep opens the quote of an opportunity from the quotes list, adds three lines
 * with real products (one found by its Chinese name, one by its SKU), gets a 400 shown at the bad discount of a line
 * with everything typed still there, corrects it, changes a quantity, removes a line; after each change the totals
 * shown are the server's (the amounts are the ones UiIT checks over the API); the stock warning of a product with
 * nothing on hand shows at its line; the editor fits a phone; submitting for approval freezes the lines, shown
 * read-only with the reason; a contract made from it with a name typed in the action's dialog; a second conversion
 * refused with the server's reason. Arguments: user, password, quote id, quote subject, opportunity name, then id and
 * search text of the three products (router by Chinese name, switch by SKU, service by name), the contract's name.
 */
public final class QuoteLinesScenario implements UiScenario {
    @Override
    public void run(Browser b, List<String> args) throws Exception {
        String quote = args.get(2);
        String subject = args.get(3);
        String opportunity = args.get(4);
        String router = args.get(5);
        String routerSearch = args.get(6);
        String swtch = args.get(7);
        String switchSku = args.get(8);
        String service = args.get(9);
        String serviceSearch = args.get(10);
        String contract = args.get(11);
        b.login(args.get(0), args.get(1));

        b.driver.get(b.base + "/#/quotes?q=" + java.net.URLEncoder.encode(subject, java.nio.charset.StandardCharsets.UTF_8));
        b.visible(By.cssSelector("a[href='#/quotes/" + quote + "']")).click();
        waitText(b, By.id("record-title"), subject);
        waitText(b, By.cssSelector(".detail-field[data-field=opportunityId] .value"), opportunity);
        b.visible(By.id("lines-none"));

        addLine(b, router, routerSearch, "2", null);
        waitGrand(b, "¥2,712.00"); // 2 × 1,200.00 + 13 % VAT
        addLine(b, swtch, switchSku, "4", null);
        waitGrand(b, "¥4,294.00"); // + 4 × 350.00 + 13 %

        // a discount over 100 %: the server's 400 at the field, the line as typed kept, nothing saved
        addLine(b, service, serviceSearch, "5", "120");
        WebElement error = b.visible(By.id("line-new-discountPercent-error"));
        b.check("the refusal names the discount: " + error.getText(), !error.getText().isBlank());
        b.check("the discount input is marked invalid",
                "true".equals(b.driver.findElement(By.id("line-new-discountPercent")).getAttribute("aria-invalid")));
        b.check("the quantity typed is still there", "5".equals(b.driver.findElement(By.id("line-new-quantity")).getAttribute("value")));
        b.check("the product chosen is still there",
                b.driver.findElement(By.id("line-new-productId")).getAttribute("value").contains(serviceSearch));
        b.check("nothing was saved", b.driver.findElements(By.cssSelector("tr.line-row")).size() == 2);
        b.check("the grand total did not move", text(b, "#line-totals [data-field=grandTotal] dd").equals("¥4,294.00"));
        b.shot("quote-line-refused.png");
        type(b, By.id("line-new-discountPercent"), "10");
        b.driver.findElement(By.id("line-save")).click();
        b.wait.until(d -> d.findElements(By.cssSelector("tr.line-row")).size() == 3);
        waitGrand(b, "¥4,771.00"); // + 5 × 100.00 − 10 % = 450.00 + 6 % VAT 27.00

        // the router's quantity from 2 to 3
        WebElement routerRow = row(b, router);
        String quantityId = "line-" + routerRow.getAttribute("data-id") + "-quantity"; // the row is replaced by its editor
        routerRow.findElement(By.cssSelector("button.line-edit")).click();
        b.check("the quantity is offered as it is", "2".equals(stripZeros(b.visible(By.id(quantityId)).getAttribute("value"))));
        type(b, By.id(quantityId), "3");
        b.driver.findElement(By.id("line-save")).click();
        waitGrand(b, "¥6,127.00"); // + 1,200.00 + 156.00

        // the switch removed, after confirming
        row(b, swtch).findElement(By.cssSelector("button.line-remove")).click();
        b.visible(By.id("line-remove-confirm")).click();
        b.wait.until(d -> d.findElements(By.cssSelector("tr.line-row")).size() == 2);
        waitGrand(b, "¥4,545.00");
        b.check("subtotal 3,600.00 + 450.00", text(b, "#line-totals [data-field=subtotal] dd").equals("¥4,050.00"));
        b.check("tax total", text(b, "#line-totals [data-field=taxTotal] dd").equals("¥495.00"));
        b.check("tax at 13 %", text(b, "#line-totals [data-rate='13'] dd").equals("¥468.00"));
        b.check("tax at 6 %", text(b, "#line-totals [data-rate='6'] dd").equals("¥27.00"));
        b.check("the router's line total", text(b, "tr.line-row[data-id='" + row(b, router).getAttribute("data-id") + "'] td.line-total").equals("¥3,600.00"));
        b.check("the service's line total", row(b, service).findElement(By.cssSelector("td.line-total")).getText().equals("¥450.00"));
        WebElement routerProduct = row(b, router).findElement(By.cssSelector("td.line-product"));
        b.check("the router's name in Chinese: " + routerProduct.getText(), routerProduct.getText().contains(routerSearch));
        b.check("no stock on hand: the warning at the router's line: " + routerProduct.getText(),
                routerProduct.getText().contains("on hand"));
        String explanation = row(b, router).findElement(By.cssSelector("td[data-field=unitPrice] .explained")).getAttribute("title");
        b.check("the unit price says where it comes from", explanation != null && !explanation.isBlank());
        b.shot("quote-lines.png");

        // on a phone: the lines stack, nothing is wider than the screen
        b.driver.manage().window().setSize(new Dimension(400, 860));
        b.visible(By.id("line-totals"));
        Object overflow = ((JavascriptExecutor) b.driver).executeScript("return document.documentElement.scrollWidth - window.innerWidth");
        b.check("the line editor fits a phone (overflow " + overflow + " px: " + b.tooWide("main") + ")", ((Number) overflow).intValue() <= 0);
        b.shot("quote-lines-phone.png");
        b.driver.manage().window().setSize(new Dimension(1280, 900));

        // submitted: approved at once (no rule applies) and frozen — the lines read-only with the reason
        b.visible(By.id("action-submit-for-approval")).click();
        WebElement frozen = b.visible(By.id("lines-frozen"));
        b.check("the reason names the stage: " + frozen.getText(), frozen.getText().contains("已批准") || frozen.getText().contains("Approved"));
        b.check("no line can be added", b.driver.findElements(By.id("line-add")).isEmpty());
        b.check("no line can be edited", b.driver.findElements(By.cssSelector("button.line-edit")).isEmpty());
        b.check("the totals stay", text(b, "#line-totals [data-field=grandTotal] dd").equals("¥4,545.00"));
        b.check("an approved quote offers no submission", b.driver.findElements(By.id("action-submit-for-approval")).isEmpty());
        b.check("nor a decision", b.driver.findElements(By.id("action-approve")).isEmpty());
        b.check("it offers sending", !b.driver.findElements(By.id("action-send")).isEmpty());
        b.shot("quote-lines-frozen.png");

        // a contract from the quote: the action's inputs asked for, the contract it made opened
        b.visible(By.id("action-convert-to-contract")).click();
        type(b, By.id("transition-name"), contract);
        b.driver.findElement(By.id("dialog-submit")).click();
        b.wait.until(d -> d.getCurrentUrl().matches(".*#/contracts/[0-9a-f-]{36}$"));
        waitText(b, By.id("record-title"), contract);

        // a second conversion, still offered by the stage: the server's 409 and its reason in the dialog
        b.driver.get(b.base + "/#/quotes/" + quote);
        b.visible(By.id("action-convert-to-contract")).click();
        b.visible(By.id("dialog-submit")).click();
        WebElement refusal = b.visible(By.id("dialog-error"));
        // in the rep's language (a new user's is zh-CN): the quote made a contract already
        b.check("the 409 says why: " + refusal.getText(), refusal.getText().contains("contract") || refusal.getText().contains("已生成合同"));
        b.shot("quote-action-refused.png");
        b.driver.findElement(By.cssSelector("#dialog-transition button.secondary")).click();
        b.logout();
    }

    private static String stripZeros(String number) {
        return number == null ? "" : new java.math.BigDecimal(number).stripTrailingZeros().toPlainString();
    }
}
