package com.chatgptconnector.it;

import java.util.List;

/**
 * The API keys the integration tests store. They look like real OpenAI keys, so a leak into a
 * response, a column or a log line would be found by {@code ServerLogSecretScanIT} and the
 * column check. Built from parts so that this source file does not itself look like a key.
 */
public final class TestKeys {

    public static final String WORKSPACE_KEY = "sk-proj-" + "ItWorkspaceKey0000" + "AaBbCcDdEeFfGgHh1234";
    public static final String REPLACEMENT_KEY = "sk-proj-" + "ItReplacementKey00" + "ZzYyXxWwVvUu9876";
    public static final String VENDOR_KEY = "sk-svcacct-" + "ItVendorKey000000" + "QqRrSsTt5555";
    public static final String PASTED_KEY = "sk-" + "ItPastedWithNewline" + "Mm77Nn88";
    public static final String REJECTED_KEY = "sk-proj-" + "ItRejectedBearer00" + "Kk11Ll22";

    // keys the fake OpenAI answers in one particular way (OpenAiConnectionIT)
    public static final String GOOD = "sk-proj-" + "FakeGoodKey000000" + "Good1111";
    public static final String REVOKED = "sk-proj-" + "FakeRevokedKey000" + "Rvkd2222";
    public static final String NO_CREDIT = "sk-proj-" + "FakeNoCreditKey00" + "Qota3333";
    public static final String RESTRICTED = "sk-proj-" + "FakeRestrictedKey" + "Rstr4444";
    public static final String RATE_LIMITED = "sk-proj-" + "FakeRateLimited00" + "Rate5555";
    public static final String RATE_LIMITED_LONG = "sk-proj-" + "FakeRateLimitLong" + "Long6666";
    public static final String DOWN = "sk-proj-" + "FakeDownKey000000" + "Down7777";
    public static final String SLOW = "sk-proj-" + "FakeSlowKey000000" + "Slow8888";
    public static final String RESET = "sk-proj-" + "FakeResetKey00000" + "Rset9999";
    public static final String EMPTY = "sk-proj-" + "FakeEmptyKey00000" + "Empt0000";
    public static final String MALFORMED = "sk-proj-" + "FakeMalformedKey0" + "Malf1212";
    public static final String BAD_REQUEST = "sk-proj-" + "FakeBadRequestKey" + "Badr1313";
    public static final String TEAPOT = "sk-proj-" + "FakeTeapotKey0000" + "Teap1414";

    public static List<String> all() {
        return List.of(WORKSPACE_KEY, REPLACEMENT_KEY, VENDOR_KEY, PASTED_KEY, REJECTED_KEY, GOOD, REVOKED, NO_CREDIT,
                RESTRICTED, RATE_LIMITED, RATE_LIMITED_LONG, DOWN, SLOW, RESET, EMPTY, MALFORMED, BAD_REQUEST, TEAPOT);
    }

    private TestKeys() {
    }
}
