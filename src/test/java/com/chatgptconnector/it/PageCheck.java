package com.chatgptconnector.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What every page must pass, checked on the page the browser shows: axe-core finds no
 * violation (at 1280 px and at 390 px), the visible text holds no raw code or enum name, and on a
 * 390 px phone nothing scrolls sideways, the header takes at most two rows and every target is at
 * least 44 px and on the screen. Full-page screenshots of both widths go to target/screenshots.
 */
final class PageCheck {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final int DESKTOP = 1280;
    static final int PHONE = 390;
    static final int HEADER_TWO_ROWS = 112;

    /** axe-core as Deque ships it for Java (see the pom), injected into each page. */
    static final String AXE = resource("/axe.min.js");

    private final WebDriver browser;

    PageCheck(WebDriver browser) {
        this.browser = browser;
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    }

    static String resource(String name) {
        try (InputStream in = PageCheck.class.getResourceAsStream(name)) {
            assertNotNull(in, name + " is not on the test class path");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    /** The page as it is now, in its current language; {@code name} names its screenshots. */
    void check(String name) {
        String shot = name + "-" + js("return document.documentElement.lang");
        axe(shot + " at " + DESKTOP + " px");
        assertPlainLanguage(shot);
        screenshot(shot + "-" + DESKTOP, DESKTOP);
        resize(PHONE, 844);
        List<?> problems = (List<?>) js(PHONE_LAYOUT, HEADER_TWO_ROWS);
        assertEquals(List.of(), problems, shot + " on a " + PHONE + " px phone");
        axe(shot + " at " + PHONE + " px");
        screenshot(shot + "-" + PHONE, PHONE);
        resize(DESKTOP, 1000);
    }

    void resize(int width, int height) {
        browser.manage().window().setSize(new Dimension(width, height));
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(b -> ((Number) js("return window.innerWidth")).intValue() == width);
        // resize observers (Chart.js) and media queries settle in the next frames, as a person sees the page
        ((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "requestAnimationFrame(() => requestAnimationFrame(() => done()));");
    }

    void axe(String where) {
        if (!Boolean.TRUE.equals(js("return typeof axe === 'object'"))) {
            js(AXE);
        }
        Object result = ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, { resultTypes: ['violations'] }).then("
                        + "  r => done(r.violations.map(v => v.impact + ' ' + v.id + ': ' + v.help + ' — '"
                        + "    + v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' (' + n.failureSummary.replace(/\\s+/g, ' ') + ')').join('; '))),"
                        + "  e => done(['axe failed: ' + e]));");
        assertEquals(List.of(), result, "axe-core on " + where);
    }

    /**
     * Item 8 of issue 30: what a person reads is in the page's language. Raw enum names
     * ({@code KEY_STORED}, {@code ADMIN}), codes ({@code rate_limited}), {@code key=value} details
     * and JSON members ("see errors") never show; code elements (ids, request ids) are exempt.
     */
    void assertPlainLanguage(String where) {
        @SuppressWarnings("unchecked")
        Map<String, Object> found = (Map<String, Object>) js(PLAIN_LANGUAGE);
        assertEquals(Map.of(), found, "raw or foreign text on " + where);
    }

    /** The whole page, also below the fold, as Chrome's DevTools capture it (a window screenshot stops at the fold). */
    void screenshot(String name, int width) {
        try {
            Files.createDirectories(SCREENSHOTS);
            ((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[arguments.length - 1]; window.scrollTo(0, 0);"
                    + "requestAnimationFrame(() => requestAnimationFrame(() => done()));");
            long height = Math.min(8000, ((Number) js("return Math.ceil(document.documentElement.scrollHeight)")).longValue());
            Map<String, Object> shot = ((ChromeDriver) browser).executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                    "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
            Files.write(SCREENSHOTS.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Both languages of the pages have the same texts (i18n.js). */
    void assertBothLanguagesComplete() {
        Object keys = ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "import(new URL('assets/i18n.js', document.baseURI).href).then(m => done([m.keys('en').sort(), m.keys('de').sort()]), e => done(String(e)));");
        assertTrue(keys instanceof List<?> both && both.size() == 2, String.valueOf(keys));
        List<?> both = (List<?>) keys;
        assertEquals(both.get(0), both.get(1), "the English and German texts have the same keys");
    }

    static final String PHONE_LAYOUT = """
            const maxHeader = arguments[0];
            const problems = [];
            const width = window.innerWidth;
            const root = document.documentElement;
            if (root.scrollWidth > width) {
                // name the innermost elements that stick out, so a failure says what to fix
                const wide = [...document.querySelectorAll('body *')].filter(el => el.getBoundingClientRect().right > width + 1
                    && ![...el.children].some(c => c.getBoundingClientRect().right > width + 1)).slice(0, 3)
                    .map(el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + ' "' + (el.textContent || '').trim().slice(0, 60) + '"');
                problems.push('the page scrolls sideways: ' + root.scrollWidth + ' px wide (' + wide.join(', ') + ')');
            }
            const header = document.querySelector('header').getBoundingClientRect().height;
            if (header > maxHeader) problems.push('the header is ' + Math.round(header) + ' px high');
            const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.name ? '[name=' + el.name + ']' : '')
                + ' "' + (el.textContent || el.value || '').trim().slice(0, 30) + '"';
            for (const el of document.querySelectorAll('a[href], button, select, input:not([type=hidden]), textarea, summary')) {
              if (el.offsetParent === null) continue;
              let box = el.getBoundingClientRect();
              if (box.width === 0 && box.height === 0) continue;
              if (el.type === 'checkbox' || el.type === 'radio') box = (el.closest('label') || el).getBoundingClientRect();
              if (box.height < 43.5 || box.width < 43.5) problems.push(name(el) + ' is ' + Math.round(box.width) + 'x' + Math.round(box.height) + ' px');
              if (box.right > width + 0.5 || box.left < -0.5) problems.push(name(el) + ' reaches past the screen (' + Math.round(box.left) + '..' + Math.round(box.right) + ')');
            }
            return problems;
            """;

    static final String PLAIN_LANGUAGE = """
            // every text node on its own (textContent would glue "req_x" to the next element's "Limits")
            const skip = 'code, .mono, .secret, pre, script, noscript, #who';
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            const parts = [];
            while (walker.nextNode()) {
              if (!walker.currentNode.parentElement.closest(skip)) parts.push(walker.currentNode.textContent);
            }
            const text = parts.join(' ').replace(/\\s+/g, ' ');
            const german = document.documentElement.lang === 'de';
            const patterns = {
              enumName: /\\b[A-Z]{2,}_[A-Z_]{2,}\\b/,
              role: /\\b(ADMIN|MEMBER|ACTIVE|DISABLED|REQUESTED|SUSPENDED|WORKSPACE|VENDOR)\\b/,
              code: /\\b[a-z]+(?:_[a-z]+)+\\b/,
              keyValue: /\\b[a-zA-Z]+=\\S/,
              jsonMember: /\\b(see|siehe) errors\\b/,
              placeholderKey: /\\((direct|none)\\)/
            };
            if (german) patterns.english = /\\b(Sign out|Save|Delete|Edit|Try it|Revoke|Request ID|Successful|Last used|Actions|Members|Remove|Tokens per day|Errors)\\b/;
            const found = {};
            for (const [kind, pattern] of Object.entries(patterns)) {
              const m = text.match(pattern);
              if (m) found[kind] = text.slice(Math.max(0, m.index - 40), m.index + m[0].length + 40);
            }
            return found;
            """;
}
