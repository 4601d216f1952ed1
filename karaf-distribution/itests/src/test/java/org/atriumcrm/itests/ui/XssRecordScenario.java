package org.atriumcrm.itests.ui;

import static org.atriumcrm.itests.ui.RecordScenarios.noAlert;
import static org.atriumcrm.itests.ui.RecordScenarios.type;
import static org.atriumcrm.itests.ui.RecordScenarios.waitText;

import java.util.List;

import org.openqa.selenium.By;

/**
 * A record named like markup is text everywhere the record page and the list show it: title, fields, timeline,
 * the browser's title, a list row. No alert, no image element. Arguments: user, password, account id, its name.
 */
public final class XssRecordScenario implements UiScenario {
    @Override
    public void run(Browser b, List<String> args) throws Exception {
        String id = args.get(2);
        String name = args.get(3);
        b.login(args.get(0), args.get(1));
        b.driver.get(b.base + "/#/accounts/" + id);
        waitText(b, By.id("record-title"), name);
        b.check("the title is the literal text", name.equals(b.driver.findElement(By.id("record-title")).getText()));
        b.check("the name field is the literal text", b.driver.findElement(By.cssSelector(".detail-field[data-field=name] dd")).getText().contains(name));
        waitText(b, By.id("timeline"), name); // the rename (old → new value) set up by the test
        b.check("no image element was made from the name", b.driver.findElements(By.cssSelector("img[src=x]")).isEmpty());
        b.check("the document title is the literal text", b.driver.getTitle().startsWith(name));
        b.check("no alert ran", noAlert(b));
        b.shot("record-xss-as-text.png");
        b.driver.get(b.base + "/#/accounts");
        type(b, By.id("q"), "onerror");
        b.driver.findElement(By.cssSelector(".quick-search button")).click();
        waitText(b, By.cssSelector("a.record-link[href$='" + id + "']"), name);
        b.check("no image element in the list", b.driver.findElements(By.cssSelector("img[src=x]")).isEmpty());
        b.check("no alert ran in the list", noAlert(b));
        b.driver.findElement(By.cssSelector("a.record-link[href$='" + id + "']")).click();
        waitText(b, By.id("record-title"), name);
        b.check("no alert ran after following the link", noAlert(b));
        b.logout();
    }
}
