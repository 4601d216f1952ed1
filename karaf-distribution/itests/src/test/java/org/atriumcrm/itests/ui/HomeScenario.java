package org.atriumcrm.itests.ui;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The home page after login: the rep's own open opportunities (someone else's absent), the funnel and forecast
 * contributed by the opportunities module drawn on canvases with the API's figures. Arguments: user, password,
 * the name of the rep's opportunity, the name of another owner's opportunity.
 */
public final class HomeScenario implements UiScenario {
    @Override
    public void run(Browser b, List<String> args) throws Exception {
        b.login(args.get(0), args.get(1));
        b.visible(By.id("home-page"));
        b.check("the page after login is home", b.driver.getCurrentUrl().endsWith("/") || b.driver.getCurrentUrl().contains("#/home"));
        WebElement mine = b.visible(By.id("home-opportunities"));
        b.wait.until(ExpectedConditions.textToBePresentInElement(mine, args.get(2)));
        b.check("another owner's opportunity is not among mine", !mine.getText().contains(args.get(3)));
        b.check("the amount is money in CNY", mine.getText().contains("¥120,000.00"));
        b.check("the leads card is there", !b.driver.findElements(By.id("home-leads")).isEmpty());

        // the contributed widget: its script came from /ext/opportunities/ under the page's CSP and drew two charts
        b.visible(By.cssSelector("[data-widget=pipeline-summary] canvas#home-funnel"));
        b.visible(By.cssSelector("[data-widget=pipeline-summary] canvas#home-forecast"));
        JavascriptExecutor js = (JavascriptExecutor) b.driver;
        b.wait.until(d -> Boolean.TRUE.equals(js.executeScript(
                "const c = globalThis.Chart && globalThis.Chart.getChart(document.getElementById('home-funnel'));"
                + "return !!c && c.data.labels.some(l => l.startsWith('Prospecting') || l.startsWith('初步接洽'));")));
        Object forecast = js.executeScript("const c = globalThis.Chart.getChart(document.getElementById('home-forecast'));"
                + "return c.data.datasets.map(d => d.data[0]);");
        b.check("the forecast is the rep's: nothing won, 120,000 × 10 % weighted, 120,000 best case: " + forecast,
                "[0, 12000, 120000]".equals(forecast.toString()));
        b.shot("home.png");
        b.logout();
    }
}
