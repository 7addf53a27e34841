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

    public static List<String> all() {
        return List.of(WORKSPACE_KEY, REPLACEMENT_KEY, VENDOR_KEY, PASTED_KEY, REJECTED_KEY);
    }

    private TestKeys() {
    }
}
