package com.chatgptconnector.boundary.security;

import com.chatgptconnector.identity.ApiTokenService;
import jakarta.inject.Inject;
import jakarta.security.auth.message.config.AuthConfigFactory;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Registers {@link ConnectorAuthModule} with the container for this application when it starts,
 * and removes it when it stops. Without the registration every request would be anonymous and
 * every role check would refuse it, so a failure here stops the deployment.
 */
@WebListener
public class AuthModuleInstaller implements ServletContextListener {

    @Inject
    ThrottledSignIn signIn;

    @Inject
    ApiTokenService tokens;

    @Inject
    OidcSignIn sso;

    @Inject
    OidcMachineTokens machineTokens;

    @Inject
    WebSessions sessions;

    private String registration;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        registration = AuthConfigFactory.getFactory()
                .registerServerAuthModule(new ConnectorAuthModule(signIn, tokens, sso, machineTokens, sessions), event.getServletContext());
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (registration != null) {
            AuthConfigFactory.getFactory().removeServerAuthModule(event.getServletContext());
        }
    }
}
