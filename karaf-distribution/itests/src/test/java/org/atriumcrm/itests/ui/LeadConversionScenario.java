package org.atriumcrm.itests.ui;

import static org.atriumcrm.itests.ui.RecordScenarios.waitText;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A lead converted on its record page: the duplicate check shows the contact with the same email, the rep links
 * that contact instead of creating a twin, a new account and an opportunity are created, and the lead then shows
 * it was converted with links to what it became. Arguments: user, password, lead id, its company, the contact id.
 */
public final class LeadConversionScenario implements UiScenario {
    @Override
    public void run(Browser b, List<String> args) throws Exception {
        String leadId = args.get(2);
        String company = args.get(3);
        String contactId = args.get(4);
        b.login(args.get(0), args.get(1));
        b.driver.get(b.base + "/#/leads/" + leadId);
        b.visible(By.id("record-title"));
        b.visible(By.id("action-convert")).click();
        WebElement checks = b.visible(By.id("convert-duplicates"));
        b.wait.until(d -> !d.findElements(By.cssSelector("#convert-duplicates .duplicate-match")).isEmpty());
        b.check("the duplicate check shows the contact with the same email: " + checks.getText(),
                checks.getText().contains("same email"));
        WebElement linkContact = b.visible(By.cssSelector("input[name=convert-contact][value='" + contactId + "']"));
        b.shot("lead-convert-duplicate-check.png");
        linkContact.click();
        b.check("the opportunity name is proposed from the company",
                company.equals(b.driver.findElement(By.id("convert-opportunity-name")).getAttribute("value")));
        b.driver.findElement(By.id("dialog-submit")).click();
        waitText(b, By.id("convert-result"), "converted");
        b.shot("lead-converted.png");
        b.check("links to the new account and opportunity", b.driver.findElements(By.cssSelector("#dialog-converted a.converted-link")).size() == 3);
        b.driver.findElement(By.cssSelector("#dialog-converted a.converted-link[data-entity=Contact]")).click();
        b.wait.until(d -> d.getCurrentUrl().endsWith("#/contacts/" + contactId));
        b.visible(By.id("record-title"));
        b.driver.get(b.base + "/#/leads/" + leadId);
        b.visible(By.id("record-converted"));
        b.check("a converted lead offers no second conversion", b.driver.findElements(By.id("action-convert")).isEmpty());
        b.driver.findElement(By.cssSelector("#record-converted a.converted-link[data-entity=Account]")).click();
        waitText(b, By.id("record-title"), company);
        b.logout();
    }
}
