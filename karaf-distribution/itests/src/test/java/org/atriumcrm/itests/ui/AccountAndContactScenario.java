package org.atriumcrm.itests.ui;

import static org.atriumcrm.itests.ui.RecordScenarios.field;
import static org.atriumcrm.itests.ui.RecordScenarios.idInUrl;
import static org.atriumcrm.itests.ui.RecordScenarios.select;
import static org.atriumcrm.itests.ui.RecordScenarios.text;
import static org.atriumcrm.itests.ui.RecordScenarios.type;
import static org.atriumcrm.itests.ui.RecordScenarios.waitText;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Through the forms only: an account with a Chinese name (money shown as ¥ per locale), a contact under it chosen
 * with the reference field's type-ahead (family name first), the contact in the account's related list; then an
 * edit refused at its field (required name left empty) and fixed. Arguments: user, password, a unique tag.
 */
public final class AccountAndContactScenario implements UiScenario {
    @Override
    public void run(Browser b, List<String> args) throws Exception {
        String tag = args.get(2);
        String accountName = "北京星辰科技有限公司 " + tag;
        b.login(args.get(0), args.get(1));
        b.driver.get(b.base + "/#/accounts");
        b.visible(By.id("new-record")).click();
        b.visible(By.id("record-form"));
        b.check("required fields are marked", b.driver.findElement(By.cssSelector("label[for=f-name]")).getText().contains("*"));
        b.check("read-only and system fields are not in the create form", b.driver.findElements(By.id("f-id")).isEmpty()
                && b.driver.findElements(By.id("f-createdAt")).isEmpty());
        type(b, By.id("f-name"), accountName);
        select(b, By.id("f-type"), "customer");
        type(b, By.id("f-annualRevenue"), "1234567.5");
        select(b, By.id("f-currency"), "CNY");
        type(b, By.id("f-billingProvince"), "北京市");
        type(b, By.id("f-billingCity"), "北京市");
        type(b, By.id("f-billingStreet"), "朝阳区建国路 88 号");
        b.shot("form-account-new.png");
        b.driver.findElement(By.id("form-save")).click();
        waitText(b, By.id("record-title"), accountName);
        String accountId = idInUrl(b, "accounts");
        b.check("money per locale with the CNY sign: " + field(b, "annualRevenue"), field(b, "annualRevenue").contains("¥1,234,567.50"));
        b.check("the address is a section of its own", !b.driver.findElements(By.cssSelector("[data-section=address-billing]")).isEmpty());
        b.check("the page title is the record's name", b.driver.getTitle().startsWith(accountName));
        b.shot("record-account.png");

        // a contact under it, the account picked by typing part of its name
        b.driver.get(b.base + "/#/contacts/new");
        b.visible(By.id("record-form"));
        type(b, By.id("f-lastName"), "王");
        type(b, By.id("f-firstName"), "小明");
        type(b, By.id("f-accountId"), tag);
        WebElement option = b.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".ref-options li[data-id='" + accountId + "']")));
        b.check("the type-ahead shows the account by name", option.getText().equals(accountName));
        b.shot("form-reference-typeahead.png");
        option.click();
        b.check("the chosen name stays in the field", accountName.equals(b.driver.findElement(By.id("f-accountId")).getAttribute("value")));
        type(b, By.id("f-mobile"), "139" + (10_000_000 + (int) (Math.random() * 89_999_999)));
        b.driver.findElement(By.id("form-save")).click();
        waitText(b, By.id("record-title"), "王小明");
        b.check("family name first, no space", "王小明".equals(text(b, By.id("record-title"))));
        b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".detail-field[data-field=accountId] dd"), accountName));
        b.shot("record-contact.png");

        // the contacts list names the account (and links to it), not its id
        b.driver.get(b.base + "/#/contacts?cols=lastName%2CfirstName%2CaccountId%2CownerId&filter="
                + java.net.URLEncoder.encode("firstName eq '小明' and accountId eq '" + accountId + "'", java.nio.charset.StandardCharsets.UTF_8));
        By accountCell = By.cssSelector("table.records tbody td[data-field=accountId]");
        b.wait.until(ExpectedConditions.textToBePresentInElementLocated(accountCell, accountName));
        b.check("the account cell links to the account", b.driver.findElement(accountCell).findElement(By.tagName("a"))
                .getAttribute("href").endsWith("#/accounts/" + accountId));
        b.check("the owner column names the owner: " + text(b, By.cssSelector("table.records tbody td[data-field=ownerId]")),
                !text(b, By.cssSelector("table.records tbody td[data-field=ownerId]")).matches("[0-9a-f-]{36}"));
        b.check("the filter chip names the account too", text(b, By.id("filter-chips")).contains(accountName));
        b.shot("list-contacts-reference-names.png");

        // the contact is in the account's related list
        b.driver.get(b.base + "/#/accounts/" + accountId + "/contacts");
        waitText(b, By.cssSelector("[data-related=contacts] tbody"), "王");
        b.check("the contacts tab is selected", "true".equals(b.driver.findElement(By.id("tab-contacts")).getAttribute("aria-selected")));
        b.shot("record-account-contacts.png");

        // edit: the required name emptied is refused at its field, then fixed
        b.driver.get(b.base + "/#/accounts/" + accountId + "/edit");
        b.visible(By.id("record-form"));
        b.wait.until(d -> accountName.equals(d.findElement(By.id("f-name")).getAttribute("value")));
        type(b, By.id("f-name"), "");
        b.driver.findElement(By.id("form-save")).click();
        WebElement error = b.visible(By.id("f-name-error"));
        b.check("the problem is shown at the name field: " + error.getText(), !error.getText().isBlank()
                && "true".equals(b.driver.findElement(By.id("f-name")).getAttribute("aria-invalid")));
        b.check("the field's error is announced with it", b.driver.findElement(By.id("f-name")).getAttribute("aria-describedby").contains("f-name-error"));
        b.shot("form-validation-error.png");
        type(b, By.id("f-name"), accountName + " 总部");
        b.check("typing clears the field's error", b.driver.findElements(By.id("f-name-error")).isEmpty());
        b.driver.findElement(By.id("form-save")).click();
        waitText(b, By.id("record-title"), accountName + " 总部");
        // the change is in the timeline
        waitText(b, By.id("timeline"), accountName + " 总部");
        b.logout();
    }
}
