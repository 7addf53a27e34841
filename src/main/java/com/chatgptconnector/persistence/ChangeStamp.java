package com.chatgptconnector.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;

/**
 * The database's change stamp (migrations V3, V4): a counter that every statement changing users,
 * workspaces, memberships, ChatGPT settings, building blocks or API tokens raises in its own
 * transaction, by trigger, so no write path can forget it and every instance sees it. A request
 * reads it once; rows cached under the same stamp ({@link StampedCache}) are then exactly what a
 * read would find, which leaves a request this one read without ever serving a stale role,
 * token, key state or prompt.
 */
@ApplicationScoped
public class ChangeStamp {

    @Inject
    RowReader rows;

    @Inject
    RequestChangeStamp request;

    /** The stamp as this request first read it; a database failure is a {@link PersistenceException}. */
    public long current() {
        try {
            Long known = request.value();
            if (known != null) {
                return known;
            }
            long read = read();
            request.remember(read);
            return read;
        } catch (ContextNotActiveException outsideARequest) {
            return read();
        }
    }

    private long read() {
        return rows.first("select stamp from change_stamp where id = 1", row -> row.getLong(1))
                .orElseThrow(() -> new PersistenceException("the change stamp row is missing"));
    }
}
