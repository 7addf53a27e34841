package com.chatgptconnector.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MasterKeyringTest {

    static byte[] bytes(int seed, int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (seed * 31 + i * 7 + 1);
        }
        return b;
    }

    static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    // deliberately full of '+' / '/' and '-' / '_' so both alphabets are really exercised
    static final byte[] K1 = new byte[32];
    static final byte[] K2 = bytes(2, 32);
    static final byte[] K3 = bytes(3, 32);

    static {
        java.util.Arrays.fill(K1, (byte) 0xfb);
    }

    private static byte[] encoded(MasterKeyring ring, String id) {
        return ring.key(id).orElseThrow().getEncoded();
    }

    @Test
    void singleKeyWithoutActiveIdBecomesActive() {
        MasterKeyring ring = MasterKeyring.parse("k1:" + b64(K1), null);
        assertEquals("k1", ring.activeKeyId());
        assertEquals(Set.of("k1"), ring.keyIds());
        assertArrayEquals(K1, encoded(ring, "k1"));
        assertEquals("AES", ring.key("k1").orElseThrow().getAlgorithm());
        assertEquals("k1", MasterKeyring.parse("k1:" + b64(K1), "   ").activeKeyId());
    }

    @Test
    void acceptsCommasWhitespaceAndBothBase64AlphabetsWithOrWithoutPadding() {
        String standardPadded = b64(K1);
        assertTrue(standardPadded.contains("+") || standardPadded.contains("/"), standardPadded);
        assertTrue(standardPadded.endsWith("="), standardPadded);
        String urlUnpadded = Base64.getUrlEncoder().withoutPadding().encodeToString(K1);
        assertTrue(urlUnpadded.contains("-") || urlUnpadded.contains("_"), urlUnpadded);
        String standardUnpadded = Base64.getEncoder().withoutPadding().encodeToString(K2);
        String urlPadded = Base64.getUrlEncoder().encodeToString(K3);

        MasterKeyring ring = MasterKeyring.parse(" a:" + standardPadded + " ,\n b.2:" + urlUnpadded
                + "\tc_3:" + standardUnpadded + ",,d-4:" + urlPadded + " ", "c_3");

        assertEquals(List.of("a", "b.2", "c_3", "d-4"), List.copyOf(ring.keyIds()));
        assertEquals("c_3", ring.activeKeyId());
        assertArrayEquals(K1, encoded(ring, "a"));
        assertArrayEquals(K1, encoded(ring, "b.2"));
        assertArrayEquals(K2, encoded(ring, "c_3"));
        assertArrayEquals(K3, encoded(ring, "d-4"));
    }

    @Test
    void activeIdIsTrimmedAndUnknownIdsHaveNoKey() {
        MasterKeyring ring = MasterKeyring.parse("k1:" + b64(K1) + ",k2:" + b64(K2), " k2 ");
        assertEquals("k2", ring.activeKeyId());
        assertTrue(ring.key("k3").isEmpty());
        assertTrue(ring.key(null).isEmpty());
        assertTrue(ring.key("K1").isEmpty(), "ids are case-sensitive");
    }

    @Test
    void isImmutable() {
        MasterKeyring ring = MasterKeyring.parse("k1:" + b64(K1), null);
        assertThrows(UnsupportedOperationException.class, () -> ring.keyIds().add("k2"));
        assertThrows(UnsupportedOperationException.class, () -> ring.keyIds().clear());
        byte[] leaked = ring.key("k1").orElseThrow().getEncoded();
        leaked[0] ^= 1;
        assertArrayEquals(K1, encoded(ring, "k1"), "a caller changing the returned bytes must not change the ring");
    }

    @Test
    void toStringListsIdsOnly() {
        String spec = "k1:" + b64(K1) + ",k2:" + b64(K2);
        String text = MasterKeyring.parse(spec, "k2").toString();
        assertTrue(text.contains("k1") && text.contains("k2"), text);
        assertNoKeyMaterial(text, spec);
    }

    @Test
    void developmentKeyringIsAValidSingleKeyRing() {
        MasterKeyring ring = MasterKeyring.parse(MasterKeyring.DEVELOPMENT_KEYRING, null);
        assertEquals("dev", ring.activeKeyId());
        assertEquals(32, encoded(ring, "dev").length);
        assertTrue(ring.containsDevelopmentKey());
    }

    @Test
    void developmentKeyIsRecognisedUnderAnyId() {
        String devBase64 = MasterKeyring.DEVELOPMENT_KEYRING.substring("dev:".length());
        String devUrlSafe = Base64.getUrlEncoder().withoutPadding().encodeToString(Base64.getDecoder().decode(devBase64));
        assertTrue(MasterKeyring.parse("k1:" + b64(K1) + ",prod:" + devBase64, "k1").containsDevelopmentKey());
        assertTrue(MasterKeyring.parse("other:" + devUrlSafe, null).containsDevelopmentKey());
    }

    @Test
    void randomKeysAreNotTheDevelopmentKey() {
        assertFalse(MasterKeyring.parse("k1:" + b64(K1) + " k2:" + b64(K2), "k1").containsDevelopmentKey());
        byte[] random = new byte[32];
        new java.security.SecureRandom().nextBytes(random);
        // an id of "dev" alone does not make a key the development key
        assertFalse(MasterKeyring.parse("dev:" + b64(random), null).containsDevelopmentKey());
    }

    // --- configuration errors ------------------------------------------------------------

    private static CryptoConfigurationException rejected(String spec, String active) {
        return assertThrows(CryptoConfigurationException.class, () -> MasterKeyring.parse(spec, active));
    }

    /** Neither the whole value nor any 8-character run of any base64 in the config may leak. */
    static void assertNoKeyMaterial(String message, String... configValues) {
        for (String value : configValues) {
            if (value == null) {
                continue;
            }
            for (String token : value.split("[,\\s:]+")) {
                for (int i = 0; i + 8 <= token.length(); i++) {
                    String fragment = token.substring(i, i + 8);
                    assertFalse(message.contains(fragment), () -> "message leaks '" + fragment + "': " + message);
                }
            }
        }
    }

    @Test
    void wrongKeyLengthIsRejected() {
        String spec = "short:" + b64(bytes(9, 16));
        CryptoConfigurationException e = rejected(spec, null);
        assertEquals("connector.crypto.keyring: key 'short' has 16 bytes, but AES-256 needs exactly 32 "
                + "(openssl rand -base64 32)", e.getMessage());
        assertNoKeyMaterial(e.getMessage(), spec);

        String tooLong = "k1:" + b64(K1) + ",long:" + b64(bytes(9, 33));
        e = rejected(tooLong, "k1");
        assertTrue(e.getMessage().contains("'long' has 33 bytes"), e.getMessage());
        assertNoKeyMaterial(e.getMessage(), tooLong);

        e = rejected("k1:", null);
        assertTrue(e.getMessage().contains("'k1' has 0 bytes"), e.getMessage());
    }

    @Test
    void duplicateIdIsRejected() {
        String spec = "k1:" + b64(K1) + ", k1:" + b64(K2);
        CryptoConfigurationException e = rejected(spec, "k1");
        assertEquals("connector.crypto.keyring: key id 'k1' appears more than once", e.getMessage());
        assertNoKeyMaterial(e.getMessage(), spec);
    }

    @Test
    void badBase64IsRejected() {
        String spec = "k1:" + b64(K1) + ",k2:AAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
        CryptoConfigurationException e = rejected(spec, "k1");
        assertEquals("connector.crypto.keyring: key 'k2' is not valid base64", e.getMessage());
        assertNoKeyMaterial(e.getMessage(), spec);

        // '+' and '-' together belong to neither alphabet
        String mixed = "k3:" + b64(K1).replace('/', '-');
        e = rejected(mixed, null);
        assertEquals("connector.crypto.keyring: key 'k3' is not valid base64", e.getMessage());
        assertNoKeyMaterial(e.getMessage(), mixed);
    }

    @Test
    void entryWithoutIdOrWithInvalidIdIsRejectedWithoutQuotingIt() {
        // a bare key pasted without an id: its text must not appear in the message
        String bare = b64(K2);
        CryptoConfigurationException e = rejected(bare, null);
        assertEquals("connector.crypto.keyring: entry #1 has no ':'; every entry must be id:base64", e.getMessage());
        assertNoKeyMaterial(e.getMessage(), bare);

        String badId = "k1:" + b64(K1) + " bad/id!:" + b64(K2);
        e = rejected(badId, "k1");
        assertTrue(e.getMessage().startsWith("connector.crypto.keyring: entry #2 has an invalid key id"), e.getMessage());
        assertNoKeyMaterial(e.getMessage(), badId);

        e = rejected("abcdefghijklmnopqrstuvwxyz0123456:" + b64(K1), null);
        assertTrue(e.getMessage().contains("invalid key id"), "ids are at most 32 characters: " + e.getMessage());
        assertFalse(e.getMessage().contains("abcdefgh"), e.getMessage());
    }

    @Test
    void activeIdNotInRingIsRejected() {
        String spec = "k1:" + b64(K1) + ",k2:" + b64(K2);
        CryptoConfigurationException e = rejected(spec, "k3");
        assertEquals("connector.crypto.active-key 'k3' is not in connector.crypto.keyring, which holds [k1, k2]",
                e.getMessage());
        assertNoKeyMaterial(e.getMessage(), spec);
    }

    @Test
    void keyPastedAsActiveIdIsNotEchoed() {
        String spec = "k1:" + b64(K1);
        String pasted = b64(K2);
        CryptoConfigurationException e = rejected(spec, pasted);
        assertTrue(e.getMessage().startsWith("connector.crypto.active-key is not a valid key id"), e.getMessage());
        assertTrue(e.getMessage().contains("[k1]"), e.getMessage());
        assertNoKeyMaterial(e.getMessage(), spec, pasted);
    }

    @Test
    void twoKeysWithoutActiveIdAreRejected() {
        String spec = "k1:" + b64(K1) + " k2:" + b64(K2);
        for (String active : new String[] {null, "", "  "}) {
            CryptoConfigurationException e = rejected(spec, active);
            assertEquals("connector.crypto.active-key must name one of the keys [k1, k2] in connector.crypto.keyring "
                    + "when the keyring holds more than one", e.getMessage());
            assertNoKeyMaterial(e.getMessage(), spec);
        }
    }

    @Test
    void emptySpecIsRejected() {
        for (String spec : new String[] {null, "", "   ", " , ,\n"}) {
            CryptoConfigurationException e = rejected(spec, "k1");
            assertTrue(e.getMessage().startsWith("connector.crypto.keyring is empty"), e.getMessage());
        }
    }

    @Test
    void configurationErrorIsUnchecked() {
        RuntimeException e = rejected("", null);
        assertTrue(e instanceof IllegalStateException);
    }
}
