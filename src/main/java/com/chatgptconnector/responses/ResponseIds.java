package com.chatgptconnector.responses;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.util.regex.Pattern;

/**
 * The Responses API ids each workspace created. A workspace's endpoint reads, deletes, cancels or
 * continues ({@code previous_response_id}) only these; any other id answers as one that does not
 * exist, whichever workspace created it.
 */
@ApplicationScoped
public class ResponseIds {

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(ResponseIds.class.getName());

    /** OpenAI's ids are letters, digits, underscores and dashes; anything else is no id of ours. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,100}");

    @Inject
    ResponseIdRepository repository;

    /** Remembers a response this workspace created (called before its id reaches the caller). */
    public void created(String workspaceId, String responseId) {
        if (responseId == null || !ID.matcher(responseId).matches()) {
            return;
        }
        try {
            repository.insert(workspaceId, responseId);
        } catch (PersistenceException taken) {
            // OpenAI's ids are unique, so the same workspace named it before; if another did, the
            // first keeps it and this one cannot reach it (fail closed), and the answer still goes out
            if (!repository.owned(workspaceId, responseId)) {
                LOG.warning(() -> "Response id " + responseId + " already belongs to another workspace than " + workspaceId);
            }
        }
    }

    /** Whether this workspace created the response; a malformed id never was. */
    public boolean owns(String workspaceId, String responseId) {
        return responseId != null && ID.matcher(responseId).matches() && repository.owned(workspaceId, responseId);
    }

    public void deleted(String workspaceId, String responseId) {
        repository.delete(workspaceId, responseId);
    }

    /** Created at deployment: {@link #created} is called on the threads that complete calls to OpenAI. */
    void createAtStartup(@Observes Startup startup) {
        // the observer alone instantiates the bean
    }
}
