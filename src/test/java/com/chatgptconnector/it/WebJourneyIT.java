package com.chatgptconnector.it;

import static com.chatgptconnector.it.FakeOpenAi.chat;
import static com.chatgptconnector.it.FakeOpenAi.json;
import static com.chatgptconnector.it.FakeOpenAi.models;
import static com.chatgptconnector.it.FakeOpenAi.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web pages in Debian's headless Chromium against the deployed service and a fake OpenAI:
 * the whole journey of issue 5 (operator creates and activates, admin enters a key, tests the
 * connection, runs a block, sees usage) and the error displays for no credit, an invalid key and
 * a rate limit. Screenshots of the main pages go to target/screenshots.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WebJourneyIT {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static WireMockServer openai;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.shippedWar();
    }

    @ArquillianResource
    URL url;

    WebDriver browser;
    WebDriverWait wait;

    @BeforeAll
    static void startFakeOpenAi() {
        openai = FakeOpenAi.startForDeployment();
    }

    @AfterAll
    static void stopFakeOpenAi() {
        openai.stop();
    }

    @BeforeEach
    void openBrowser() throws IOException {
        // .ci/run installs chromium and chromium-driver; without them there is nothing to drive
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER), "Debian's chromium and chromium-driver are needed");
        openai.resetAll();
        openai.stubFor(models(TestKeys.GOOD).willReturn(json(200, sample("models.json"), "req_models")));
        openai.stubFor(chat(TestKeys.GOOD).willReturn(json(200, sample("chat-completion.json"), "req_chat")));
        openai.stubFor(models(TestKeys.NO_CREDIT).willReturn(json(429, sample("error-insufficient-quota.json"), "req_quota")));
        openai.stubFor(models(TestKeys.REVOKED).willReturn(json(401, sample("error-invalid-api-key.json"), "req_revoked")));
        openai.stubFor(models(TestKeys.RATE_LIMITED_LONG).willReturn(json(429, sample("error-rate-limit-requests.json"), "req_rate")
                .withHeader("retry-after", "45")));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,1000", "--lang=en-US",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    // ------------------------------------------------------------------ helpers

    void open(String hash) {
        browser.get(url.toExternalForm() + hash);
    }

    /**
     * The sign-in form's field. The operator console has a "username" field of its own, so waiting
     * for any such field let a sign-out "finish" before the session was gone, and the next page
     * could then render for the old session (a flaky CI run on PostgreSQL).
     */
    static final By SIGN_IN_USERNAME = By.cssSelector("input[name='username'][autocomplete='username']");

    void signIn(String username, String password) {
        open("#/");
        WebElement user = wait.until(ExpectedConditions.elementToBeClickable(SIGN_IN_USERNAME));
        user.clear();
        user.sendKeys(username);
        browser.findElement(By.cssSelector("input[name='password'][autocomplete='current-password']")).sendKeys(password);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("logout")));
    }

    void signOut() {
        browser.findElement(By.id("logout")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("logout")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(SIGN_IN_USERNAME));
    }

    void fill(String form, String name, String value) {
        WebElement input = browser.findElement(By.cssSelector("#" + form + " [name='" + name + "']"));
        input.clear();
        input.sendKeys(value);
    }

    void submit(String form) {
        browser.findElement(By.cssSelector("#" + form + " button[type=submit]")).click();
    }

    String waitForText(By where, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(where, text));
        return browser.findElement(where).getText();
    }

    void screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Creates user and workspace, requests and grants activation, all through the pages. */
    String activeWorkspaceWithAdmin(String admin, String workspace) throws IOException {
        signIn("operator", "operator-dev-password");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("create-user")));
        fill("create-user", "username", admin);
        fill("create-user", "password", Fixtures.PASSWORD);
        submit("create-user");
        waitForText(By.id("message"), admin);
        fill("create-workspace", "name", workspace);
        fill("create-workspace", "admin", admin);
        submit("create-workspace");
        waitForText(By.id("all-workspaces"), workspace);
        signOut();

        signIn(admin, Fixtures.PASSWORD);
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText(workspace))).click();
        waitForText(By.id("next-step"), "off");
        browser.findElement(By.id("request-activation")).click();
        waitForText(By.id("next-step"), "requested");
        signOut();

        signIn("operator", "operator-dev-password");
        By request = By.cssSelector("#requests tr[data-workspace='" + workspace + "'] button.activate");
        wait.until(ExpectedConditions.elementToBeClickable(request));
        screenshot("operator-console");
        browser.findElement(request).click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        waitForText(By.cssSelector("#all-workspaces tr[data-workspace='" + workspace + "']"), "Active");
        signOut();
        return workspace;
    }

    void enterKey(String key) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("key-form")));
        fill("key-form", "apiKey", key);
        submit("key-form");
    }

    // ------------------------------------------------------------------ the journeys

    @Test
    void anAdminGetsFromActivationToAWorkingBlockRunWithoutTheRestApi() throws IOException {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String admin = "web-admin-" + suffix;
        String workspace = activeWorkspaceWithAdmin(admin, "Web " + suffix);

        signIn(admin, Fixtures.PASSWORD);
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText(workspace))).click();
        enterKey(TestKeys.GOOD);
        assertTrue(waitForText(By.id("key-hint"), "…1111").contains("…1111"), "the masked hint after saving");
        browser.findElement(By.id("test-connection")).click();
        waitForText(By.id("test-result"), "Connection works");
        screenshot("workspace-settings");

        open("#/");
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText(workspace))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Building blocks"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("new-block"))).click();
        fill("block-form", "name", "Greeting");
        fill("block-form", "userPrompt", "Greet {{name}} in German.");
        submit("block-form");
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[text()='Try it']"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("variables.name"))).sendKeys("Anna");
        submit("run-form");
        assertEquals("Guten Tag! Wie kann ich Ihnen heute helfen?", waitForText(By.id("run-output"), "Guten Tag"));
        assertTrue(browser.findElement(By.id("run-tokens")).getText().startsWith("Tokens:"));
        screenshot("block-run");

        browser.findElement(By.linkText("Usage")).click();
        String total = waitForText(By.id("usage-total"), "Requests");
        assertTrue(total.matches("\\d+ Tokens · 1 Requests · 0 Errors.*"), total);
        waitForText(By.id("by-block"), "Greeting");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("usage-chart")));
        screenshot("usage");

        new Select(browser.findElement(By.id("lang"))).selectByValue("de");
        waitForText(By.tagName("h1"), "Verbrauch");
    }

    @Test
    void problemsFromOpenAiAreShownWithTheirAdvice() throws IOException {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String admin = "web-errors-" + suffix;
        String workspace = activeWorkspaceWithAdmin(admin, "Errors " + suffix);
        signIn(admin, Fixtures.PASSWORD);
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText(workspace))).click();

        enterKey(TestKeys.REVOKED);
        String invalid = waitForText(By.id("key-result"), "API key rejected by OpenAI");
        assertTrue(invalid.contains("replace the API key"), invalid);
        screenshot("error-invalid-key");

        enterKey(TestKeys.NO_CREDIT);
        waitForText(By.id("key-hint"), "…3333");
        browser.findElement(By.id("test-connection")).click();
        String quota = waitForText(By.id("test-result"), "No credit on the OpenAI account");
        assertTrue(quota.contains("Add credit"), quota);
        screenshot("error-no-credit");

        enterKey(TestKeys.RATE_LIMITED_LONG);
        waitForText(By.id("key-hint"), "…6666");
        browser.findElement(By.id("test-connection")).click();
        String limited = waitForText(By.id("test-result"), "OpenAI rate limit reached");
        assertTrue(limited.contains("45 seconds"), limited);
        screenshot("error-rate-limit");
    }
}
