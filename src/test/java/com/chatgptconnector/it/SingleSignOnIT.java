package com.chatgptconnector.it;

import static com.chatgptconnector.it.FakeOpenAi.chat;
import static com.chatgptconnector.it.FakeOpenAi.json;
import static com.chatgptconnector.it.FakeOpenAi.sample;
import static com.chatgptconnector.it.Fixtures.chatgpt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.chatgptconnector.it.Api.Auth;
import com.chatgptconnector.it.Api.Reply;
import com.github.tomakehurst.wiremock.WireMockServer;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Single sign-on (issue 31) against a real Keycloak that this class starts once, with the realms
 * of src/test/resources/keycloak: people sign in in headless Chromium through the provider's own
 * login page, internal tools call the OpenAI-compatible endpoint with client-credentials tokens.
 * The connector runs as its own Payara Micro process (as in {@link TwoInstancesIT}), configured
 * for the provider; both servers start side by side.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SingleSignOnIT {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final String OPERATORS = "connector-operators";
    /** The workspace the tools are mapped to by configuration, by name: it is made by the test. */
    static final String TOOLS_WORKSPACE = "Company reporting " + UUID.randomUUID().toString().substring(0, 8);

    static Keycloak keycloak;
    static WireMockServer openai;
    static Process connector;
    static Api api;
    static String dbUrl;

    final List<Browser> browsers = new ArrayList<>();

    @BeforeAll
    static void startKeycloakAndConnector() throws Exception {
        keycloak = new Keycloak(TwoInstancesIT.freePort());
        assumeTrue(keycloak.installed(), "the build unpacks Keycloak into target/keycloak, and it needs Java 21+");
        openai = FakeOpenAi.start(TwoInstancesIT.freePort());
        // WildFly takes three ports from this one on (HTTP, HTTPS, management)
        int port = TwoInstancesIT.freePorts(ServerProcess.portsPerInstance());
        String base = "http://127.0.0.1:" + port;
        Instant started = Instant.now();
        keycloak.start(base, TwoInstancesIT.freePort());
        connector = startConnector(port);
        api = new Api(new URL(base + "/"));
        keycloak.awaitReady(Duration.ofMinutes(4));
        TwoInstancesIT.awaitReady(api);
        System.out.println("SingleSignOnIT: Keycloak and the connector ready in " + Duration.between(started, Instant.now()).toSeconds() + " s");
    }

    static Process startConnector(int port) throws IOException {
        String configured = System.getProperty("it.db.url");
        // the embedded H2 gets a file of its own; PostgreSQL's schema is shared with the other tests
        dbUrl = configured.startsWith("jdbc:h2:")
                ? "jdbc:h2:file:" + Path.of(System.getProperty("it.data.dir", "target/it-data")).toAbsolutePath().resolve("sso-" + UUID.randomUUID())
                + ";AUTO_SERVER=TRUE"
                : configured;
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("connector.mode", "development");
        properties.put("connector.datasource.url", dbUrl);
        properties.put("connector.datasource.user", System.getProperty("it.db.user"));
        properties.put("connector.datasource.password", System.getProperty("it.db.password"));
        properties.put("connector.openai.base-url", "http://127.0.0.1:" + openai.port() + "/v1");
        properties.put("connector.crypto.keyring", System.getProperty("it.crypto.keyring"));
        properties.put("connector.crypto.active-key", System.getProperty("it.crypto.active-key"));
        properties.put("connector.security.pbkdf2-iterations", "1024");
        properties.put("connector.oidc.issuer", keycloak.issuer("company"));
        properties.put("connector.oidc.provider-name", "Company Keycloak");
        properties.put("connector.oidc.client-id", "connector");
        properties.put("connector.oidc.client-secret", "connector-secret-for-tests");
        properties.put("connector.oidc.operator-groups", OPERATORS);
        properties.put("connector.oidc.bearer.clients", "reporting-tool=" + TOOLS_WORKSPACE + ",short-lived-tool=" + TOOLS_WORKSPACE);
        // the expired token's lifetime is 1 s; the default skew of 30 s would hide it
        properties.put("connector.oidc.clock-skew", "PT1S");
        properties.put("connector.auth.password-sign-in", "false");
        return ServerProcess.start("sso-connector", port, properties);
    }

    @AfterAll
    static void stopAll() {
        if (connector != null) {
            connector.destroy();
        }
        if (keycloak != null) {
            keycloak.stop();
        }
        if (openai != null) {
            openai.stop();
        }
    }

    @BeforeEach
    void resetFakeOpenAi() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER), "Debian's chromium and chromium-driver are needed");
        openai.resetAll();
        openai.stubFor(chat(TestKeys.GOOD).willReturn(json(200, sample("chat-completion.json"), "req_chat")));
    }

    @AfterEach
    void closeBrowsers(TestInfo test) throws IOException {
        Path last = Path.of("target", "failsafe-reports", "browser");
        Files.createDirectories(last);
        for (int i = 0; i < browsers.size(); i++) {
            WebDriver driver = browsers.get(i).driver();
            Files.write(last.resolve("sso-" + test.getTestMethod().map(m -> m.getName()).orElse("test") + "-" + i + ".png"),
                    ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            driver.quit();
        }
    }

    /** One person's own headless Chromium, with its own profile (cookies). */
    record Browser(WebDriver driver, WebDriverWait waits) {
    }

    Browser browser() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--no-first-run", "--disable-component-update", "--disable-sync", "--window-size=1280,1000", "--lang=en-US",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        Browser browser = new Browser(driver, new WebDriverWait(driver, Duration.ofSeconds(60)));
        browsers.add(browser);
        return browser;
    }

    // ------------------------------------------------------------------ helpers

    /** A person's browser session with the connector, after signing in at Keycloak. */
    record Session(String cookies, String csrf, JsonObject me) {
        String[] headers() {
            return new String[]{"Cookie", cookies, "X-CSRF-Token", csrf};
        }
    }

    /** Signs in on the pages with the button to Keycloak and Keycloak's own login form. */
    Session signIn(Browser browser, String username, String password) {
        browser.driver().get(api.base().toString());
        browser.waits().until(ExpectedConditions.elementToBeClickable(By.id("sso-sign-in"))).click();
        browser.waits().until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(username);
        browser.driver().findElement(By.id("password")).sendKeys(password);
        browser.driver().findElement(By.id("kc-login")).click();
        browser.waits().until(ExpectedConditions.textToBe(By.id("who"), username));
        assertTrue(browser.driver().getCurrentUrl().startsWith(api.base().toString()), browser.driver()::getCurrentUrl);
        return session(browser);
    }

    /** The browser's session as the REST API sees it: its cookies and CSRF token, whoever signed in. */
    Session session(Browser browser) {
        String cookies = browser.driver().manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        Reply me = api.get("api/session", Auth.ANONYMOUS, "Cookie", cookies);
        assertEquals(200, me.status(), me::toString);
        return new Session(cookies, me.json().getString("csrfToken"), me.json());
    }

    void signOut(Browser browser) {
        browser.driver().findElement(By.id("logout")).click();
        // RP-initiated logout: Keycloak ends its session and sends the browser back to the pages
        browser.waits().until(ExpectedConditions.elementToBeClickable(By.id("sso-sign-in")));
        assertTrue(browser.driver().getCurrentUrl().startsWith(api.base().toString()), browser.driver()::getCurrentUrl);
    }

    Reply asTool(String token, String workspace) {
        return api.post("api/workspaces/" + workspace + "/openai/v1/chat/completions", Auth.ANONYMOUS,
                "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}",
                "Authorization", "Bearer " + token);
    }

    String toolToken() {
        return keycloak.clientCredentialsToken("company", "reporting-tool", "reporting-tool-secret-for-tests");
    }

    static void assertRefusedLikeOpenAi(Reply reply) {
        assertEquals(401, reply.status(), reply::toString);
        JsonObject error = reply.json().getJsonObject("error");
        assertEquals("invalid_request_error", error.getString("type"), reply::toString);
        assertEquals("invalid_api_key", error.getString("code"), reply::toString);
    }

    // ------------------------------------------------------------------ tests

    /**
     * Issue 31's "Done when": an operator signs in with the company's Keycloak and activates a
     * workspace whose admin also signed in through Keycloak; an internal tool with a
     * client-credentials token from the same Keycloak calls the workspace's compatible endpoint;
     * no password was created for anyone.
     */
    @Test
    @Order(1)
    void operatorActivatesAWorkspaceOfAnAdminFromKeycloakAndAToolCallsIt() throws Exception {
        // the admin signs in first: created just in time, no operator, no workspace yet
        Browser adamsBrowser = browser();
        Session adam = signIn(adamsBrowser, "adam", "adam-at-keycloak");
        assertFalse(adam.me().getBoolean("operator"));

        Browser oliviasBrowser = browser();
        Session olivia = signIn(oliviasBrowser, "olivia", "olivia-at-keycloak");
        assertTrue(olivia.me().getBoolean("operator"), "olivia is in " + OPERATORS + " at Keycloak");
        assertEquals(1, oliviasBrowser.driver().findElements(By.cssSelector("a[href='#/operator']")).size(), "operator console in the navigation");
        Reply created = api.post("api/workspaces", Auth.ANONYMOUS,
                "{\"name\":" + Api.str(TOOLS_WORKSPACE) + ",\"adminUsername\":\"adam\"}", olivia.headers());
        assertEquals(201, created.status(), created::toString);
        String ws = created.json().getString("id");

        // the admin asks for activation, the operator activates, the admin stores the key
        Reply requested = api.post(chatgpt(ws) + "/activation-request", Auth.ANONYMOUS, null, adam.headers());
        assertEquals(200, requested.status(), requested::toString);
        Reply activated = api.post(chatgpt(ws) + "/activation", Auth.ANONYMOUS, null, olivia.headers());
        assertEquals(200, activated.status(), activated::toString);
        long version = api.get(chatgpt(ws), Auth.ANONYMOUS, adam.headers()).json().getJsonNumber("version").longValue();
        Reply key = api.put(chatgpt(ws) + "/credentials?verify=false", Auth.ANONYMOUS, "{\"apiKey\":" + Api.str(TestKeys.GOOD) + "}",
                concat(adam.headers(), "If-Match", "\"" + version + "\""));
        assertEquals(200, key.status(), key::toString);
        assertEquals("ACTIVE", api.get(chatgpt(ws), Auth.ANONYMOUS, olivia.headers()).json().getString("status"));

        // the tool: a client-credentials token of the same Keycloak, mapped to the workspace by name
        Reply answer = asTool(toolToken(), ws);
        assertEquals(200, answer.status(), answer::toString);
        assertEquals("chat.completion", answer.json().getString("object"));

        // nobody got a password: both people exist only as the provider's subjects
        try (Connection db = DriverManager.getConnection(dbUrl, System.getProperty("it.db.user"), System.getProperty("it.db.password"));
             PreparedStatement query = db.prepareStatement("select username, password_hash, issuer, subject from app_user "
                     + "where username in ('olivia', 'adam') order by username")) {
            try (ResultSet rows = query.executeQuery()) {
                int count = 0;
                while (rows.next()) {
                    count++;
                    assertNull(rows.getString("password_hash"), rows.getString("username") + " has a password");
                    assertEquals(keycloak.issuer("company"), rows.getString("issuer"));
                    assertNotNull(rows.getString("subject"));
                }
                assertEquals(2, count);
            }
        }
        // and password sign-in is off, but for the break-glass operator
        assertEquals(401, api.get("api/me", new Auth("adam", "adam-at-keycloak")).status());
        assertEquals(200, api.get("api/me", Fixtures.OPERATOR).status());

        // audit events name the provider and subject of a person who signed in through it
        Reply audit = api.get("api/workspaces/" + ws + "/chatgpt/audit", Fixtures.OPERATOR);
        assertEquals(200, audit.status(), audit::toString);
        String events = audit.body();
        assertTrue(events.contains("ACTIVATED") && events.contains("provider=Company Keycloak") && events.contains("subject="), events);

        // signing out ends the session here and at Keycloak: the next sign-in asks for the password again
        signOut(adamsBrowser);
        assertEquals(401, api.get("api/session", Auth.ANONYMOUS, "Cookie", adam.cookies()).status());
        adamsBrowser.waits().until(ExpectedConditions.elementToBeClickable(By.id("sso-sign-in"))).click();
        adamsBrowser.waits().until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
    }

    /** The operator role follows the group at Keycloak: lost at the first request after the token's lifetime (10 s). */
    @Test
    @Order(2)
    void removedFromTheOperatorGroupAnOperatorLosesTheRoleAfterTheTokenLifetime() throws Exception {
        Session olivia = signIn(browser(), "olivia", "olivia-at-keycloak");
        assertTrue(olivia.me().getBoolean("operator"));
        keycloak.membership("company", "olivia", OPERATORS, false);
        try {
            Instant deadline = Instant.now().plusSeconds(30);
            boolean operator = true;
            while (operator && Instant.now().isBefore(deadline)) {
                Thread.sleep(1000);
                operator = api.get("api/session", Auth.ANONYMOUS, "Cookie", olivia.cookies()).json().getBoolean("operator");
            }
            assertFalse(operator, "still an operator 30 s after leaving the group");
        } finally {
            keycloak.membership("company", "olivia", OPERATORS, true);
        }
    }

    /** Needs the tools' workspace of the first test: a valid token for another workspace gets 404. */
    @Test
    @Order(3)
    void toolTokensThatAreExpiredForeignTamperedOrUnmappedAreRefusedLikeOpenAiRefusesAKey() throws Exception {
        // any workspace: authentication comes before the workspace
        String ws = UUID.randomUUID().toString();
        String expired = keycloak.clientCredentialsToken("company", "short-lived-tool", "short-lived-tool-secret-for-tests");
        String foreign = keycloak.clientCredentialsToken("other", "reporting-tool", "foreign-tool-secret-for-tests");
        String valid = toolToken();
        String[] parts = valid.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String changed = payload.replace("\"azp\":\"reporting-tool\"", "\"azp\":\"short-lived-tool\"");
        assertFalse(changed.equals(payload), payload);
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(changed.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
        char[] signature = parts[2].toCharArray();
        signature[10] = signature[10] == 'A' ? 'B' : 'A';
        String badSignature = parts[0] + "." + parts[1] + "." + new String(signature);

        Thread.sleep(2500);
        assertRefusedLikeOpenAi(asTool(expired, ws));
        assertRefusedLikeOpenAi(asTool(foreign, ws));
        assertRefusedLikeOpenAi(asTool(tampered, ws));
        assertRefusedLikeOpenAi(asTool(badSignature, ws));
        assertRefusedLikeOpenAi(asTool("not.a-jwt.at-all", ws));
        // a valid token for another workspace than its own learns nothing about it
        Reply other = asTool(valid, ws);
        assertEquals(404, other.status(), other::toString);
    }

    static String[] concat(String[] first, String... more) {
        String[] all = new String[first.length + more.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
