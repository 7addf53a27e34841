package com.chatgptconnector.settings;

import com.chatgptconnector.audit.AuditAction;
import com.chatgptconnector.audit.AuditService;
import com.chatgptconnector.crypto.ApiKeyCipher;
import com.chatgptconnector.crypto.UndecryptableValueException;
import com.chatgptconnector.openai.OpenAiCredentials;
import com.chatgptconnector.problem.ErrorCode;
import com.chatgptconnector.problem.MessageText;
import com.chatgptconnector.problem.ProblemException;
import com.chatgptconnector.settings.CredentialsValidator.Credentials;
import com.chatgptconnector.settings.SettingsLifecycle.Transition;
import com.chatgptconnector.workspace.WorkspaceAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The ChatGPT settings of workspaces: activation lifecycle, credentials and their encryption.
 * Callers have already passed {@code WorkspaceAccess}; this class enforces the state rules.
 */
@ApplicationScoped
public class ChatGptSettingsService {

    private static final Logger LOG = Logger.getLogger(ChatGptSettingsService.class.getName());

    @Inject
    WorkspaceSettingsRepository repository;

    @Inject
    AuditService audit;

    @Inject
    ApiKeyCipher cipher;

    @Inject
    Event<PolicyChanged> policyChanged;

    /** Creates the DISABLED settings row of a new workspace; returns its status. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String initialize(String workspaceId) {
        ChatGptSettings settings = new ChatGptSettings(workspaceId, now());
        repository.add(settings);
        return settings.status().name();
    }

    public Map<String, String> statuses(List<String> workspaceIds) {
        Map<String, String> statuses = new HashMap<>();
        repository.findAll(workspaceIds).forEach(s -> statuses.put(s.workspaceId(), s.status().name()));
        return statuses;
    }

    public SettingsView view(String workspaceId) {
        return SettingsView.of(load(workspaceId));
    }

    @Transactional
    public SettingsView transition(String workspaceId, Transition transition, Long expectedVersion, String actor) {
        ChatGptSettings settings = load(workspaceId);
        checkVersion(settings, expectedVersion);
        SettingsStatus next = SettingsLifecycle.apply(settings.status(), transition);
        settings.changeStatus(next, actor, now());
        audit.record(workspaceId, actor, switch (transition) {
            case REQUEST_ACTIVATION -> AuditAction.ACTIVATION_REQUESTED;
            case ACTIVATE -> AuditAction.ACTIVATED;
            case SUSPEND -> AuditAction.SUSPENDED;
            case DEACTIVATE -> AuditAction.DEACTIVATED;
        }, "status=" + next);
        if (transition == Transition.DEACTIVATE && settings.hasKey()) {
            // switched off entirely: the key goes too (a suspension keeps it)
            settings.removeKey(actor, now());
            audit.record(workspaceId, actor, AuditAction.KEY_REMOVED, "reason=deactivated");
        }
        repository.flush();
        return SettingsView.of(settings);
    }

    /** Refuses early what {@link #storeCredentials} would refuse, before OpenAI is asked about a key. */
    public void requireWritable(String workspaceId, long expectedVersion) {
        ChatGptSettings settings = load(workspaceId);
        checkVersion(settings, expectedVersion);
        requireActive(settings);
    }

    @Transactional
    public SettingsView storeCredentials(String workspaceId, Credentials credentials, KeySource source,
                                         long expectedVersion, String actor) {
        ChatGptSettings settings = load(workspaceId);
        checkVersion(settings, expectedVersion);
        requireActive(settings);
        boolean replacing = settings.hasKey();
        settings.storeKey(cipher.encrypt(workspaceId, credentials.apiKey()), credentials.hint(), source,
                credentials.organizationId(), credentials.projectId(), actor, now());
        audit.record(workspaceId, actor, replacing ? AuditAction.KEY_REPLACED : AuditAction.KEY_STORED,
                "source=" + source + ", organizationId=" + credentials.organizationId() + ", projectId=" + credentials.projectId());
        repository.flush();
        return SettingsView.of(settings);
    }

    @Transactional
    public SettingsView removeCredentials(String workspaceId, Long expectedVersion, String actor) {
        ChatGptSettings settings = load(workspaceId);
        checkVersion(settings, expectedVersion);
        if (settings.hasKey()) {
            settings.removeKey(actor, now());
            audit.record(workspaceId, actor, AuditAction.KEY_REMOVED, "reason=removed");
            repository.flush();
        }
        return SettingsView.of(settings);
    }

    /** Sets the monthly token limit (null: none) and the allowed models (empty: all). */
    @Transactional
    public SettingsView updatePolicy(String workspaceId, Long tokenLimit, List<String> allowedModels, long expectedVersion, String actor) {
        ChatGptSettings settings = load(workspaceId);
        checkVersion(settings, expectedVersion);
        settings.changePolicy(tokenLimit, allowedModels, now());
        policyChanged.fire(new PolicyChanged(workspaceId));
        audit.record(workspaceId, actor, AuditAction.POLICY_CHANGED, "tokenLimit=" + tokenLimit + ", allowedModels=" + allowedModels);
        repository.flush();
        return SettingsView.of(settings);
    }

    /**
     * Everything a call to OpenAI needs, read and decrypted from the database. Requests go through
     * {@link ActiveSettingsCache}, which calls this only when the row has changed.
     */
    @Transactional(value = Transactional.TxType.REQUIRES_NEW, dontRollbackOn = ProblemException.class)
    public ActiveSettings forUse(String workspaceId) {
        ChatGptSettings settings = load(workspaceId);
        return new ActiveSettings(credentialsOf(settings), settings.monthlyTokenLimit(), settings.allowedModels(), settings.version());
    }

    /**
     * The workspace's key for a call to OpenAI. Refuses unless ChatGPT is active and a readable
     * key is stored; a key that no longer decrypts is marked "must be re-entered", never used.
     */
    @Transactional(value = Transactional.TxType.REQUIRES_NEW, dontRollbackOn = ProblemException.class)
    public OpenAiCredentials credentialsForUse(String workspaceId) {
        return credentialsOf(load(workspaceId));
    }

    /**
     * The refusals are thrown without rolling back (see {@code dontRollbackOn} on the callers):
     * marking an undecryptable key "must be re-entered" has to survive the refusal it causes.
     */
    private OpenAiCredentials credentialsOf(ChatGptSettings settings) {
        String workspaceId = settings.workspaceId();
        requireActive(settings);
        if (!settings.hasKey()) {
            throw new ProblemException(ErrorCode.API_KEY_MISSING);
        }
        if (settings.keyUnreadable()) {
            throw new ProblemException(ErrorCode.API_KEY_UNREADABLE);
        }
        try {
            return new OpenAiCredentials(cipher.decrypt(workspaceId, settings.encryptedKey()),
                    settings.organizationId(), settings.projectId());
        } catch (UndecryptableValueException e) {
            markUnreadable(settings, e);
            throw new ProblemException(ErrorCode.API_KEY_UNREADABLE);
        }
    }

    /** What re-encryption did to one stored key. */
    public enum ReencryptionOutcome { UNCHANGED, REENCRYPTED, UNREADABLE }

    /**
     * Moves one workspace's key to the active master key. Runs in its own transaction, so one
     * bad row does not hold up the others.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public ReencryptionOutcome reencrypt(String workspaceId) {
        ChatGptSettings settings = load(workspaceId);
        if (!settings.hasKey() || settings.keyUnreadable() || cipher.usesActiveKey(settings.encryptedKey())) {
            return ReencryptionOutcome.UNCHANGED;
        }
        String from = cipher.masterKeyIdOf(settings.encryptedKey()).orElse("?");
        try {
            settings.replaceCiphertext(cipher.reencrypt(workspaceId, settings.encryptedKey()));
            audit.record(workspaceId, "system", AuditAction.KEY_REENCRYPTED, "from=" + from);
            return ReencryptionOutcome.REENCRYPTED;
        } catch (UndecryptableValueException e) {
            markUnreadable(settings, e);
            return ReencryptionOutcome.UNREADABLE;
        }
    }

    private void markUnreadable(ChatGptSettings settings, UndecryptableValueException e) {
        LOG.warning(() -> "Stored API key of workspace " + settings.workspaceId() + " cannot be decrypted ("
                + e.getMessage() + "); it must be re-entered");
        settings.markKeyUnreadable(now());
        audit.record(settings.workspaceId(), "system", AuditAction.KEY_UNREADABLE, "reason=" + e.getMessage());
    }

    private ChatGptSettings load(String workspaceId) {
        return repository.find(workspaceId)
                .orElseThrow(() -> new ProblemException(ErrorCode.WORKSPACE_NOT_FOUND, workspaceId));
    }

    private static void requireActive(ChatGptSettings settings) {
        if (settings.status() != SettingsStatus.ACTIVE) {
            throw new ProblemException(ErrorCode.CHATGPT_NOT_ACTIVATED,
                    Map.of("currentStatus", settings.status().name()), MessageText.of("status." + settings.status().name()));
        }
    }

    private static void checkVersion(ChatGptSettings settings, Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != settings.version()) {
            throw new ProblemException(ErrorCode.VERSION_CONFLICT,
                    Map.of("currentVersion", settings.version()), settings.version());
        }
    }

    private static Instant now() {
        return Instant.now(Clock.systemUTC());
    }
}
