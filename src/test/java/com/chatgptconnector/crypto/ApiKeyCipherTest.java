package com.chatgptconnector.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ApiKeyCipherTest {

    private static final String WS = "ws-7f3a";
    private static final String OTHER_WS = "ws-7f3b";
    private static final String SHORT_KEY = "sk-a";
    private static final String LONG_KEY = "sk-proj-" + "Ab3dEf6hIj9lMn2pQr5tUv8xYz1BcD4fGh7jKl0nOp3rSt6vWx9zAb2dEf5hIj8lMn1pQr4tUv7xYz0BcD3fGh6jKl9n"
            + "Op2rSt5vWx8zAb1dEf4hIj7lMn0pQr3tUv6xYz9BcD2fGh5jKl8nOp1rSt4vWx7z";
    private static final Pattern FORMAT = Pattern.compile("^v1:[A-Za-z0-9_.-]+:[A-Za-z0-9_-]+$");

    private static final String K1 = b64(MasterKeyringTest.bytes(1, 32));
    private static final String K2 = b64(MasterKeyringTest.bytes(2, 32));

    private final MasterKeyring ring = MasterKeyring.parse("k1:" + K1, null);
    private final ApiKeyCipher cipher = new ApiKeyCipher(ring);

    private static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    private static byte[] payloadOf(String stored) {
        return Base64.getUrlDecoder().decode(stored.substring(stored.lastIndexOf(':') + 1));
    }

    private static String withPayload(String stored, byte[] payload) {
        return stored.substring(0, stored.lastIndexOf(':') + 1) + Base64.getUrlEncoder().withoutPadding().encodeToString(payload);
    }

    private UndecryptableValueException undecryptable(ApiKeyCipher c, String workspace, String stored) {
        return assertThrows(UndecryptableValueException.class, () -> c.decrypt(workspace, stored), () -> "accepted " + stored);
    }

    // --- round trip and format -----------------------------------------------------------

    @Test
    void roundTripsShortAndLongKeys() {
        for (String key : List.of(SHORT_KEY, LONG_KEY, "x", " padded with spaces ")) {
            String stored = cipher.encrypt(WS, key);
            assertEquals(key, cipher.decrypt(WS, stored));
            // nonce + ciphertext of the same length as the (ASCII) plaintext + tag
            assertEquals(12 + key.length() + 16, payloadOf(stored).length, stored);
        }
    }

    @Test
    void storedFormatIsVersionKeyIdAndUnpaddedBase64Url() {
        for (String key : List.of(SHORT_KEY, LONG_KEY, LONG_KEY + "x", LONG_KEY + "xy")) {
            String stored = cipher.encrypt(WS, key);
            assertTrue(FORMAT.matcher(stored).matches(), stored);
            assertTrue(stored.startsWith("v1:k1:"), stored);
            assertFalse(stored.contains("="), stored);
        }
    }

    @Test
    void sameValueEncryptsDifferentlyEachTimeAndBothDecrypt() {
        String first = cipher.encrypt(WS, LONG_KEY);
        String second = cipher.encrypt(WS, LONG_KEY);
        assertNotEquals(first, second);
        assertEquals(LONG_KEY, cipher.decrypt(WS, first));
        assertEquals(LONG_KEY, cipher.decrypt(WS, second));
    }

    @Test
    void everyEncryptionUsesAFreshNonce() {
        Set<String> nonces = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            byte[] payload = payloadOf(cipher.encrypt(WS, SHORT_KEY));
            nonces.add(Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(payload, 12)));
        }
        assertEquals(1000, nonces.size());
    }

    @Test
    void storedValueContainsNoPartOfThePlaintext() {
        String stored = cipher.encrypt(WS, LONG_KEY);
        assertFalse(stored.contains(LONG_KEY));
        for (int i = 0; i + 8 <= LONG_KEY.length(); i++) {
            String fragment = LONG_KEY.substring(i, i + 8);
            assertFalse(stored.contains(fragment), () -> "stored value contains '" + fragment + "'");
        }
    }

    @Test
    void rejectsMissingWorkspaceOrPlaintextWithoutQuotingThePlaintext() {
        for (String workspace : new String[] {null, "", "  "}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> cipher.encrypt(workspace, LONG_KEY));
            assertFalse(e.getMessage().contains("sk-proj"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> cipher.decrypt(workspace, cipher.encrypt(WS, LONG_KEY)));
        }
        assertThrows(IllegalArgumentException.class, () -> cipher.encrypt(WS, null));
        assertThrows(IllegalArgumentException.class, () -> cipher.encrypt(WS, ""));
        assertThrows(NullPointerException.class, () -> new ApiKeyCipher(null));
    }

    // --- tampering and binding -----------------------------------------------------------

    @Test
    void aFlippedBitAnywhereInThePayloadIsDetected() {
        String stored = cipher.encrypt(WS, "sk-test-0123456789");
        byte[] payload = payloadOf(stored);
        for (int bit = 0; bit < payload.length * 8; bit++) {
            byte[] tampered = payload.clone();
            tampered[bit / 8] ^= (byte) (1 << (bit % 8));
            UndecryptableValueException e = undecryptable(cipher, WS, withPayload(stored, tampered));
            assertEquals("authentication failed (tampered value, wrong workspace or wrong master key)", e.getMessage());
        }
        assertEquals("sk-test-0123456789", cipher.decrypt(WS, stored), "the untouched value still decrypts");
    }

    @Test
    void valueIsBoundToItsWorkspace() {
        String stored = cipher.encrypt(WS, LONG_KEY);
        for (String other : List.of(OTHER_WS, WS + " ", WS.toUpperCase(), "ws")) {
            UndecryptableValueException e = undecryptable(cipher, other, stored);
            assertTrue(e.getMessage().startsWith("authentication failed"), e.getMessage());
        }
    }

    @Test
    void unknownMasterKeyIdIsNamed() {
        String stored = cipher.encrypt(WS, LONG_KEY);
        String relabelled = "v1:k0:" + stored.substring("v1:k1:".length());
        UndecryptableValueException e = undecryptable(cipher, WS, relabelled);
        assertEquals("unknown master key id 'k0'", e.getMessage());
        assertEquals(Optional.of("k0"), cipher.masterKeyIdOf(relabelled));
        assertFalse(cipher.usesActiveKey(relabelled));
    }

    @Test
    void sameIdWithDifferentKeyBytesFailsAuthentication() {
        String stored = cipher.encrypt(WS, LONG_KEY);
        ApiKeyCipher impostor = new ApiKeyCipher(MasterKeyring.parse("k1:" + K2, null));
        UndecryptableValueException e = undecryptable(impostor, WS, stored);
        assertTrue(e.getMessage().startsWith("authentication failed"), e.getMessage());
    }

    @Test
    void corruptValuesAreRejectedWithAReason() {
        String valid = cipher.encrypt(WS, LONG_KEY);
        String payload = valid.substring("v1:k1:".length());
        byte[] raw = payloadOf(valid);
        String[][] cases = {
                {null, "malformed value (empty)"},
                {"", "malformed value (empty)"},
                {"v1:", "malformed value (expected v1:<keyId>:<payload>)"},
                {"v1:k1", "malformed value (expected v1:<keyId>:<payload>)"},
                {"v1:k1:", "malformed value (no payload)"},
                {"v1::" + payload, "malformed value (invalid master key id)"},
                {"v1:k1:" + payload + ":extra", "malformed value (expected v1:<keyId>:<payload>)"},
                {"v2:k1:AAAA", "malformed value (not a v1 value)"},
                {"V1:k1:" + payload, "malformed value (not a v1 value)"},
                {LONG_KEY, "malformed value (not a v1 value)"},
                {"v1:k1:!!!", "malformed value (payload is not base64url)"},
                {"v1:k1:" + payload + "+/", "malformed value (payload is not base64url)"},
                // a single dangling character cannot be base64 of anything
                {"v1:k1:" + payload.substring(0, payload.length() / 4 * 4) + "A", "malformed value (payload is not base64url)"},
                {"v1:k1:AAAA", "malformed value (payload too short)"},
                // nonce and tag but not a single ciphertext byte
                {withPayload(valid, java.util.Arrays.copyOf(raw, 28)), "malformed value (payload too short)"},
                {withPayload(valid, java.util.Arrays.copyOf(raw, 20)), "malformed value (payload too short)"},
                // long enough, but the tag is cut off
                {withPayload(valid, java.util.Arrays.copyOf(raw, raw.length - 1)),
                        "authentication failed (tampered value, wrong workspace or wrong master key)"},
                {valid.substring(0, valid.length() - 4),
                        "authentication failed (tampered value, wrong workspace or wrong master key)"},
                {" " + valid, "malformed value (not a v1 value)"},
        };
        for (String[] c : cases) {
            UndecryptableValueException e = undecryptable(cipher, WS, c[0]);
            assertEquals(c[1], e.getMessage(), () -> "for " + c[0]);
        }
    }

    @Test
    void messagesNeverQuoteStoredContentOtherThanAValidKeyId() {
        // a plaintext key pasted where a ciphertext belongs, in several shapes (real keys are far
        // longer than the 32 characters an id may have)
        for (String stored : List.of("v1:" + LONG_KEY + ":AAAA", "v1:" + LONG_KEY.substring(0, 51) + ":AAAA",
                LONG_KEY + ":k1:AAAA", "v1:k1:" + LONG_KEY)) {
            UndecryptableValueException e = undecryptable(cipher, WS, stored);
            assertFalse(e.getMessage().contains("sk-proj") || e.getMessage().contains("Ab3dEf6h"), e.getMessage());
        }
        // an ordinary-looking id up to 32 characters is quoted, a longer one is not
        assertEquals("unknown master key id 'retired.2024'", undecryptable(cipher, WS, "v1:retired.2024:AAAA").getMessage());
        assertEquals("malformed value (invalid master key id)",
                undecryptable(cipher, WS, "v1:abcdefghijklmnopqrstuvwxyz0123456:AAAA").getMessage());
    }

    // --- rotation ------------------------------------------------------------------------

    @Test
    void oldKeyStillDecryptsAndReencryptMovesToTheActiveKey() {
        String underOld = cipher.encrypt(WS, LONG_KEY);
        assertTrue(cipher.usesActiveKey(underOld));

        MasterKeyring rotated = MasterKeyring.parse("k1:" + K1 + ",k2:" + K2, "k2");
        ApiKeyCipher current = new ApiKeyCipher(rotated);
        assertEquals(LONG_KEY, current.decrypt(WS, underOld));
        assertFalse(current.usesActiveKey(underOld));
        assertEquals(Optional.of("k1"), current.masterKeyIdOf(underOld));

        String moved = current.reencrypt(WS, underOld);
        assertTrue(moved.startsWith("v1:k2:"), moved);
        assertTrue(current.usesActiveKey(moved));
        assertEquals(Optional.of("k2"), current.masterKeyIdOf(moved));
        assertEquals(LONG_KEY, current.decrypt(WS, moved));
        assertNotEquals(underOld.substring(6), moved.substring(6));

        // once k1 is retired, the moved value still decrypts and the old one names the missing key
        ApiKeyCipher retired = new ApiKeyCipher(MasterKeyring.parse("k2:" + K2, null));
        assertEquals(LONG_KEY, retired.decrypt(WS, moved));
        assertEquals("unknown master key id 'k1'", undecryptable(retired, WS, underOld).getMessage());
        // and the old ring cannot read the new value
        assertEquals("unknown master key id 'k2'", undecryptable(cipher, WS, moved).getMessage());
    }

    @Test
    void reencryptKeepsTheWorkspaceBindingAndRefusesBadValues() {
        ApiKeyCipher current = new ApiKeyCipher(MasterKeyring.parse("k1:" + K1 + ",k2:" + K2, "k2"));
        String underOld = cipher.encrypt(WS, SHORT_KEY);
        String moved = current.reencrypt(WS, underOld);
        undecryptable(current, OTHER_WS, moved);
        assertThrows(UndecryptableValueException.class, () -> current.reencrypt(OTHER_WS, underOld));
        assertThrows(UndecryptableValueException.class, () -> current.reencrypt(WS, "v1:k1:!!!"));
    }

    @Test
    void keyIdHelpersAreFalseOrEmptyForMalformedValues() {
        for (String bad : new String[] {null, "", "v1:", "v2:k1:AAAA", "v1:k1:", "nonsense"}) {
            assertFalse(cipher.usesActiveKey(bad), () -> "usesActiveKey(" + bad + ")");
            assertEquals(Optional.empty(), cipher.masterKeyIdOf(bad), () -> "masterKeyIdOf(" + bad + ")");
        }
        // the helpers only parse: an undecryptable payload under the active id still counts as active
        assertTrue(cipher.usesActiveKey("v1:k1:!!!"));
    }

    @Test
    void isSafeToShareBetweenThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                String workspace = "ws-" + t;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        String key = "sk-" + workspace + "-" + i;
                        if (!key.equals(cipher.decrypt(workspace, cipher.encrypt(workspace, key)))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertTrue(result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
