package com.chatgptconnector.workspace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.chatgptconnector.problem.ErrorCode;
import com.chatgptconnector.problem.ProblemException;
import com.chatgptconnector.workspace.WorkspaceAccess.Rule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkspaceAccessTest {

    /**
     * Rule × membership (NONE = not a member) × operator, all 30 cases written out. A non-member
     * who is not an operator must get 404 under every rule, so that probing workspace ids tells
     * nothing; an operator may know a workspace exists, so a refusal for them is 403.
     */
    @ParameterizedTest(name = "{0}, role {1}, operator {2} -> {3}")
    @CsvSource({
            "MEMBER,             NONE,   false, 404",
            "MEMBER,             MEMBER, false, ok",
            "MEMBER,             ADMIN,  false, ok",
            "MEMBER,             NONE,   true,  403",
            "MEMBER,             MEMBER, true,  ok",
            "MEMBER,             ADMIN,  true,  ok",

            "MEMBER_OR_OPERATOR, NONE,   false, 404",
            "MEMBER_OR_OPERATOR, MEMBER, false, ok",
            "MEMBER_OR_OPERATOR, ADMIN,  false, ok",
            "MEMBER_OR_OPERATOR, NONE,   true,  ok",
            "MEMBER_OR_OPERATOR, MEMBER, true,  ok",
            "MEMBER_OR_OPERATOR, ADMIN,  true,  ok",

            "ADMIN,              NONE,   false, 404",
            "ADMIN,              MEMBER, false, 403",
            "ADMIN,              ADMIN,  false, ok",
            "ADMIN,              NONE,   true,  403",
            "ADMIN,              MEMBER, true,  403",
            "ADMIN,              ADMIN,  true,  ok",

            "ADMIN_OR_OPERATOR,  NONE,   false, 404",
            "ADMIN_OR_OPERATOR,  MEMBER, false, 403",
            "ADMIN_OR_OPERATOR,  ADMIN,  false, ok",
            "ADMIN_OR_OPERATOR,  NONE,   true,  ok",
            "ADMIN_OR_OPERATOR,  MEMBER, true,  ok",
            "ADMIN_OR_OPERATOR,  ADMIN,  true,  ok",

            "OPERATOR,           NONE,   false, 404",
            "OPERATOR,           MEMBER, false, 403",
            "OPERATOR,           ADMIN,  false, 403",
            "OPERATOR,           NONE,   true,  ok",
            "OPERATOR,           MEMBER, true,  ok",
            "OPERATOR,           ADMIN,  true,  ok"})
    void decides(Rule rule, String membership, boolean operator, String expected) {
        WorkspaceRole role = membership.equals("NONE") ? null : WorkspaceRole.valueOf(membership);
        switch (expected) {
            case "ok" -> assertDoesNotThrow(() -> WorkspaceAccess.decide(rule, operator, role, "ws-42"));
            case "404" -> {
                ProblemException e = assertThrows(ProblemException.class, () -> WorkspaceAccess.decide(rule, operator, role, "ws-42"));
                assertEquals(ErrorCode.WORKSPACE_NOT_FOUND, e.code());
                // the text says "There is no workspace {0} that you have access to"
                assertArrayEquals(new Object[] {"ws-42"}, e.detailArgs());
            }
            case "403" -> {
                ProblemException e = assertThrows(ProblemException.class, () -> WorkspaceAccess.decide(rule, operator, role, "ws-42"));
                assertEquals(ErrorCode.FORBIDDEN, e.code());
            }
            default -> throw new IllegalArgumentException("bad table entry " + expected);
        }
    }
}
