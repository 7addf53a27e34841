package com.chatgptconnector.boundary;

import com.chatgptconnector.identity.Roles;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The REST API under {@code /api}. */
@ApplicationPath("api")
@DeclareRoles({Roles.OPERATOR, Roles.USER, Roles.WORKSPACE_TOKEN})
@OpenAPIDefinition(
        info = @Info(title = "ChatGPT Connector", version = "0.1",
                description = "Governed access to OpenAI for the workspaces of a low-code platform. "
                        + "Errors are application/problem+json with a stable `code`."),
        security = @SecurityRequirement(name = "basic"))
@SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
public class ConnectorApplication extends Application {

    /**
     * Jersey buffers every response in a new 8 KiB array to count its length (ServerProperties
     * {@code OUTBOUND_CONTENT_LENGTH_BUFFER}): 5 % of all allocation on the OpenAI-compatible
     * endpoint. Responses are written directly instead; the hot paths announce their length
     * themselves, the others go out chunked.
     */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.contentLength.buffer", 0);
    }
}
