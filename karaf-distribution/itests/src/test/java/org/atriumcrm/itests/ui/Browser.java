package org.atriumcrm.itests.ui;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless chromium (Debian's, through /usr/bin/chromedriver: Selenium Manager would try to download a driver)
 * and what every scenario needs of it: the base URL, waits, checks, screenshots and the login form.
 */
public final class Browser implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(30);

    public final String base;
    public final Path shots;
    public final WebDriver driver;
    public final WebDriverWait wait;
    private final ChromeDriverService service;

    Browser(String base, Path shots) throws Exception {
        this.base = base;
        this.shots = shots;
        Files.createDirectories(shots);
        service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,900", "--lang=en-US");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, WAIT);
    }

    public WebElement visible(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public void check(String what, boolean ok) {
        if (!ok) {
            throw new AssertionError("UI check failed: " + what);
        }
    }

    /** Takes a screenshot, after checking that every visible button on it can be read. */
    public void shot(String name) throws Exception {
        Object unreadable = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "return [...document.querySelectorAll('button, a.button, .button-link')]"
                + ".filter(e => e.offsetParent !== null && e.textContent.trim())"
                + ".filter(e => { const s = getComputedStyle(e); return s.color === s.backgroundColor; })"
                + ".map(e => (e.id || e.className || e.tagName) + ' ' + getComputedStyle(e).color).join(', ')");
        check("every button on " + name + " has text in another colour than its background: " + unreadable,
                String.valueOf(unreadable).isEmpty());
        File file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(file.toPath(), shots.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * For a failed width check: the elements inside {@code container} reaching past its right edge, outside any frame
     * that scrolls sideways, with their widths, so the report names the culprit.
     */
    public String tooWide(String container) {
        return String.valueOf(((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "const c = document.querySelector(arguments[0]); if (!c) return 'no ' + arguments[0];"
                + " const right = c.getBoundingClientRect().left + c.clientWidth;"
                + " const scrolls = e => { for (let p = e.parentElement; p && p !== c; p = p.parentElement)"
                + "   if (['auto', 'scroll'].includes(getComputedStyle(p).overflowX)) return true; return false; };"
                + " return [...c.querySelectorAll('*')].filter(e => e.getBoundingClientRect().right > right + 1 && !scrolls(e))"
                + "   .slice(0, 8).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + [...e.classList].map(k => '.' + k).join('')"
                + "   + ' ' + Math.round(e.getBoundingClientRect().width) + 'px').join(', ') + ' | column ' + c.clientWidth + 'px';",
                container));
    }

    /** Opens the application and signs in through the login form; returns when the shell shows the user. */
    public void login(String user, String password) {
        driver.get(base + "/");
        visible(By.id("login-page"));
        driver.findElement(By.id("loginName")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        visible(By.id("user-name"));
    }

    /** Logs out through the user menu (opened first when it is closed). */
    public void logout() {
        if (!driver.findElement(By.id("logout")).isDisplayed()) {
            driver.findElement(By.id("user-name")).click();
        }
        visible(By.id("logout")).click();
        visible(By.id("login-page"));
    }

    /** What the browser said (CSP violations, failed module loads) and what it showed, for a failed scenario. */
    void report(Throwable failure) throws Exception {
        driver.manage().logs().get(LogType.BROWSER).forEach(entry -> System.out.println("browser: " + entry));
        System.out.println("page: " + driver.getPageSource());
        shot("failure-" + failure.getClass().getSimpleName() + ".png");
    }

    @Override
    public void close() {
        driver.quit();
        service.stop();
    }
}
