package org.atriumcrm.itests.ui;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * A rep prints a quote from its record page: the notice, then the copy under "Printed documents" with a link that
 * downloads the PDF. Arguments: rep login, password, quote id, quote number.
 */
public final class PrintedDocumentsScenario implements UiScenario {
    @Override
    public void run(Browser b, List<String> args) throws Exception {
        String id = args.get(2);
        String number = args.get(3);
        b.login(args.get(0), args.get(1));
        b.driver.get(b.base + "/#/quotes/" + id);
        b.visible(By.id("record-title"));
        String main = b.driver.getWindowHandle();
        b.visible(By.id("action-print")).click();
        b.visible(By.id("record-notice"));
        for (String handle : b.driver.getWindowHandles()) {
            if (!handle.equals(main)) {
                b.driver.switchTo().window(handle).close(); // the PDF the browser opened
            }
        }
        b.driver.switchTo().window(main);
        b.visible(By.id("tab-documents")).click();
        WebElement link = b.visible(By.cssSelector("[data-related=documents] .document-list li a"));
        b.check("the printed copy is listed by its file name: " + link.getText(), link.getText().contains(number) && link.getText().endsWith(".pdf"));
        Object type = ((JavascriptExecutor) b.driver).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + " fetch(arguments[0], {credentials: 'same-origin'}).then(r => done(r.status + ' ' + r.headers.get('Content-Type')))"
                + ".catch(e => done(String(e)));", link.getAttribute("href"));
        b.check("its link downloads the PDF: " + type, "200 application/pdf".equals(type));
        b.shot("quote-printed-documents.png");
        b.logout();
    }
}
