package com.chatgptconnector.persistence;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The one JDBC data source class behind the container's connection pool. It picks the driver
 * from the configured URL, so switching from the embedded H2 to PostgreSQL takes nothing but
 * {@code connector.datasource.url}, {@code .user} and {@code .password}. Payara resolves the
 * {@code MPCONFIG} expressions of the declaration and sets the properties through the setters;
 * WildFly resolves none of them, so whatever arrives unset or unresolved is read from
 * MicroProfile Config here, with the class's own class loader (the pool's threads may carry the
 * server's). One code path on both servers (docs/adr/0025-one-war-on-payara-and-wildfly.md).
 */
public class ConfiguredDataSource implements DataSource {

    private String url;
    private String user;
    private String password;
    private volatile DataSource delegate;
    private int loginTimeout;

    public void setUrl(String url) {
        this.url = url;
    }

    public void setURL(String url) {
        this.url = url;
    }

    public String getUrl() {
        return url;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getUser() {
        return user;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    // The pool passes the annotation's defaults for these; the URL already says everything.
    public void setServerName(String ignored) {
    }

    public void setDatabaseName(String ignored) {
    }

    public void setPortNumber(int ignored) {
    }

    private DataSource delegate() throws SQLException {
        DataSource d = delegate;
        if (d == null) {
            synchronized (this) {
                d = delegate;
                if (d == null) {
                    d = create();
                    delegate = d;
                }
            }
        }
        return d;
    }

    /** A value the container passed, or the configured one where it passed nothing usable. */
    static String resolve(String given, String key) {
        if (given != null && !given.isBlank() && !given.startsWith("${")) {
            return given;
        }
        return org.eclipse.microprofile.config.ConfigProvider.getConfig(ConfiguredDataSource.class.getClassLoader())
                .getOptionalValue(key, String.class).orElse(null);
    }

    private DataSource create() throws SQLException {
        String url = resolve(this.url, "connector.datasource.url");
        String user = resolve(this.user, "connector.datasource.user");
        String password = resolve(this.password, "connector.datasource.password");
        if (url == null || url.isBlank()) {
            throw new SQLException("connector.datasource.url is not set");
        }
        if (url.startsWith("jdbc:h2:")) {
            org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
            h2.setURL(url);
            h2.setUser(user);
            h2.setPassword(password == null ? "" : password);
            return h2;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            org.postgresql.ds.PGSimpleDataSource pg = new org.postgresql.ds.PGSimpleDataSource();
            pg.setUrl(url);
            pg.setUser(user);
            pg.setPassword(password);
            return pg;
        }
        throw new SQLException("Unsupported database URL prefix; use jdbc:h2: or jdbc:postgresql:");
    }

    @Override
    public Connection getConnection() throws SQLException {
        return delegate().getConnection();
    }

    @Override
    public Connection getConnection(String username, String pass) throws SQLException {
        // WildFly's pool passes the declaration's user and password as they stand, unresolved
        return delegate().getConnection(resolve(username, "connector.datasource.user"),
                resolve(pass, "connector.datasource.password"));
    }

    @Override
    public PrintWriter getLogWriter() {
        return DriverManager.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // the drivers log through their own loggers
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        return delegate().unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || delegate().isWrapperFor(iface);
    }
}
