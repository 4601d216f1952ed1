package org.atriumcrm.itests.ui;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The pipeline board: a card dragged from Qualification to Solution is refused (required action missing), the
 * refusal shown and the card back in its column; the board asks for the action, records it and moves the card.
 * Then another card moves with the keyboard (its Move-to select). Arguments: user, password, the id of the
 * opportunity in Qualification, the id of one in Prospecting.
 */
public final class BoardScenario implements UiScenario {
    private static String card(String id) {
        return "li.deal-card[data-id='" + id + "']";
    }

    private static By inColumn(String stage, String id) {
        return By.cssSelector(".board-column[data-stage=" + stage + "] " + card(id) + ":not(.pending)");
    }

    /**
     * An HTML5 drag and drop as the browser dispatches it (WebDriver's mouse actions do not start native drags in
     * Chromium): dragstart on the card, dragenter/dragover/drop on the column, one DataTransfer throughout.
     */
    private static void drag(Browser b, String id, String stage) {
        ((JavascriptExecutor) b.driver).executeScript("""
                const card = document.querySelector(arguments[0]);
                const column = document.querySelector('.board-column[data-stage=' + arguments[1] + ']');
                const data = new DataTransfer();
                const fire = (el, type) => el.dispatchEvent(new DragEvent(type, {bubbles: true, cancelable: true, dataTransfer: data}));
                fire(card, 'dragstart'); fire(column, 'dragenter'); fire(column, 'dragover'); fire(column, 'drop'); fire(card, 'dragend');
                """, card(id), stage);
    }

    @Override
    public void run(Browser b, List<String> args) throws Exception {
        String dragged = args.get(2);
        String keyed = args.get(3);
        b.login(args.get(0), args.get(1));
        b.visible(By.cssSelector("a[data-screen=pipeline]")).click();
        b.visible(By.id("pipeline-board"));
        b.visible(inColumn("qualification", dragged));
        b.visible(inColumn("prospecting", keyed));
        WebElement sum = b.driver.findElement(By.cssSelector(".board-column[data-stage=qualification] .column-sum"));
        b.check("the column sums its amounts as money: " + sum.getText(), sum.getText().contains("¥300,000.00"));
        b.check("cards show the account", b.driver.findElement(By.cssSelector(card(dragged))).getText().contains("看板客户"));
        b.shot("board.png");

        drag(b, dragged, "solution");
        WebElement error = b.visible(By.id("board-error"));
        b.check("the refusal names the missing action: " + error.getText(), error.getText().contains("needs_confirmed"));
        b.visible(By.id("board-actions"));
        b.visible(inColumn("qualification", dragged));
        b.check("the card went back to its column", b.driver.findElements(inColumn("solution", dragged)).isEmpty());
        b.shot("board-refused.png");

        b.driver.findElement(By.cssSelector("#board-actions input[value=needs_confirmed]")).click();
        b.driver.findElement(By.id("actions-confirm")).click();
        b.visible(inColumn("solution", dragged));
        b.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("board-error")));
        b.wait.until(d -> {
            String notice = d.findElement(By.id("board-notice")).getText();
            return notice.contains("Solution and demo") || notice.contains("方案演示");
        });
        b.check("the card left Qualification", b.driver.findElements(inColumn("qualification", dragged)).isEmpty());

        // the keyboard alternative: the card's own Move-to select and button
        WebElement select = b.driver.findElement(By.cssSelector(card(keyed) + " select.move-target"));
        new Select(select).selectByValue("qualification");
        b.driver.findElement(By.cssSelector(card(keyed) + " button.move-button")).sendKeys("\n");
        b.visible(inColumn("qualification", keyed));
        b.shot("board-moved.png");
        b.driver.get(b.base + "/#/x/pipeline-charts");
        b.visible(By.cssSelector("canvas#chart-funnel"));
        b.visible(By.cssSelector("canvas#chart-forecast"));
        b.shot("pipeline-charts.png");
        b.logout();
    }
}
