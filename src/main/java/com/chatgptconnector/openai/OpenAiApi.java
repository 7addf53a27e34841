package com.chatgptconnector.openai;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The part of the OpenAI API the connector calls, as a MicroProfile REST Client. Answers come
 * back as raw {@link Response}s (the default exception mapper is switched off), so every status
 * and body reaches {@link OpenAiErrorClassifier} unchanged. A null organization or project
 * header is not sent.
 */
@Path("")
public interface OpenAiApi {

    @GET
    @Path("models")
    @Produces(MediaType.APPLICATION_JSON)
    Response listModels(@HeaderParam("Authorization") String authorization,
                        @HeaderParam("OpenAI-Organization") String organization,
                        @HeaderParam("OpenAI-Project") String project);

    @POST
    @Path("chat/completions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response chatCompletions(@HeaderParam("Authorization") String authorization,
                             @HeaderParam("OpenAI-Organization") String organization,
                             @HeaderParam("OpenAI-Project") String project,
                             String body);
}
