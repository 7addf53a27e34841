package com.chatgptconnector.boundary.security;

import com.chatgptconnector.boundary.problem.RequestBodies;
import com.chatgptconnector.identity.Caller;
import com.chatgptconnector.identity.CurrentCaller;
import com.chatgptconnector.identity.Roles;
import com.chatgptconnector.identity.UserAccount;
import com.chatgptconnector.identity.UserService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;

@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {

    // A class, not a record: Payara 6.2025's OpenAPI generator fails on constraints that a record
    // also puts on its constructor parameters (payara/Payara#7649).
    public static class CreateUser {
        @NotBlank
        @Size(min = 2, max = 100)
        @Pattern(regexp = "[A-Za-z0-9._@-]+")
        public String username;

        @NotNull
        @Size(min = 12, max = 200)
        public String password;

        public Boolean operator;

        @Override
        public String toString() {
            return "CreateUser[username=" + username + ", operator=" + operator + "]";
        }
    }

    public record UserView(String username, boolean operator, Instant createdAt) {
    }

    @Inject
    UserService users;

    @Inject
    CurrentCaller caller;

    @Inject
    RequestBodies bodies;

    @POST
    @Path("users")
    @RolesAllowed(Roles.OPERATOR)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(CreateUser body) {
        CreateUser request = bodies.valid(body);
        UserAccount user = users.create(request.username, request.password, Boolean.TRUE.equals(request.operator));
        return Response.status(Response.Status.CREATED).entity(new UserView(user.username(), user.operator(), user.createdAt())).build();
    }

    /** Who am I: lets a client (and the web pages) show the signed-in user and their powers. */
    @GET
    @Path("me")
    @RolesAllowed({Roles.USER, Roles.OPERATOR})
    public UserView me() {
        Caller current = caller.get();
        UserAccount user = users.find(current.username()).orElseThrow();
        return new UserView(user.username(), current.operator(), user.createdAt());
    }
}
