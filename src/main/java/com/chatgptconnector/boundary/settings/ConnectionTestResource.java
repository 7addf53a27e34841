package com.chatgptconnector.boundary.settings;

import com.chatgptconnector.identity.Roles;
import com.chatgptconnector.problem.Messages;
import com.chatgptconnector.settings.ChatGptSettingsService;
import com.chatgptconnector.settings.ConnectionTestResult;
import com.chatgptconnector.settings.ConnectionTestService;
import com.chatgptconnector.workspace.WorkspaceAccess;
import com.chatgptconnector.workspace.WorkspaceAccess.Rule;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/** "Test connection": calls OpenAI with the stored key; answers ok or the classified problem. */
@Path("workspaces/{ws}/chatgpt/connection-test")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ConnectionTestResource {

    @Inject
    WorkspaceAccess access;

    @Inject
    ChatGptSettingsService settings;

    @Inject
    ConnectionTestService tests;

    @POST
    @RolesAllowed({Roles.USER, Roles.OPERATOR})
    public ConnectionTestResult test(@PathParam("ws") String ws, @Context HttpHeaders headers) {
        access.require(ws, Rule.ADMIN);
        return tests.test(ws, settings.credentialsForUse(ws), Messages.pick(headers.getAcceptableLanguages()));
    }
}
