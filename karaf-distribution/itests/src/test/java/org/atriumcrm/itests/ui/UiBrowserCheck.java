package org.atriumcrm.itests.ui;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The browser side of {@link org.atriumcrm.itests.UiIT}, run in a JVM of its own: Selenium is no OSGi bundle (a
 * dozen jars found through ServiceLoader), and out of the container it cannot disturb what the container ships.
 * Arguments: base URL, screenshot folder, then {@code login-page} or {@code login <user> <password>}. A failed
 * check throws, so the exit code is the verdict and the stack trace the message.
 */
public final class UiBrowserCheck {
    private static final Duration WAIT = Duration.ofSeconds(30);

    public static void main(String[] args) throws Exception {
        String base = args[0];
        Path shots = Path.of(args[1]);
        Files.createDirectories(shots);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,900", "--lang=en-US");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        WebDriver driver = new ChromeDriver(service, options);
        try {
            loginPage(driver, base, shots);
            if (args.length > 2 && "login".equals(args[2])) {
                login(driver, args[3], args[4], shots);
            }
        } catch (Exception | AssertionError e) {
            // what the browser said (CSP violations, failed module loads) and what it showed
            driver.manage().logs().get(LogType.BROWSER).forEach(entry -> System.out.println("browser: " + entry));
            System.out.println("page: " + driver.getPageSource());
            shot(driver, shots, "failure.png");
            throw e;
        } finally {
            driver.quit();
            service.stop();
        }
    }

    private static void loginPage(WebDriver driver, String base, Path shots) throws Exception {
        driver.get(base + "/");
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        // rendered by the ES modules: the import map, lit from /vendor and our /app modules all loaded under the CSP
        WebElement page = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-page")));
        check("the title is Atrium CRM", "Atrium CRM".equals(driver.getTitle()));
        check("a labelled login name", !driver.findElements(By.cssSelector("label[for=loginName]")).isEmpty()
                && driver.findElement(By.id("loginName")).isDisplayed());
        check("a labelled password field", "password".equals(driver.findElement(By.id("password")).getAttribute("type"))
                && !driver.findElements(By.cssSelector("label[for=password]")).isEmpty());
        check("the first-start password is explained", page.getText().contains("initial-admin-password")
                && page.getText().contains("ATRIUM_ADMIN_PASSWORD"));
        shot(driver, shots, "login.png");
        // the language switch relabels the form
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("login-language"))).selectByValue("zh-CN");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("label[for=loginName]"), "登录名"));
        shot(driver, shots, "login-zh-CN.png");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("login-language"))).selectByValue("en");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("label[for=loginName]"), "Login name"));
    }

    private static void login(WebDriver driver, String user, String password, Path shots) throws Exception {
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        driver.findElement(By.id("loginName")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys("wrong-" + password);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error")));
        check("a refused login shows the problem's detail", !error.getText().isBlank());
        shot(driver, shots, "login-refused.png");
        driver.findElement(By.id("password")).clear();
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("user-name")));
        wait.until(ExpectedConditions.urlContains("#/accounts"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("table.records")));
        List<WebElement> headers = driver.findElements(By.cssSelector("table.records th"));
        check("the accounts list has columns from the metadata", headers.stream().anyMatch(h -> h.getText().contains("Account name")));
        shot(driver, shots, "accounts.png");
        driver.findElement(By.id("logout")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-page")));
    }

    private static void check(String what, boolean ok) {
        if (!ok) {
            throw new AssertionError("UI check failed: " + what);
        }
    }

    private static void shot(WebDriver driver, Path shots, String name) throws Exception {
        File file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(file.toPath(), shots.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
