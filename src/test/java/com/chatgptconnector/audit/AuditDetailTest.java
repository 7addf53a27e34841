package com.chatgptconnector.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditDetailTest {

    @Test
    void everyDetailTheServicesWriteBecomesNamedValues() {
        assertEquals(Map.of("status", "ACTIVE"), AuditDetail.parse("status=ACTIVE"));
        assertEquals(Map.of("user", "anna", "role", "ADMIN"), AuditDetail.parse("user=anna, role=ADMIN"));
        assertEquals(Map.of("source", "WORKSPACE", "organizationId", "org-1"),
                AuditDetail.parse("source=WORKSPACE, organizationId=org-1, projectId=null"), "null values are left out");
        assertEquals(Map.of("tokenLimit", "5000", "allowedModels", "gpt-4o-mini, gpt-4o"),
                AuditDetail.parse("tokenLimit=5000, allowedModels=[gpt-4o-mini, gpt-4o]"));
        assertEquals(Map.of("allowedModels", ""), AuditDetail.parse("tokenLimit=null, allowedModels=[]"));
        assertEquals(Map.of("reason", "deactivated"), AuditDetail.parse("reason=deactivated"));
    }

    @Test
    void aValueWithCommasOrEqualSignsStaysWhole() {
        assertEquals(Map.of("name", "Sales, Europe"), AuditDetail.parse("name=Sales, Europe"));
        assertEquals(Map.of("block", "a=b, c"), AuditDetail.parse("block=a=b, c"));
        assertEquals(Map.of("reason", "tag mismatch, key v2"), AuditDetail.parse("reason=tag mismatch, key v2"));
    }

    @Test
    void keysKeepTheirOrder() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("user", "bob");
        expected.put("role", "MEMBER");
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(AuditDetail.parse("user=bob, role=MEMBER").keySet()));
    }

    @Test
    void anUnknownFormatIsKeptAsText() {
        assertEquals(Map.of(), AuditDetail.parse(null));
        assertEquals(Map.of("text", "something else"), AuditDetail.parse("something else"));
        assertEquals(Map.of("text", "x, user=bob"), AuditDetail.parse("x, user=bob"));
    }
}
