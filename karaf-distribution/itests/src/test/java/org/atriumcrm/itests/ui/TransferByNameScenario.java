package org.atriumcrm.itests.ui;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The record page names people, not ids: the owner of an account is shown by its display name, and a transfer
 * picks the new owner by name from the directory of colleagues. Arguments: user, password, account id, the
 * current owner's display name, the new owner's display name.
 */
public final class TransferByNameScenario implements UiScenario {
    @Override
    public void run(Browser b, List<String> args) throws Exception {
        String account = args.get(2);
        String owner = args.get(3);
        String next = args.get(4);
        b.login(args.get(0), args.get(1));
        b.driver.get(b.base + "/#/accounts/" + account);
        By ownerValue = By.cssSelector(".detail-field[data-field=ownerId] .value");
        b.wait.until(ExpectedConditions.textToBe(ownerValue, owner));
        b.driver.findElement(By.id("action-transfer")).click();
        Select choice = new Select(b.visible(By.id("transfer-owner")));
        b.check("the colleagues are offered by name", choice.getOptions().stream().anyMatch(o -> o.getText().startsWith(next)));
        b.check("no option is a bare id", choice.getOptions().stream().noneMatch(o -> o.getText().matches("[0-9a-f-]{36}")));
        b.shot("record-transfer-by-name.png");
        choice.getOptions().stream().filter(o -> o.getText().startsWith(next)).findFirst().get().click();
        b.driver.findElement(By.id("dialog-submit")).click();
        b.wait.until(ExpectedConditions.textToBe(ownerValue, next));
        b.logout();
    }
}
