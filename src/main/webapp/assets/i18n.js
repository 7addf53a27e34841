// The pages' texts in English and German, side by side so neither language falls behind (a unit
// test in the browser suite checks both have the same keys). Error texts come from the server's
// problem details, in the same language (every request sends Accept-Language).
const texts = {
  en: {
    appName: 'ChatGPT Connector', language: 'Language', signOut: 'Sign out', signIn: 'Sign in', username: 'Username',
    ssoSignIn: 'Sign in with {0}', ssoFailed: 'Single sign-on did not work. Try again, or ask your administrator.',
    password: 'Password', signInTitle: 'Sign in to ChatGPT Connector', mainNav: 'Main', workspaceNav: 'Workspace',
    workspaces: 'Workspaces', operatorConsole: 'Operator console', noWorkspaces: 'You are not a member of any workspace yet.',
    role: 'Role', status: 'ChatGPT', settings: 'ChatGPT settings', blocks: 'Building blocks', usage: 'Usage',
    requestsPage: 'Requests', members: 'Members', back: 'All workspaces', actions: 'Actions', noJs: 'This application needs JavaScript.',
    'role.ADMIN': 'Administrator', 'role.MEMBER': 'Member', 'role.none': 'Operator (not a member)',
    'status.DISABLED': 'Disabled', 'status.REQUESTED': 'Requested', 'status.ACTIVE': 'Active', 'status.SUSPENDED': 'Suspended',
    'next.DISABLED': 'ChatGPT is off for this workspace. An administrator can ask the vendor\'s support to activate it.',
    'next.REQUESTED': 'Activation has been requested. The vendor\'s support will activate ChatGPT soon.',
    'next.ACTIVE': 'ChatGPT is active. Enter the OpenAI API key of this workspace to use it.',
    'next.SUSPENDED': 'ChatGPT has been paused by the vendor\'s support. The key is kept; contact support to resume.',
    requestActivation: 'Request activation', activationRequested: 'Activation requested. The vendor\'s support has been notified.',
    apiKey: 'OpenAI API key', apiKeyHelp: 'Starts with sk-. It is stored encrypted and never shown again.',
    organizationId: 'Organization ID (optional)', projectId: 'Project ID (optional)', saveKey: 'Save key', replaceKey: 'Replace key',
    removeKey: 'Remove key', storedKey: 'Stored key', keyNone: 'No key stored', keySource: 'entered by',
    'source.WORKSPACE': 'workspace administrator', 'source.VENDOR': 'vendor', 'source.NONE': 'nobody',
    keyMustBeReentered: 'The stored key can no longer be decrypted: please enter it again.',
    keySaved: 'Key saved.', keySavedChecked: 'Key saved. The connection to OpenAI works.', keySavedUnchecked: 'Key saved, but the check found a problem:',
    keyRemoved: 'Key removed.', vendorKeySaved: 'Vendor key saved for {0}.',
    testConnection: 'Test connection', connectionOk: 'Connection works', policy: 'Limits', tokenLimit: 'Monthly token limit',
    tokenLimitHelp: 'Empty: no limit', allowedModels: 'Allowed models', allowedModelsHelp: 'Comma-separated; empty: all models',
    savePolicy: 'Save limits', policySaved: 'Limits saved.', noLimit: 'no limit', allModels: 'all models',
    tokens: 'API tokens for internal tools', tokenName: 'Name', token: 'Token', createToken: 'Create token', revoke: 'Revoke',
    tokenOnce: 'Copy this token now. It will not be shown again:', tokenCreated: 'Token “{0}” created.', tokenRevoked: 'Token “{0}” revoked.',
    copy: 'Copy token', copied: 'Copied to the clipboard.', copyFailed: 'Could not copy: select the token and copy it yourself.',
    lastUsed: 'Last used', created: 'Created', revoked: 'Revoked', never: 'never', noTokens: 'No tokens yet.',
    newBlock: 'New block', name: 'Name', model: 'Model', systemPrompt: 'System prompt', userPrompt: 'User prompt',
    userPromptHelp: 'Use {{variable}} for values filled in at each run.', temperature: 'Temperature', maxOutputTokens: 'Max. output tokens',
    responseFormat: 'Answer', formatText: 'Text', formatJson: 'JSON object', save: 'Save', edit: 'Edit', delete: 'Delete', close: 'Close',
    tryRun: 'Try it', run: 'Run', output: 'Answer', tokensUsed: 'Tokens', variables: 'Variables', noVariables: 'no variables',
    noBlocks: 'No building blocks yet.', blockSaved: 'Block “{0}” saved.', blockDeleted: 'Block “{0}” deleted.',
    modelsAllowedHere: 'Allowed in this workspace: {0}', modelNotAllowed: 'The model {0} is not among the allowed models of this workspace: runs will be refused until an administrator allows it.',
    'blocksIdle.DISABLED': 'ChatGPT is off for this workspace, so blocks cannot run or be changed. An administrator can request activation in the ChatGPT settings.',
    'blocksIdle.REQUESTED': 'Activation is requested. Blocks can run and be changed once the vendor\'s support has activated ChatGPT.',
    'blocksIdle.SUSPENDED': 'ChatGPT is paused for this workspace, so blocks cannot run or be changed. Contact the vendor\'s support to resume.',
    month: 'Month', total: 'Total', show: 'Show', exportCsv: 'Export CSV', lastMonth: 'Last month', thisMonth: 'This month',
    'count.requests.one': '{0} request', 'count.requests.other': '{0} requests', 'count.errors.one': '{0} error', 'count.errors.other': '{0} errors',
    'count.tokens.one': '{0} token', 'count.tokens.other': '{0} tokens',
    requests: 'Requests', errors: 'Errors', promptTokens: 'Prompt tokens', completionTokens: 'Completion tokens', totalTokens: 'Tokens',
    perDay: 'Tokens per day', perBlock: 'By block', perModel: 'By model', perEndpoint: 'By endpoint', perError: 'Errors by kind',
    day: 'Day', block: 'Block', endpoint: 'Endpoint', error: 'Error', dayTable: 'Tokens per day as a table', noUsage: 'No requests in this month.',
    limitOf: '{0} % of the monthly limit of {1} tokens', comparedUp: '{0} % more tokens than last month ({1})', comparedDown: '{0} % fewer tokens than last month ({1})',
    comparedSame: 'As many tokens as last month ({0})', comparedNone: 'No tokens last month.', chartLabel: 'Tokens per day in {0}: {1} in total; last month {2}.',
    direct: 'OpenAI-compatible endpoint', noModel: 'no model', deletedBlock: 'deleted block',
    requestList: 'Latest requests', outcome: 'Outcome', allOutcomes: 'All outcomes', onlyOk: 'Successful', onlyErrors: 'All errors',
    when: 'When', endpointOrBlock: 'Endpoint or block', latency: 'Latency', openaiRequestId: 'OpenAI request ID', caller: 'Caller',
    callerToken: 'Token “{0}”', olderRequests: 'Older requests', newestRequests: 'Newest requests', asJson: 'The same as JSON',
    noRequestsYet: 'No requests match.', shownRequests: '{0} shown', moreLoaded: '{0} older requests loaded.', ms: '{0} ms',
    'outcome.ok': 'Successful',
    'outcome.chatgpt_not_activated': 'ChatGPT not activated', 'outcome.api_key_missing': 'No API key stored',
    'outcome.api_key_invalid': 'API key rejected by OpenAI', 'outcome.insufficient_quota': 'No credit on the OpenAI account',
    'outcome.rate_limited': 'OpenAI rate limit reached', 'outcome.token_limit_reached': 'Monthly token limit reached',
    'outcome.openai_unavailable': 'OpenAI unavailable', 'outcome.openai_timeout': 'OpenAI did not answer in time',
    'outcome.invalid_request': 'Invalid request', 'outcome.upstream_error': 'Unexpected answer from OpenAI',
    membersOf: 'Members', addMember: 'Add member', add: 'Add', changeRole: 'Change role', remove: 'Remove', added: 'Added',
    memberAdded: '{0} is now {1} of this workspace.', roleChanged: '{0} is now {1}.', memberRemoved: '{0} was removed from this workspace.',
    lastAdminRule: 'Every workspace keeps at least one administrator: make another member an administrator before you remove or demote the last one.',
    confirmRemoveMember: 'Remove {0} from this workspace?', noMembers: 'No members yet.', you: '(you)',
    openRequests: 'Open activation requests', allWorkspaces: 'All workspaces', activate: 'Activate', suspend: 'Suspend',
    deactivate: 'Deactivate', confirmActivate: 'Activate ChatGPT for {0}?', confirmSuspend: 'Suspend ChatGPT for {0}? The key is kept.',
    confirmDeactivate: 'Deactivate ChatGPT for {0}? The stored key will be removed.', confirmRemoveKey: 'Remove the stored key?',
    confirmRevoke: 'Revoke this token? Tools using it stop working.', confirmDelete: 'Delete this block?',
    'transitioned.activation': 'ChatGPT is now active for {0}.', 'transitioned.suspension': 'ChatGPT is now suspended for {0}.',
    'transitioned.deactivation': 'ChatGPT is now off for {0}; its key was removed.',
    vendorKey: 'Vendor-provided key', workspace: 'Workspace', createWorkspace: 'Create workspace', workspaceName: 'Name',
    adminUsername: 'First administrator (username, optional)', workspaceCreated: 'Workspace “{0}” created.',
    workspaceCreatedWithAdmin: 'Workspace “{0}” created with {1} as administrator.', noActiveWorkspace: 'No workspace has ChatGPT active.',
    createUser: 'Create user', operatorFlag: 'Operator', userCreated: 'User {0} created.',
    audit: 'Audit log', action: 'Action', actor: 'Who', detail: 'Detail', allActions: 'All actions', noAudit: 'No entries.',
    noRequests: 'No open requests.', system: 'System',
    'audit.WORKSPACE_CREATED': 'Workspace created', 'audit.MEMBER_ADDED': 'Member added', 'audit.MEMBER_ROLE_CHANGED': 'Role changed',
    'audit.MEMBER_REMOVED': 'Member removed', 'audit.ACTIVATION_REQUESTED': 'Activation requested', 'audit.ACTIVATED': 'Activated',
    'audit.SUSPENDED': 'Suspended', 'audit.DEACTIVATED': 'Deactivated', 'audit.KEY_STORED': 'Key stored', 'audit.KEY_REPLACED': 'Key replaced',
    'audit.KEY_REMOVED': 'Key removed', 'audit.KEY_REENCRYPTED': 'Key re-encrypted', 'audit.KEY_UNREADABLE': 'Key no longer readable',
    'audit.POLICY_CHANGED': 'Limits changed', 'audit.TOKEN_CREATED': 'Token created', 'audit.TOKEN_REVOKED': 'Token revoked',
    'audit.BLOCK_CREATED': 'Block created', 'audit.BLOCK_CHANGED': 'Block changed', 'audit.BLOCK_DELETED': 'Block deleted',
    'field.name': 'Name', 'field.user': 'User', 'field.role': 'Role', 'field.status': 'Status', 'field.source': 'Entered by',
    'field.organizationId': 'Organization ID', 'field.projectId': 'Project ID', 'field.tokenLimit': 'Monthly token limit',
    'field.allowedModels': 'Allowed models', 'field.from': 'Previous master key', 'field.token': 'Token', 'field.block': 'Block',
    'reason.deactivated': 'removed because ChatGPT was deactivated', 'reason.removed': 'removed by hand',
    keyUnreadableDetail: 'The stored key could not be decrypted and must be entered again.',
    retryAfter: 'Try again in {0} seconds.', unreachable: 'The service could not be reached. Check the connection and try again.',
    conflictChanged: 'What changed in the meantime:', conflictUnseen: 'Someone saved these settings in the meantime; nothing you see here differs.',
    conflictReload: 'Reload', conflictReloaded: 'Reloaded: you see the current state. Make your change again.', changedFromTo: '{0}: {1} → {2}',
    changedBy: 'last changed by {0}, {1}', empty: 'empty', yes: 'yes', no: 'no'
  },
  de: {
    appName: 'ChatGPT Connector', language: 'Sprache', signOut: 'Abmelden', signIn: 'Anmelden', username: 'Benutzername',
    ssoSignIn: 'Mit {0} anmelden', ssoFailed: 'Die Anmeldung über Single Sign-on hat nicht geklappt. Versuchen Sie es noch einmal oder fragen Sie Ihre Administration.',
    password: 'Passwort', signInTitle: 'Bei ChatGPT Connector anmelden', mainNav: 'Hauptnavigation', workspaceNav: 'Workspace',
    workspaces: 'Workspaces', operatorConsole: 'Operator-Konsole', noWorkspaces: 'Sie sind noch in keinem Workspace Mitglied.',
    role: 'Rolle', status: 'ChatGPT', settings: 'ChatGPT-Einstellungen', blocks: 'Bausteine', usage: 'Verbrauch',
    requestsPage: 'Anfragen', members: 'Mitglieder', back: 'Alle Workspaces', actions: 'Aktionen', noJs: 'Diese Anwendung benötigt JavaScript.',
    'role.ADMIN': 'Administrator', 'role.MEMBER': 'Mitglied', 'role.none': 'Operator (kein Mitglied)',
    'status.DISABLED': 'Deaktiviert', 'status.REQUESTED': 'Angefragt', 'status.ACTIVE': 'Aktiv', 'status.SUSPENDED': 'Pausiert',
    'next.DISABLED': 'ChatGPT ist für diesen Workspace ausgeschaltet. Ein Administrator kann die Aktivierung beim Support des Anbieters anfragen.',
    'next.REQUESTED': 'Die Aktivierung ist angefragt. Der Support des Anbieters schaltet ChatGPT in Kürze frei.',
    'next.ACTIVE': 'ChatGPT ist aktiv. Tragen Sie den OpenAI-API-Schlüssel dieses Workspace ein, um es zu nutzen.',
    'next.SUSPENDED': 'ChatGPT wurde vom Support des Anbieters pausiert. Der Schlüssel bleibt erhalten; wenden Sie sich an den Support.',
    requestActivation: 'Aktivierung anfragen', activationRequested: 'Aktivierung angefragt. Der Support des Anbieters ist informiert.',
    apiKey: 'OpenAI-API-Schlüssel', apiKeyHelp: 'Beginnt mit sk-. Er wird verschlüsselt gespeichert und nie wieder angezeigt.',
    organizationId: 'Organisations-ID (optional)', projectId: 'Projekt-ID (optional)', saveKey: 'Schlüssel speichern', replaceKey: 'Schlüssel ersetzen',
    removeKey: 'Schlüssel entfernen', storedKey: 'Gespeicherter Schlüssel', keyNone: 'Kein Schlüssel gespeichert', keySource: 'eingetragen von',
    'source.WORKSPACE': 'Workspace-Administrator', 'source.VENDOR': 'Anbieter', 'source.NONE': 'niemandem',
    keyMustBeReentered: 'Der gespeicherte Schlüssel kann nicht mehr entschlüsselt werden: Bitte geben Sie ihn erneut ein.',
    keySaved: 'Schlüssel gespeichert.', keySavedChecked: 'Schlüssel gespeichert. Die Verbindung zu OpenAI funktioniert.', keySavedUnchecked: 'Schlüssel gespeichert, aber die Prüfung hat ein Problem gefunden:',
    keyRemoved: 'Schlüssel entfernt.', vendorKeySaved: 'Schlüssel des Anbieters für {0} gespeichert.',
    testConnection: 'Verbindung testen', connectionOk: 'Verbindung funktioniert', policy: 'Limits', tokenLimit: 'Monatliches Token-Limit',
    tokenLimitHelp: 'Leer: kein Limit', allowedModels: 'Erlaubte Modelle', allowedModelsHelp: 'Durch Kommas getrennt; leer: alle Modelle',
    savePolicy: 'Limits speichern', policySaved: 'Limits gespeichert.', noLimit: 'kein Limit', allModels: 'alle Modelle',
    tokens: 'API-Tokens für interne Werkzeuge', tokenName: 'Name', token: 'Token', createToken: 'Token erstellen', revoke: 'Widerrufen',
    tokenOnce: 'Kopieren Sie dieses Token jetzt. Es wird nicht wieder angezeigt:', tokenCreated: 'Token „{0}“ erstellt.', tokenRevoked: 'Token „{0}“ widerrufen.',
    copy: 'Token kopieren', copied: 'In die Zwischenablage kopiert.', copyFailed: 'Kopieren nicht möglich: Markieren Sie das Token und kopieren Sie es selbst.',
    lastUsed: 'Zuletzt benutzt', created: 'Erstellt', revoked: 'Widerrufen', never: 'nie', noTokens: 'Noch keine Tokens.',
    newBlock: 'Neuer Baustein', name: 'Name', model: 'Modell', systemPrompt: 'System-Prompt', userPrompt: 'Benutzer-Prompt',
    userPromptHelp: 'Verwenden Sie {{variable}} für Werte, die bei jedem Lauf eingesetzt werden.', temperature: 'Temperatur', maxOutputTokens: 'Max. Ausgabe-Tokens',
    responseFormat: 'Antwort', formatText: 'Text', formatJson: 'JSON-Objekt', save: 'Speichern', edit: 'Bearbeiten', delete: 'Löschen', close: 'Schließen',
    tryRun: 'Ausprobieren', run: 'Ausführen', output: 'Antwort', tokensUsed: 'Tokens', variables: 'Variablen', noVariables: 'keine Variablen',
    noBlocks: 'Noch keine Bausteine.', blockSaved: 'Baustein „{0}“ gespeichert.', blockDeleted: 'Baustein „{0}“ gelöscht.',
    modelsAllowedHere: 'In diesem Workspace erlaubt: {0}', modelNotAllowed: 'Das Modell {0} gehört nicht zu den erlaubten Modellen dieses Workspace: Läufe werden abgelehnt, bis ein Administrator es erlaubt.',
    'blocksIdle.DISABLED': 'ChatGPT ist für diesen Workspace ausgeschaltet; Bausteine können weder laufen noch geändert werden. Ein Administrator kann die Aktivierung in den ChatGPT-Einstellungen anfragen.',
    'blocksIdle.REQUESTED': 'Die Aktivierung ist angefragt. Bausteine können laufen und geändert werden, sobald der Support des Anbieters ChatGPT freigeschaltet hat.',
    'blocksIdle.SUSPENDED': 'ChatGPT ist für diesen Workspace pausiert; Bausteine können weder laufen noch geändert werden. Wenden Sie sich an den Support des Anbieters.',
    month: 'Monat', total: 'Gesamt', show: 'Anzeigen', exportCsv: 'Als CSV exportieren', lastMonth: 'Vormonat', thisMonth: 'Dieser Monat',
    'count.requests.one': '{0} Anfrage', 'count.requests.other': '{0} Anfragen', 'count.errors.one': '{0} Fehler', 'count.errors.other': '{0} Fehler',
    'count.tokens.one': '{0} Token', 'count.tokens.other': '{0} Tokens',
    requests: 'Anfragen', errors: 'Fehler', promptTokens: 'Prompt-Tokens', completionTokens: 'Antwort-Tokens', totalTokens: 'Tokens',
    perDay: 'Tokens pro Tag', perBlock: 'Nach Baustein', perModel: 'Nach Modell', perEndpoint: 'Nach Endpunkt', perError: 'Fehler nach Art',
    day: 'Tag', block: 'Baustein', endpoint: 'Endpunkt', error: 'Fehler', dayTable: 'Tokens pro Tag als Tabelle', noUsage: 'Keine Anfragen in diesem Monat.',
    limitOf: '{0} % des Monatslimits von {1} Tokens', comparedUp: '{0} % mehr Tokens als im Vormonat ({1})', comparedDown: '{0} % weniger Tokens als im Vormonat ({1})',
    comparedSame: 'So viele Tokens wie im Vormonat ({0})', comparedNone: 'Keine Tokens im Vormonat.', chartLabel: 'Tokens pro Tag im {0}: {1} insgesamt; Vormonat {2}.',
    direct: 'OpenAI-kompatibler Endpunkt', noModel: 'kein Modell', deletedBlock: 'gelöschter Baustein',
    requestList: 'Letzte Anfragen', outcome: 'Ergebnis', allOutcomes: 'Alle Ergebnisse', onlyOk: 'Erfolgreich', onlyErrors: 'Alle Fehler',
    when: 'Wann', endpointOrBlock: 'Endpunkt oder Baustein', latency: 'Dauer', openaiRequestId: 'Anfrage-ID bei OpenAI', caller: 'Aufrufer',
    callerToken: 'Token „{0}“', olderRequests: 'Ältere Anfragen', newestRequests: 'Neueste Anfragen', asJson: 'Dieselben Daten als JSON',
    noRequestsYet: 'Keine passenden Anfragen.', shownRequests: '{0} angezeigt', moreLoaded: '{0} ältere Anfragen geladen.', ms: '{0} ms',
    'outcome.ok': 'Erfolgreich',
    'outcome.chatgpt_not_activated': 'ChatGPT nicht aktiviert', 'outcome.api_key_missing': 'Kein API-Schlüssel hinterlegt',
    'outcome.api_key_invalid': 'API-Schlüssel von OpenAI abgelehnt', 'outcome.insufficient_quota': 'Kein Guthaben auf dem OpenAI-Konto',
    'outcome.rate_limited': 'OpenAI-Ratenlimit erreicht', 'outcome.token_limit_reached': 'Monatliches Token-Limit erreicht',
    'outcome.openai_unavailable': 'OpenAI nicht erreichbar', 'outcome.openai_timeout': 'OpenAI hat nicht rechtzeitig geantwortet',
    'outcome.invalid_request': 'Ungültige Anfrage', 'outcome.upstream_error': 'Unerwartete Antwort von OpenAI',
    membersOf: 'Mitglieder', addMember: 'Mitglied hinzufügen', add: 'Hinzufügen', changeRole: 'Rolle ändern', remove: 'Entfernen', added: 'Hinzugefügt',
    memberAdded: '{0} ist jetzt {1} dieses Workspace.', roleChanged: '{0} ist jetzt {1}.', memberRemoved: '{0} wurde aus diesem Workspace entfernt.',
    lastAdminRule: 'Jeder Workspace behält mindestens einen Administrator: Machen Sie zuerst ein anderes Mitglied zum Administrator, bevor Sie den letzten entfernen oder herabstufen.',
    confirmRemoveMember: '{0} aus diesem Workspace entfernen?', noMembers: 'Noch keine Mitglieder.', you: '(Sie)',
    openRequests: 'Offene Aktivierungsanfragen', allWorkspaces: 'Alle Workspaces', activate: 'Aktivieren', suspend: 'Pausieren',
    deactivate: 'Deaktivieren', confirmActivate: 'ChatGPT für {0} aktivieren?', confirmSuspend: 'ChatGPT für {0} pausieren? Der Schlüssel bleibt erhalten.',
    confirmDeactivate: 'ChatGPT für {0} deaktivieren? Der gespeicherte Schlüssel wird entfernt.', confirmRemoveKey: 'Den gespeicherten Schlüssel entfernen?',
    confirmRevoke: 'Dieses Token widerrufen? Werkzeuge, die es nutzen, funktionieren dann nicht mehr.', confirmDelete: 'Diesen Baustein löschen?',
    'transitioned.activation': 'ChatGPT ist jetzt für {0} aktiv.', 'transitioned.suspension': 'ChatGPT ist jetzt für {0} pausiert.',
    'transitioned.deactivation': 'ChatGPT ist jetzt für {0} ausgeschaltet; der Schlüssel wurde entfernt.',
    vendorKey: 'Schlüssel des Anbieters', workspace: 'Workspace', createWorkspace: 'Workspace anlegen', workspaceName: 'Name',
    adminUsername: 'Erster Administrator (Benutzername, optional)', workspaceCreated: 'Workspace „{0}“ angelegt.',
    workspaceCreatedWithAdmin: 'Workspace „{0}“ mit {1} als Administrator angelegt.', noActiveWorkspace: 'In keinem Workspace ist ChatGPT aktiv.',
    createUser: 'Benutzer anlegen', operatorFlag: 'Operator', userCreated: 'Benutzer {0} angelegt.',
    audit: 'Audit-Protokoll', action: 'Aktion', actor: 'Wer', detail: 'Details', allActions: 'Alle Aktionen', noAudit: 'Keine Einträge.',
    noRequests: 'Keine offenen Anfragen.', system: 'System',
    'audit.WORKSPACE_CREATED': 'Workspace angelegt', 'audit.MEMBER_ADDED': 'Mitglied hinzugefügt', 'audit.MEMBER_ROLE_CHANGED': 'Rolle geändert',
    'audit.MEMBER_REMOVED': 'Mitglied entfernt', 'audit.ACTIVATION_REQUESTED': 'Aktivierung angefragt', 'audit.ACTIVATED': 'Aktiviert',
    'audit.SUSPENDED': 'Pausiert', 'audit.DEACTIVATED': 'Deaktiviert', 'audit.KEY_STORED': 'Schlüssel gespeichert', 'audit.KEY_REPLACED': 'Schlüssel ersetzt',
    'audit.KEY_REMOVED': 'Schlüssel entfernt', 'audit.KEY_REENCRYPTED': 'Schlüssel neu verschlüsselt', 'audit.KEY_UNREADABLE': 'Schlüssel nicht mehr lesbar',
    'audit.POLICY_CHANGED': 'Limits geändert', 'audit.TOKEN_CREATED': 'Token erstellt', 'audit.TOKEN_REVOKED': 'Token widerrufen',
    'audit.BLOCK_CREATED': 'Baustein angelegt', 'audit.BLOCK_CHANGED': 'Baustein geändert', 'audit.BLOCK_DELETED': 'Baustein gelöscht',
    'field.name': 'Name', 'field.user': 'Benutzer', 'field.role': 'Rolle', 'field.status': 'Status', 'field.source': 'Eingetragen von',
    'field.organizationId': 'Organisations-ID', 'field.projectId': 'Projekt-ID', 'field.tokenLimit': 'Monatliches Token-Limit',
    'field.allowedModels': 'Erlaubte Modelle', 'field.from': 'Vorheriger Hauptschlüssel', 'field.token': 'Token', 'field.block': 'Baustein',
    'reason.deactivated': 'entfernt, weil ChatGPT deaktiviert wurde', 'reason.removed': 'von Hand entfernt',
    keyUnreadableDetail: 'Der gespeicherte Schlüssel konnte nicht entschlüsselt werden und muss neu eingegeben werden.',
    retryAfter: 'Versuchen Sie es in {0} Sekunden erneut.', unreachable: 'Der Dienst ist nicht erreichbar. Prüfen Sie die Verbindung und versuchen Sie es erneut.',
    conflictChanged: 'Das hat sich inzwischen geändert:', conflictUnseen: 'Jemand hat diese Einstellungen inzwischen gespeichert; was Sie hier sehen, ist unverändert.',
    conflictReload: 'Neu laden', conflictReloaded: 'Neu geladen: Sie sehen den aktuellen Stand. Nehmen Sie Ihre Änderung erneut vor.', changedFromTo: '{0}: {1} → {2}',
    changedBy: 'zuletzt geändert von {0}, {1}', empty: 'leer', yes: 'ja', no: 'nein'
  }
};

let current = localStorage.getItem('lang') || ((navigator.language || 'en').toLowerCase().startsWith('de') ? 'de' : 'en');

export function lang() {
  return current;
}

export function languages() {
  return Object.keys(texts);
}

/** Every key of one language, for the check that both languages are complete. */
export function keys(language) {
  return Object.keys(texts[language] || {});
}

export function setLang(value) {
  current = texts[value] ? value : 'en';
  localStorage.setItem('lang', current);
  document.documentElement.lang = current;
}

/** The text for a key, with {0}, {1} … replaced by the arguments. */
export function t(key, ...args) {
  const text = texts[current][key] ?? texts.en[key] ?? key;
  return args.reduce((s, arg, i) => s.replaceAll(`{${i}}`, arg), text);
}

/** Whether there is a text for the key (e.g. an outcome code this version knows). */
export function has(key) {
  return key in texts[current] || key in texts.en;
}

/** A formatted number in the page's language. */
export function num(value) {
  return new Intl.NumberFormat(current).format(value ?? 0);
}

/** "1 request", "2 requests" (the language's plural rules), with the number formatted. */
export function count(noun, value) {
  const form = new Intl.PluralRules(current).select(value) === 'one' ? 'one' : 'other';
  return t(`count.${noun}.${form}`, num(value));
}

export function dateTime(iso) {
  return iso ? new Date(iso).toLocaleString(current, { dateStyle: 'medium', timeStyle: 'medium' }) : '';
}
