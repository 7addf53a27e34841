package com.chatgptconnector.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.chatgptconnector.problem.ErrorCode;
import com.chatgptconnector.problem.ProblemException;
import com.chatgptconnector.workspace.WorkspaceAccess.Rule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkspaceAccessTest {

    /** rule, caller's role (NONE: not a member), operator?, expected (ok / 404 / 403). */
    @ParameterizedTest(name = "{0} as {1} operator={2} -> {3}")
    @CsvSource({
            "MEMBER,             NONE,   false, 404", "MEMBER,             MEMBER, false, ok",  "MEMBER,             ADMIN,  false, ok",
            "MEMBER,             NONE,   true,  403", "MEMBER,             MEMBER, true,  ok",
            "MEMBER_OR_OPERATOR, NONE,   false, 404", "MEMBER_OR_OPERATOR, MEMBER, false, ok",  "MEMBER_OR_OPERATOR, NONE,   true,  ok",
            "ADMIN,              NONE,   false, 404", "ADMIN,              MEMBER, false, 403", "ADMIN,              ADMIN,  false, ok",
            "ADMIN,              NONE,   true,  403", "ADMIN,              ADMIN,  true,  ok",
            "ADMIN_OR_OPERATOR,  NONE,   false, 404", "ADMIN_OR_OPERATOR,  MEMBER, false, 403", "ADMIN_OR_OPERATOR,  ADMIN,  false, ok",
            "ADMIN_OR_OPERATOR,  NONE,   true,  ok",  "ADMIN_OR_OPERATOR,  MEMBER, true,  ok",
            "OPERATOR,           NONE,   false, 404", "OPERATOR,           ADMIN,  false, 403", "OPERATOR,           MEMBER, false, 403",
            "OPERATOR,           NONE,   true,  ok"})
    void decides(Rule rule, String role, boolean operator, String expected) {
        WorkspaceRole member = role.equals("NONE") ? null : WorkspaceRole.valueOf(role);
        if (expected.equals("ok")) {
            WorkspaceAccess.decide(rule, operator, member, "ws-1");
            return;
        }
        ProblemException refused = assertThrows(ProblemException.class, () -> WorkspaceAccess.decide(rule, operator, member, "ws-1"));
        assertEquals(expected.equals("404") ? ErrorCode.WORKSPACE_NOT_FOUND : ErrorCode.FORBIDDEN, refused.code());
    }
}
