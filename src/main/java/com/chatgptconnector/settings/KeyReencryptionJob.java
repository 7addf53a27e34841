package com.chatgptconnector.settings;

import com.chatgptconnector.crypto.ApiKeyCipher;
import com.chatgptconnector.settings.ChatGptSettingsService.ReencryptionOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * After a master key rotation (a new {@code connector.crypto.active-key}), moves every stored
 * key to the active master key. Runs at start-up and on an operator's request; the old key
 * must stay in the keyring until a run reports nothing left to move.
 */
@ApplicationScoped
public class KeyReencryptionJob {

    /** Keys moved to the active master key, and keys found undecryptable (now "must be re-entered"). */
    public record Result(int reencrypted, int unreadable) {
    }

    private static final Logger LOG = Logger.getLogger(KeyReencryptionJob.class.getName());

    @Inject
    WorkspaceSettingsRepository repository;

    @Inject
    ChatGptSettingsService service;

    @Inject
    ApiKeyCipher cipher;

    public Result run() {
        int reencrypted = 0;
        int unreadable = 0;
        for (Object[] row : repository.storedKeys()) {
            if (cipher.usesActiveKey((String) row[1])) {
                continue;
            }
            ReencryptionOutcome outcome = service.reencrypt((String) row[0]);
            if (outcome == ReencryptionOutcome.REENCRYPTED) {
                reencrypted++;
            } else if (outcome == ReencryptionOutcome.UNREADABLE) {
                unreadable++;
            }
        }
        Result result = new Result(reencrypted, unreadable);
        LOG.info(() -> "Key re-encryption: " + result.reencrypted() + " key(s) moved to the active master key, "
                + result.unreadable() + " undecryptable");
        return result;
    }
}
