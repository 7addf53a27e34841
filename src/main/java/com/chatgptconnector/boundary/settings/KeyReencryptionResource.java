package com.chatgptconnector.boundary.settings;

import com.chatgptconnector.identity.Roles;
import com.chatgptconnector.settings.KeyReencryptionJob;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Lets an operator run the re-encryption after rotating the master key, without a restart. */
@Path("operations/key-reencryption")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class KeyReencryptionResource {

    @Inject
    KeyReencryptionJob job;

    @POST
    @RolesAllowed(Roles.OPERATOR)
    public KeyReencryptionJob.Result run() {
        return job.run();
    }
}
