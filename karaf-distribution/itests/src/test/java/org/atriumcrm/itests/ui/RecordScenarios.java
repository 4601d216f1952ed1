package org.atriumcrm.itests.ui;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** What the record-page and form scenarios share: form filling that fires lit's input events, and the API. */
final class RecordScenarios {
    private RecordScenarios() {
    }

    /** Replaces an input's text by typing, so the page sees real input events (clear() fires none). */
    static void type(Browser b, By by, String text) {
        WebElement input = b.visible(by);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        if (!text.isEmpty()) {
            input.sendKeys(text);
        }
    }

    static void select(Browser b, By by, String value) {
        new Select(b.visible(by)).selectByValue(value);
    }

    static String text(Browser b, By by) {
        return b.visible(by).getText();
    }

    static void waitText(Browser b, By by, String text) {
        b.wait.until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    /** No alert() ran: the page would hold a JavaScript dialog open. */
    static boolean noAlert(Browser b) {
        try {
            b.driver.switchTo().alert();
            return false;
        } catch (NoAlertPresentException e) {
            return true;
        }
    }

    /** The id the record page shows in its address: #/<plural>/<id>. */
    static String idInUrl(Browser b, String plural) {
        b.wait.until(d -> d.getCurrentUrl().matches(".*#/" + plural + "/[0-9a-f-]{36}$"));
        String url = b.driver.getCurrentUrl();
        return url.substring(url.lastIndexOf('/') + 1);
    }

    /** A call of the API beside the browser (the "someone else" of a conflict), with Basic authentication. */
    static HttpResponse<String> call(Browser b, String user, String password, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(b.base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String field(Browser b, String name) {
        return text(b, By.cssSelector(".detail-field[data-field=" + name + "] dd"));
    }

    static List<String> args(List<String> args) {
        return args;
    }
}
