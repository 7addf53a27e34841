package com.chatgptconnector.it;

import static com.chatgptconnector.it.FakeOpenAi.chat;
import static com.chatgptconnector.it.FakeOpenAi.json;
import static com.chatgptconnector.it.FakeOpenAi.models;
import static com.chatgptconnector.it.FakeOpenAi.sample;
import static com.chatgptconnector.it.Fixtures.chatgpt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.chatgptconnector.it.Api.Auth;
import com.chatgptconnector.it.Api.Reply;
import com.chatgptconnector.it.Fixtures.Team;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
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
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
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
 * The web pages in Debian's headless Chromium against the deployed service and a fake OpenAI, as
 * an operator and a workspace admin use them, in English and German. Every page passes
 * {@link PageCheck} (axe-core, plain language, a 390 px phone) in both languages, and leaves
 * screenshots at 1280 px and 390 px in target/screenshots. Each test names the items of issue 30
 * it covers.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WebJourneyIT {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Auth OPERATOR = Fixtures.OPERATOR;
    static WireMockServer openai;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.shippedWar();
    }

    @ArquillianResource
    URL url;

    WebDriver browser;
    WebDriverWait wait;
    PageCheck pages;
    Api api;
    Fixtures fixtures;

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
                "--window-size=1280,1000", "--lang=en-US", "--hide-scrollbars",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        pages = new PageCheck(browser);
        api = new Api(url);
        fixtures = new Fixtures(api);
    }

    @AfterEach
    void closeBrowser(TestInfo test) throws IOException {
        if (browser != null) {
            // the last state of each test, for a failure's report (not one of the page screenshots)
            Path last = Path.of("target", "failsafe-reports", "browser");
            Files.createDirectories(last);
            Files.write(last.resolve(test.getTestMethod().map(m -> m.getName()).orElse("test") + ".png"),
                    ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            browser.quit();
        }
    }

    // ------------------------------------------------------------------ helpers

    /** Opens a page afresh, also the one already shown (a same-hash get would change nothing). */
    void open(String hash) {
        String target = url.toExternalForm() + hash;
        boolean same = target.equals(browser.getCurrentUrl());
        browser.get(target);
        if (same) {
            browser.navigate().refresh();
        }
    }

    /**
     * The sign-in form's field. The operator console has a "username" field of its own, so waiting
     * for any such field let a sign-out "finish" before the session was gone.
     */
    static final By SIGN_IN_USERNAME = By.cssSelector("#sign-in input[name='username']");

    void signIn(String username, String password) {
        open("#/");
        typeSignIn(username, password);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("logout")));
    }

    void typeSignIn(String username, String password) {
        WebElement user = wait.until(ExpectedConditions.elementToBeClickable(SIGN_IN_USERNAME));
        user.clear();
        user.sendKeys(username);
        WebElement secret = browser.findElement(By.cssSelector("#sign-in input[name='password']"));
        secret.clear();
        secret.sendKeys(password);
        browser.findElement(By.id("sign-in-submit")).click();
    }

    void signOut() {
        browser.findElement(By.id("logout")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("logout")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(SIGN_IN_USERNAME));
    }

    WebElement find(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    void fill(String form, String name, String value) {
        WebElement input = find("#" + form + " [name='" + name + "']");
        input.clear();
        input.sendKeys(value);
    }

    void submit(String form) {
        find("#" + form + " button[type=submit]").click();
    }

    void click(String css) {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
    }

    void accept() {
        wait.until(ExpectedConditions.alertIsPresent()).accept();
    }

    String waitForText(String css, String text) {
        By where = By.cssSelector(css);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(where, text));
        return browser.findElement(where).getText();
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    /** Whether the element is within the visible part of the page (an answer must not be out of sight). */
    boolean onScreen(String css) {
        return (Boolean) js("const r = document.querySelector(arguments[0]).getBoundingClientRect();"
                + "return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight;", css);
    }

    /** Switches the language and waits until the page is drawn again. */
    void language(String lang) {
        js("document.getElementById('page-title').dataset.before = 'yes'");
        new Select(browser.findElement(By.id("lang"))).selectByValue(lang);
        wait.until(b -> (Boolean) js("const h = document.getElementById('page-title');"
                + "return document.documentElement.lang === arguments[0] && !!h && h.dataset.before === undefined;", lang));
    }

    /** {@link PageCheck} in English, then in German; back to English. {@code ready}: what shows the page is complete. */
    void checkBothLanguages(String name, String ready) {
        find(ready);
        pages.check(name);
        language("de");
        find(ready);
        pages.check(name);
        language("en");
        find(ready);
    }

    String suffix() {
        return UUID.randomUUID().toString().substring(0, 6);
    }

    /** An active team whose admin has signed in, on the workspace's settings page. */
    Team signedInActiveTeam() {
        Team team = fixtures.newTeam();
        fixtures.activate(team);
        signIn(team.admin().username(), Fixtures.PASSWORD);
        open("#/ws/" + team.workspace());
        find("#key-form");
        return team;
    }

    void enterKey(String key) {
        fill("key-form", "apiKey", key);
        submit("key-form");
    }

    // ------------------------------------------------------------------ the journeys

    /** Item 1: a failed sign-in says why, in either language; the sign-in page passes the checks. */
    @Test
    void aFailedSignInSaysWhyInBothLanguages() {
        open("#/");
        wait.until(ExpectedConditions.elementToBeClickable(SIGN_IN_USERNAME));
        assertFalse(browser.findElement(By.id("logout")).isDisplayed(), "no sign-out before signing in");
        checkBothLanguages("sign-in", "#sign-in");
        typeSignIn("operator", "not the password");
        assertTrue(waitForText("#sign-in-feedback", "The username or the password is wrong.").contains("The username or the password is wrong."));
        language("de");
        typeSignIn("operator", "auch nicht das Passwort");
        waitForText("#sign-in-feedback", "Benutzername oder Passwort ist falsch.");
        assertTrue(onScreen("#sign-in-feedback"));
        pages.screenshot("sign-in-failed-de-1280", PageCheck.DESKTOP);
        pages.assertBothLanguagesComplete();
        language("en");
        typeSignIn("operator", "operator-dev-password");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("logout")));
    }

    /**
     * Items 2, 3, 8: the operator creates a user, a workspace with its first admin in one step (an
     * unknown admin creates nothing and is marked at the field), activates and suspends; every
     * answer stays next to its action through the redraw, and the audit log reads as sentences.
     */
    @Test
    void theOperatorCreatesAWorkspaceWithItsAdminAndEveryAnswerStaysNextToItsAction() {
        String suffix = suffix();
        String admin = "web-admin-" + suffix;
        String workspace = "Web " + suffix;
        signIn("operator", "operator-dev-password");
        find("#create-user");
        fill("create-user", "username", admin);
        fill("create-user", "password", Fixtures.PASSWORD);
        submit("create-user");
        waitForText("#create-user-feedback", "User " + admin + " created.");

        String orphan = "Orphan " + suffix;
        fill("create-workspace", "name", orphan);
        fill("create-workspace", "adminUsername", "nobody-" + suffix);
        submit("create-workspace");
        waitForText("#create-workspace-feedback", "There is no user nobody-" + suffix);
        assertTrue(find("#create-workspace .field-error[data-for='adminUsername']").getText().contains("nobody-" + suffix), "marked at the field");
        assertEquals("true", find("#create-workspace [name='adminUsername']").getAttribute("aria-invalid"));
        assertTrue(browser.findElement(By.id("create-user-feedback")).getText().isEmpty(), "the earlier answer went with the next action");
        assertFalse(api.get("api/workspaces", OPERATOR).body().contains(orphan), "nothing was created");
        pages.screenshot("operator-unknown-admin-en-1280", PageCheck.DESKTOP);

        fill("create-workspace", "name", workspace);
        fill("create-workspace", "adminUsername", admin);
        submit("create-workspace");
        waitForText("#create-workspace-feedback", "Workspace “" + workspace + "” created with " + admin + " as administrator.");
        waitForText("#all-workspaces", workspace);
        assertTrue(onScreen("#create-workspace-feedback"), "the answer is where the button is");
        String id = api.get("api/workspaces", OPERATOR).array().getValuesAs(jakarta.json.JsonObject.class).stream()
                .filter(w -> w.getString("name").equals(workspace)).findFirst().orElseThrow().getString("id");
        assertEquals("ADMIN", api.get("api/workspaces/" + id + "/members", OPERATOR).array().getJsonObject(0).getString("role"));

        assertEquals(200, api.post(chatgpt(id) + "/activation-request", new Auth(admin, Fixtures.PASSWORD), null).status());
        open("#/operator");
        click("#requests tr[data-workspace='" + workspace + "'] button.activate");
        accept();
        waitForText("#open-requests-feedback", "ChatGPT is now active for " + workspace + ".");
        waitForText("#all-workspaces tr[data-workspace='" + workspace + "']", "Active");
        assertTrue(onScreen("#open-requests-feedback"));

        new Select(find("select[name='auditWorkspace']")).selectByVisibleText(workspace);
        waitForText("#audit", "User: " + admin);
        click("#all-workspaces tr[data-workspace='" + workspace + "'] button.suspend");
        accept();
        waitForText("#ws-feedback-" + id, "ChatGPT is now suspended for " + workspace + ".");
        assertTrue(onScreen("#ws-feedback-" + id), "the answer is in the row of the button, not at the top");
        // the redrawn console shows the chosen workspace's log again, and that reload keeps the answer
        String audit = waitForText("#audit", "Suspended");
        assertTrue(audit.contains("Member added") && audit.contains("User: " + admin + "; Role: Administrator"), audit);
        assertTrue(audit.contains("Status: Active") && audit.contains("Activation requested"), audit);
        assertFalse(browser.findElement(By.id("ws-feedback-" + id)).getText().isEmpty(), "loading the audit log is no action of the user's");
        new Select(find("select[name='action']")).selectByValue("SUSPENDED");
        wait.until(b -> b.findElements(By.cssSelector("#audit tbody tr:not([data-action='SUSPENDED'])")).isEmpty());
        assertTrue(browser.findElement(By.id("ws-feedback-" + id)).getText().isEmpty(), "filtering the audit log is the next action");
        new Select(find("select[name='action']")).selectByValue("");
        checkBothLanguages("operator-console", "#audit");
        language("de");
        new Select(find("select[name='auditWorkspace']")).selectByVisibleText(workspace);
        String german = waitForText("#audit", "Pausiert");
        assertTrue(german.contains("Mitglied hinzugefügt") && german.contains("Benutzer: " + admin + "; Rolle: Administrator"), german);
        assertTrue(german.contains("Status: Aktiv") && german.contains("Aktivierung angefragt"), german);
    }

    /**
     * The admin's journey on the settings page, items 5 and 11: the key is saved and checked, a
     * new token is in the table at once and can be copied, and a stale "Save limits" says what
     * changed and reloads.
     */
    @Test
    void anAdminSavesAKeyCreatesATokenAndIsToldWhatChangedMeanwhile() {
        Team team = signedInActiveTeam();
        enterKey(TestKeys.GOOD);
        waitForText("#key-result", "Key saved. The connection to OpenAI works.");
        assertTrue(waitForText("#key-hint", "…1111").contains("…1111"), "the masked hint after saving");
        click("#test-connection");
        waitForText("#test-result", "Connection works");

        fill("token-form", "name", "nightly job");
        submit("token-form");
        waitForText("#token-create-feedback", "Token “nightly job” created.");
        assertTrue(find("#token-secret").getText().startsWith("cct_"));
        waitForText("#tokens-table tr[data-token='nightly job']", "cct_");
        click("#copy-token");
        waitForText("#copy-feedback", "Copied");

        // someone else changes the limits while the page is open
        Reply changed = api.put(chatgpt(team.workspace()) + "/policy", team.admin(), "{\"tokenLimit\":5000,\"allowedModels\":[\"gpt-4o-mini\"]}",
                "If-Match", String.valueOf(fixtures.version(team.workspace(), team.admin())));
        assertEquals(200, changed.status(), changed::toString);
        fill("policy-form", "tokenLimit", "1000");
        submit("policy-form");
        String conflict = waitForText("#policy-feedback", "Changed in the meantime");
        assertTrue(conflict.contains("Monthly token limit: no limit → 5,000"), conflict);
        assertTrue(conflict.contains("Allowed models: all models → gpt-4o-mini"), conflict);
        assertTrue(onScreen("#policy-feedback"), "the answer is next to Save limits");
        pages.screenshot("settings-conflict-en-1280", PageCheck.DESKTOP);
        click("#conflict-reload");
        waitForText("#policy-feedback", "Reloaded");
        assertEquals("5000", find("#policy-form [name='tokenLimit']").getDomProperty("value"));
        fill("policy-form", "tokenLimit", "100000");
        submit("policy-form");
        waitForText("#policy-feedback", "Limits saved.");
        assertTrue(onScreen("#policy-feedback"));

        checkBothLanguages("workspace-settings", "#tokens-table");
        click("#tokens-table tr[data-token='nightly job'] button.revoke");
        accept();
        waitForText("#token-list-feedback", "Token “nightly job” revoked.");
        waitForText("#tokens-table tr[data-token='nightly job']", "Revoked");
    }

    /**
     * Items 6, 7 and the Requests view: blocks with room between Try it and Edit, a warning for a
     * model outside the allowed list, usage on every day of the month with last month beside it,
     * and the latest requests, filtered and paged.
     */
    @Test
    void blocksRunAndTheirUsageAndRequestsAreShown() {
        Team team = fixtures.activeTeamWithKey(TestKeys.GOOD, null, null);
        signIn(team.admin().username(), Fixtures.PASSWORD);
        open("#/ws/" + team.workspace() + "/blocks");
        click("#new-block");
        fill("block-form", "name", "Greeting");
        fill("block-form", "userPrompt", "Greet {{name}} in German.");
        submit("block-form");
        waitForText("#block-form-feedback", "Block “Greeting” saved.");
        assertTrue(onScreen("#block-form-feedback"));
        WebElement tryIt = find("#block-list li[data-block='Greeting'] button.try");
        WebElement edit = find("#block-list li[data-block='Greeting'] button.edit");
        int gap = edit.getRect().getX() - (tryIt.getRect().getX() + tryIt.getRect().getWidth());
        assertTrue(gap >= 8 || edit.getRect().getY() > tryIt.getRect().getY(), "Try it and Edit do not touch: " + gap + " px apart");
        tryIt.click();
        find("#run-form [name='variables.name']").sendKeys("Anna");
        submit("run-form");
        assertEquals("Guten Tag! Wie kann ich Ihnen heute helfen?", waitForText("#run-output", "Guten Tag"));
        assertTrue(find("#run-tokens").getText().startsWith("Tokens:"));
        checkBothLanguages("blocks", "#block-list");

        // limits now allow another model only: the block is marked, the editor warns before saving
        Reply policy = api.put(chatgpt(team.workspace()) + "/policy", team.admin(), "{\"allowedModels\":[\"gpt-4o\"]}",
                "If-Match", String.valueOf(fixtures.version(team.workspace(), team.admin())));
        assertEquals(200, policy.status(), policy::toString);
        open("#/ws/" + team.workspace() + "/blocks");
        waitForText("#block-list li[data-block='Greeting']", "gpt-4o-mini is not among the allowed models");
        click("#block-list li[data-block='Greeting'] button.edit");
        waitForText("#model-warning", "gpt-4o-mini is not among the allowed models");
        fill("block-form", "model", "gpt-4o");
        wait.until(b -> b.findElement(By.id("model-warning")).getText().isEmpty());
        fill("block-form", "model", "gpt-5");
        submit("block-form");
        String saved = waitForText("#block-form-feedback", "Block “Greeting” saved.");
        assertTrue(saved.contains("gpt-5 is not among the allowed models"), saved);

        // more requests than a page holds, one of them refused by OpenAI
        String block = api.get(chatgpt(team.workspace()) + "/blocks", team.admin()).array().getJsonObject(0).getString("id");
        api.put(chatgpt(team.workspace()) + "/policy", team.admin(), "{\"allowedModels\":[]}",
                "If-Match", String.valueOf(fixtures.version(team.workspace(), team.admin())));
        openai.stubFor(chat(TestKeys.GOOD).willReturn(json(200, sample("chat-completion.json"), "req_chat")));
        for (int i = 0; i < 21; i++) {
            assertEquals(200, api.post(chatgpt(team.workspace()) + "/blocks/" + block + "/runs", team.member(), "{\"variables\":{\"name\":\"Ben\"}}").status());
        }
        openai.stubFor(chat(TestKeys.GOOD).willReturn(json(429, sample("error-rate-limit-requests.json"), "req_limited")));
        assertEquals(429, api.post(chatgpt(team.workspace()) + "/blocks/" + block + "/runs", team.member(), "{\"variables\":{\"name\":\"Ben\"}}").status());

        open("#/ws/" + team.workspace() + "/usage");
        String total = waitForText("#usage-total", "requests");
        assertTrue(total.matches("[\\d,]+ tokens · 23 requests · 1 error"), total);
        int days = YearMonth.now(ZoneOffset.UTC).lengthOfMonth();
        assertEquals((long) days, js("return Chart.getChart('usage-chart').data.labels.length"), "every day of the month");
        assertEquals((long) days, js("return Chart.getChart('usage-chart').data.datasets[0].data.length"));
        assertTrue((Long) js("return Chart.getChart('usage-chart').data.datasets[0].data.filter(v => v === 0).length") >= days - 1, "days without requests are zero");
        assertEquals(2L, js("return Chart.getChart('usage-chart').data.datasets.length"), "last month beside this one");
        assertTrue(find("#usage-comparison").getText().startsWith("Last month"));
        assertEquals("Block", find("#by-block th").getText());
        waitForText("#by-block", "Greeting");
        waitForText("#by-error", "OpenAI rate limit reached");
        checkBothLanguages("usage", "#by-block");

        open("#/ws/" + team.workspace() + "/requests");
        find("#request-list");
        assertEquals(20, browser.findElements(By.cssSelector("#request-list tbody tr")).size());
        String newest = find("#request-list tbody tr").getText();
        assertTrue(newest.contains("OpenAI rate limit reached") && newest.contains("req_limited") && newest.contains("Block: Greeting"), newest);
        assertTrue(newest.contains(team.member().username()), newest);
        click("#older-requests");
        waitForText("#requests-feedback", "3 older requests loaded.");
        assertEquals(23, browser.findElements(By.cssSelector("#request-list tbody tr")).size());
        assertFalse(find("#requests-shown").getText().isEmpty());
        assertFalse(browser.findElement(By.id("older-requests")).isDisplayed(), "no older page left");
        new Select(find("#requests-filter select[name='outcome']")).selectByValue("error");
        click("#requests-show");
        wait.until(b -> browser.findElements(By.cssSelector("#request-list tbody tr")).size() == 1);
        assertEquals("rate_limited", find("#request-list tbody tr").getAttribute("data-outcome"));
        assertTrue(find("#requests-json").getAttribute("href").contains("/api/workspaces/" + team.workspace() + "/chatgpt/requests?limit=20&outcome=error"));
        checkBothLanguages("requests", "#request-list");
    }

    /** Item 4: members are listed, added, promoted, demoted and removed; the last admin stays. */
    @Test
    void anAdminManagesMembersAndIsToldAboutTheLastAdmin() {
        Team team = fixtures.newTeam();
        Auth newcomer = fixtures.newUser("newcomer");
        signIn(team.admin().username(), Fixtures.PASSWORD);
        open("#/ws/" + team.workspace());
        click("a.tab[href$='/members']");
        find("#member-list tr[data-member='" + team.member().username() + "']");
        assertTrue(find("#last-admin-rule").getText().contains("at least one administrator"));

        fill("add-member", "username", newcomer.username());
        submit("add-member");
        waitForText("#add-member-feedback", newcomer.username() + " is now Member of this workspace.");
        find("#member-list tr[data-member='" + newcomer.username() + "']");

        String me = "#member-list tr[data-member='" + team.admin().username() + "']";
        find(me + " button.remove-member").click();
        accept();
        String refused = waitForText("#member-feedback-" + team.admin().username(), "Last administrator");
        assertTrue(refused.contains("Make another member an administrator first."), refused);
        assertTrue(onScreen("#member-feedback-" + team.admin().username()));

        String member = "#member-list tr[data-member='" + team.member().username() + "']";
        new Select(find(member + " select[name='role']")).selectByValue("ADMIN");
        find(member + " button.change-role").click();
        waitForText("#member-feedback-" + team.member().username(), team.member().username() + " is now Administrator.");
        assertEquals("ADMIN", api.get("api/workspaces/" + team.workspace() + "/members", team.admin()).array().getValuesAs(jakarta.json.JsonObject.class)
                .stream().filter(m -> m.getString("username").equals(team.member().username())).findFirst().orElseThrow().getString("role"));

        find("#member-list tr[data-member='" + newcomer.username() + "'] button.remove-member").click();
        accept();
        waitForText("#members-feedback", newcomer.username() + " was removed from this workspace.");
        assertTrue(browser.findElements(By.cssSelector("#member-list tr[data-member='" + newcomer.username() + "']")).isEmpty());
        checkBothLanguages("members", "#member-list");
    }

    /** Item 7: after a suspension the blocks page says so and offers nothing that would fail. */
    @Test
    void aSuspendedWorkspaceSaysSoOnItsBlocksPage() {
        Team team = fixtures.activeTeamWithKey(TestKeys.GOOD, null, null);
        Reply block = api.post(chatgpt(team.workspace()) + "/blocks", team.admin(),
                "{\"name\":\"Summary\",\"model\":\"gpt-4o-mini\",\"userPrompt\":\"Summarise {{text}}\",\"responseFormat\":\"text\"}");
        assertEquals(201, block.status(), block::toString);
        assertEquals(200, api.post(chatgpt(team.workspace()) + "/suspension", OPERATOR, null).status());
        signIn(team.admin().username(), Fixtures.PASSWORD);
        open("#/ws/" + team.workspace() + "/blocks");
        waitForText("#blocks-idle", "ChatGPT is paused for this workspace");
        find("#block-list li[data-block='Summary']");
        assertTrue(browser.findElements(By.cssSelector("button.try, button.edit, #new-block")).isEmpty(), "nothing that would fail is offered");
        checkBothLanguages("blocks-suspended", "#blocks-idle");
        open("#/");
        waitForText("#workspace-list", "Administrator");
        checkBothLanguages("workspaces", "#workspace-list");
    }

    /** The classified OpenAI problems with their advice, next to the key form and the connection test. */
    @Test
    void problemsFromOpenAiAreShownWithTheirAdvice() {
        signedInActiveTeam();
        enterKey(TestKeys.REVOKED);
        String invalid = waitForText("#key-result", "API key rejected by OpenAI");
        assertTrue(invalid.contains("replace the API key"), invalid);
        assertTrue(invalid.contains("OpenAI request ID: req_revoked"), invalid);

        enterKey(TestKeys.NO_CREDIT);
        String stored = waitForText("#key-result", "Key saved, but the check found a problem:");
        assertTrue(stored.contains("no credit left") && !stored.contains("insufficient_quota"), stored);
        waitForText("#key-hint", "…3333");
        click("#test-connection");
        String quota = waitForText("#test-result", "No credit on the OpenAI account");
        assertTrue(quota.contains("Add credit"), quota);

        enterKey(TestKeys.RATE_LIMITED_LONG);
        waitForText("#key-hint", "…6666");
        click("#test-connection");
        String limited = waitForText("#test-result", "OpenAI rate limit reached");
        assertTrue(limited.contains("45 seconds"), limited);
        pages.check("error-rate-limit");
        language("de");
        click("#test-connection");
        String german = waitForText("#test-result", "OpenAI-Ratenlimit erreicht");
        assertTrue(german.contains("45 Sekunden"), german);
        pages.check("error-rate-limit");
    }

    /** An unknown page and a workspace one may not see answer with a message, not an empty page. */
    @Test
    void aWorkspaceOfAnotherTeamAnswersWithAMessage() {
        Team team = fixtures.newTeam();
        signIn(team.otherAdmin().username(), Fixtures.PASSWORD);
        open("#/ws/" + team.workspace() + "/members");
        waitForText("#page-feedback", "Workspace not found");
        pages.check("not-found");
        List<WebElement> back = browser.findElements(By.cssSelector("p.back a"));
        assertEquals(1, back.size());
        assertTrue(back.get(0).getText().contains("All workspaces"));
    }
}
