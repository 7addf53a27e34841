// The pages' texts in English and German. Error texts come from the server's problem details,
// in the same language (every request sends Accept-Language).
const texts = {
  en: {
    language: 'Language', signOut: 'Sign out', signIn: 'Sign in', username: 'Username', password: 'Password',
    signInTitle: 'Sign in to ChatGPT Connector', workspaces: 'Workspaces', operatorConsole: 'Operator console',
    noWorkspaces: 'You are not a member of any workspace yet.', role: 'Role', status: 'ChatGPT',
    settings: 'ChatGPT settings', blocks: 'Building blocks', usage: 'Usage', back: 'All workspaces',
    'status.DISABLED': 'Disabled', 'status.REQUESTED': 'Requested', 'status.ACTIVE': 'Active', 'status.SUSPENDED': 'Suspended',
    'next.DISABLED': 'ChatGPT is off for this workspace. An administrator can ask the vendor\'s support to activate it.',
    'next.REQUESTED': 'Activation has been requested. The vendor\'s support will activate ChatGPT soon.',
    'next.ACTIVE': 'ChatGPT is active. Enter the OpenAI API key of this workspace to use it.',
    'next.SUSPENDED': 'ChatGPT has been paused by the vendor\'s support. The key is kept; contact support to resume.',
    requestActivation: 'Request activation', apiKey: 'OpenAI API key', apiKeyHelp: 'Starts with sk-. It is stored encrypted and never shown again.',
    organizationId: 'Organization ID (optional)', projectId: 'Project ID (optional)', saveKey: 'Save key', replaceKey: 'Replace key',
    removeKey: 'Remove key', storedKey: 'Stored key', keyNone: 'No key stored', keySource: 'Entered by',
    'source.WORKSPACE': 'workspace administrator', 'source.VENDOR': 'vendor', 'source.NONE': '—',
    keyMustBeReentered: 'The stored key can no longer be decrypted: please enter it again.',
    testConnection: 'Test connection', connectionOk: 'Connection works', saved: 'Saved.', removed: 'Removed.',
    policy: 'Limits', tokenLimit: 'Monthly token limit', tokenLimitHelp: 'Empty: no limit', allowedModels: 'Allowed models',
    allowedModelsHelp: 'Comma-separated; empty: all models', savePolicy: 'Save limits',
    tokens: 'API tokens for internal tools', tokenName: 'Name', createToken: 'Create token', revoke: 'Revoke',
    tokenOnce: 'Copy this token now. It will not be shown again:', lastUsed: 'Last used', created: 'Created', revoked: 'Revoked',
    newBlock: 'New block', name: 'Name', model: 'Model', systemPrompt: 'System prompt', userPrompt: 'User prompt',
    userPromptHelp: 'Use {{variable}} for values filled in at each run.', temperature: 'Temperature', maxOutputTokens: 'Max. output tokens',
    responseFormat: 'Answer', formatText: 'Text', formatJson: 'JSON object', save: 'Save', edit: 'Edit', delete: 'Delete',
    tryRun: 'Try it', run: 'Run', output: 'Answer', tokensUsed: 'Tokens', variables: 'Variables', noBlocks: 'No building blocks yet.',
    month: 'Month', total: 'Total', requests: 'Requests', errors: 'Errors', promptTokens: 'Prompt tokens',
    completionTokens: 'Completion tokens', totalTokens: 'Tokens', perDay: 'Tokens per day', perBlock: 'By block', perModel: 'By model',
    perError: 'Errors by code', exportCsv: 'Export CSV', show: 'Show', limitOf: 'of the monthly limit',
    openRequests: 'Open activation requests', allWorkspaces: 'All workspaces', activate: 'Activate', suspend: 'Suspend',
    deactivate: 'Deactivate', confirmActivate: 'Activate ChatGPT for {0}?', confirmSuspend: 'Suspend ChatGPT for {0}? The key is kept.',
    confirmDeactivate: 'Deactivate ChatGPT for {0}? The stored key will be removed.', confirmRemoveKey: 'Remove the stored key?',
    confirmRevoke: 'Revoke this token? Tools using it stop working.', confirmDelete: 'Delete this block?',
    vendorKey: 'Vendor-provided key', workspace: 'Workspace', createWorkspace: 'Create workspace', workspaceName: 'Name',
    adminUsername: 'Administrator (username)', createUser: 'Create user', operatorFlag: 'Operator', audit: 'Audit log',
    action: 'Action', actor: 'Who', when: 'When', detail: 'Detail', allActions: 'All actions', members: 'Members',
    addMember: 'Add member', none: 'none', noRequests: 'No open requests.'
  },
  de: {
    language: 'Sprache', signOut: 'Abmelden', signIn: 'Anmelden', username: 'Benutzername', password: 'Passwort',
    signInTitle: 'Bei ChatGPT Connector anmelden', workspaces: 'Workspaces', operatorConsole: 'Operator-Konsole',
    noWorkspaces: 'Sie sind noch in keinem Workspace Mitglied.', role: 'Rolle', status: 'ChatGPT',
    settings: 'ChatGPT-Einstellungen', blocks: 'Bausteine', usage: 'Verbrauch', back: 'Alle Workspaces',
    'status.DISABLED': 'Deaktiviert', 'status.REQUESTED': 'Angefragt', 'status.ACTIVE': 'Aktiv', 'status.SUSPENDED': 'Pausiert',
    'next.DISABLED': 'ChatGPT ist für diesen Workspace ausgeschaltet. Ein Administrator kann die Aktivierung beim Support des Anbieters anfragen.',
    'next.REQUESTED': 'Die Aktivierung ist angefragt. Der Support des Anbieters schaltet ChatGPT in Kürze frei.',
    'next.ACTIVE': 'ChatGPT ist aktiv. Tragen Sie den OpenAI-API-Schlüssel dieses Workspace ein, um es zu nutzen.',
    'next.SUSPENDED': 'ChatGPT wurde vom Support des Anbieters pausiert. Der Schlüssel bleibt erhalten; wenden Sie sich an den Support.',
    requestActivation: 'Aktivierung anfragen', apiKey: 'OpenAI-API-Schlüssel', apiKeyHelp: 'Beginnt mit sk-. Er wird verschlüsselt gespeichert und nie wieder angezeigt.',
    organizationId: 'Organisations-ID (optional)', projectId: 'Projekt-ID (optional)', saveKey: 'Schlüssel speichern', replaceKey: 'Schlüssel ersetzen',
    removeKey: 'Schlüssel entfernen', storedKey: 'Gespeicherter Schlüssel', keyNone: 'Kein Schlüssel gespeichert', keySource: 'Eingetragen von',
    'source.WORKSPACE': 'Workspace-Administrator', 'source.VENDOR': 'Anbieter', 'source.NONE': '—',
    keyMustBeReentered: 'Der gespeicherte Schlüssel kann nicht mehr entschlüsselt werden: Bitte geben Sie ihn erneut ein.',
    testConnection: 'Verbindung testen', connectionOk: 'Verbindung funktioniert', saved: 'Gespeichert.', removed: 'Entfernt.',
    policy: 'Limits', tokenLimit: 'Monatliches Token-Limit', tokenLimitHelp: 'Leer: kein Limit', allowedModels: 'Erlaubte Modelle',
    allowedModelsHelp: 'Durch Kommas getrennt; leer: alle Modelle', savePolicy: 'Limits speichern',
    tokens: 'API-Tokens für interne Werkzeuge', tokenName: 'Name', createToken: 'Token erstellen', revoke: 'Widerrufen',
    tokenOnce: 'Kopieren Sie dieses Token jetzt. Es wird nicht wieder angezeigt:', lastUsed: 'Zuletzt benutzt', created: 'Erstellt', revoked: 'Widerrufen',
    newBlock: 'Neuer Baustein', name: 'Name', model: 'Modell', systemPrompt: 'System-Prompt', userPrompt: 'Benutzer-Prompt',
    userPromptHelp: 'Verwenden Sie {{variable}} für Werte, die bei jedem Lauf eingesetzt werden.', temperature: 'Temperatur', maxOutputTokens: 'Max. Ausgabe-Tokens',
    responseFormat: 'Antwort', formatText: 'Text', formatJson: 'JSON-Objekt', save: 'Speichern', edit: 'Bearbeiten', delete: 'Löschen',
    tryRun: 'Ausprobieren', run: 'Ausführen', output: 'Antwort', tokensUsed: 'Tokens', variables: 'Variablen', noBlocks: 'Noch keine Bausteine.',
    month: 'Monat', total: 'Gesamt', requests: 'Anfragen', errors: 'Fehler', promptTokens: 'Prompt-Tokens',
    completionTokens: 'Antwort-Tokens', totalTokens: 'Tokens', perDay: 'Tokens pro Tag', perBlock: 'Nach Baustein', perModel: 'Nach Modell',
    perError: 'Fehler nach Code', exportCsv: 'Als CSV exportieren', show: 'Anzeigen', limitOf: 'des Monatslimits',
    openRequests: 'Offene Aktivierungsanfragen', allWorkspaces: 'Alle Workspaces', activate: 'Aktivieren', suspend: 'Pausieren',
    deactivate: 'Deaktivieren', confirmActivate: 'ChatGPT für {0} aktivieren?', confirmSuspend: 'ChatGPT für {0} pausieren? Der Schlüssel bleibt erhalten.',
    confirmDeactivate: 'ChatGPT für {0} deaktivieren? Der gespeicherte Schlüssel wird entfernt.', confirmRemoveKey: 'Den gespeicherten Schlüssel entfernen?',
    confirmRevoke: 'Dieses Token widerrufen? Werkzeuge, die es nutzen, funktionieren dann nicht mehr.', confirmDelete: 'Diesen Baustein löschen?',
    vendorKey: 'Schlüssel des Anbieters', workspace: 'Workspace', createWorkspace: 'Workspace anlegen', workspaceName: 'Name',
    adminUsername: 'Administrator (Benutzername)', createUser: 'Benutzer anlegen', operatorFlag: 'Operator', audit: 'Audit-Protokoll',
    action: 'Aktion', actor: 'Wer', when: 'Wann', detail: 'Details', allActions: 'Alle Aktionen', members: 'Mitglieder',
    addMember: 'Mitglied hinzufügen', none: 'keine', noRequests: 'Keine offenen Anfragen.'
  }
};

let current = localStorage.getItem('lang') || ((navigator.language || 'en').toLowerCase().startsWith('de') ? 'de' : 'en');

export function lang() {
  return current;
}

export function setLang(value) {
  current = texts[value] ? value : 'en';
  localStorage.setItem('lang', current);
  document.documentElement.lang = current;
}

/** The text for a key, with {0}, {1} … replaced by the arguments. */
export function t(key, ...args) {
  const text = texts[current][key] ?? texts.en[key] ?? key;
  return args.reduce((s, arg, i) => s.replace(`{${i}}`, arg), text);
}
