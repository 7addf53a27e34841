package com.chatgptconnector.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The triggers behind {@link ChangeStamp}, on the real migrations: on H2 always, and on
 * PostgreSQL in the CI run that passes its URL ({@code -Ppostgres}), in a schema of its own.
 */
class ChangeStampTriggersTest {

    static Stream<Arguments> databases() throws SQLException {
        List<Arguments> databases = new ArrayList<>();
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:stamp-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        databases.add(Arguments.of("H2", h2));
        String url = System.getProperty("it.db.url", "");
        if (url.startsWith("jdbc:postgresql:")) {
            // a schema next to the run's own, so runs in two checkouts on one server never meet
            java.util.regex.Matcher current = java.util.regex.Pattern.compile("[?&]currentSchema=([A-Za-z0-9_]+)").matcher(url);
            String schema = (current.find() ? current.group(1) : "connector") + "_stamp_test";
            PGSimpleDataSource pg = new PGSimpleDataSource();
            pg.setURL(url.replaceAll("([?&])currentSchema=[^&]*&?", "$1").replaceAll("[?&]$", ""));
            pg.setUser(System.getProperty("it.db.user"));
            pg.setPassword(System.getProperty("it.db.password"));
            try (Connection c = pg.getConnection(); Statement s = c.createStatement()) {
                s.execute("drop schema if exists " + schema + " cascade");
                s.execute("create schema " + schema);
            }
            pg.setCurrentSchema(schema);
            databases.add(Arguments.of("PostgreSQL", pg));
        }
        return databases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void everyChangeToUsersWorkspacesMembersSettingsBlocksOrTokensRaisesTheStampAndRequestTrafficDoesNot(String name, DataSource db)
            throws SQLException {
        DatabaseMigration migration = new DatabaseMigration();
        migration.dataSource = db;
        migration.migrate();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            String ws = UUID.randomUUID().toString();
            String now = "current_timestamp";
            raises(s, "insert into app_user (id, username, password_hash, operator, created_at, version) values (1, 'ada', 'hash', false, " + now + ", 1)");
            raises(s, "update app_user set password_hash = 'new' where id = 1");
            raises(s, "insert into workspace values ('" + ws + "', 'w', " + now + ", 1)");
            raises(s, "insert into workspace_member values ('" + ws + "', 1, 'MEMBER', " + now + ")");
            raises(s, "update workspace_member set role = 'ADMIN' where user_id = 1");
            raises(s, "insert into chatgpt_settings (workspace_id, status, key_source, key_unreadable, updated_at, version) "
                    + "values ('" + ws + "', 'NOT_ACTIVATED', 'NONE', false, " + now + ", 1)");
            raises(s, "update chatgpt_settings set status = 'ACTIVE' where workspace_id = '" + ws + "'");
            raises(s, "insert into building_block (id, workspace_id, name, model, user_prompt, response_format, created_at, "
                    + "updated_at, version) values ('b1', '" + ws + "', 'n', 'gpt-4o-mini', 'Say hi', 'TEXT', " + now + ", " + now + ", 1)");
            raises(s, "update building_block set user_prompt = 'Say ho' where id = 'b1'");
            raises(s, "delete from building_block where id = 'b1'");
            raises(s, "delete from workspace_member where user_id = 1");
            raises(s, "insert into workspace_api_token (id, workspace_id, name, token_hash, token_prefix, created_at, created_by) "
                    + "values ('t1', '" + ws + "', 'n', 'hash', 'cct_ab', " + now + ", 'ada')");
            long beforeUse = stamp(s);
            assertEquals(1, s.executeUpdate("update workspace_api_token set last_used_at = " + now + " where id = 't1'"));
            assertEquals(beforeUse, stamp(s), name + ": a token's last use, written by requests, leaves the stamp");
            raises(s, "update workspace_api_token set revoked_at = " + now + " where id = 't1'");
            raises(s, "delete from workspace_api_token where id = 't1'");

            // what requests write leaves every cache valid
            long before = stamp(s);
            s.executeUpdate("insert into usage_record (id, workspace_id, block_id, actor, model, prompt_tokens, completion_tokens, "
                    + "outcome, latency_ms, openai_request_id, occurred_at, endpoint) values (1, '" + ws
                    + "', null, 'ada', 'gpt-4o-mini', 1, 1, 'ok', 5, null, " + now + ", 'responses')");
            s.executeUpdate("insert into openai_response values ('resp_1', '" + ws + "', " + now + ")");
            s.executeUpdate("insert into token_budget values ('" + ws + "', '2026-11', 0, 10)");
            s.executeUpdate("update token_budget set reserved = 0, used = 10");
            s.executeUpdate("insert into audit_event values (1, '" + ws + "', 'ada', 'X', null, " + now + ")");
            assertEquals(before, stamp(s), name + ": usage, budgets, response ids and audit do not raise the stamp");

            // the stamp is part of the writer's transaction: a rollback takes it back
            c.setAutoCommit(false);
            s.executeUpdate("update app_user set operator = true where id = 1");
            c.rollback();
            c.setAutoCommit(true);
            assertEquals(before, stamp(s), name + ": a rolled-back change leaves the stamp");

            raises(s, "delete from workspace where id = '" + ws + "'");
        }
    }

    private static void raises(Statement s, String change) throws SQLException {
        long before = stamp(s);
        assertEquals(1, s.executeUpdate(change), change);
        assertTrue(stamp(s) > before, () -> "stamp not raised by: " + change);
    }

    private static long stamp(Statement s) throws SQLException {
        try (ResultSet row = s.executeQuery("select stamp from change_stamp where id = 1")) {
            row.next();
            return row.getLong(1);
        }
    }
}
