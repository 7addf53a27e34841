package com.chatgptconnector.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The fake OpenAI of the integration tests: WireMock on loopback, on the port the deployed
 * server's {@code connector.openai.base-url} points at, answering with the samples of
 * ../shared/openai (copied to src/test/resources/openai).
 */
public final class FakeOpenAi {

    private FakeOpenAi() {
    }

    public static WireMockServer start(int port) {
        WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").port(port));
        server.start();
        return server;
    }

    /** On the port the Arquillian-deployed server is configured with. */
    public static WireMockServer startForDeployment() {
        return start(Integer.getInteger("it.openai.port"));
    }

    public static MappingBuilder models(String key) {
        return get(urlPathEqualTo("/v1/models")).withHeader("Authorization", equalTo("Bearer " + key));
    }

    public static MappingBuilder chat(String key) {
        return post(urlPathEqualTo("/v1/chat/completions")).withHeader("Authorization", equalTo("Bearer " + key));
    }

    /** A JSON answer with an {@code x-request-id}, as OpenAI sends on every response. */
    public static ResponseDefinitionBuilder json(int status, String body, String requestId) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withHeader("x-request-id", requestId).withBody(body);
    }

    public static String sample(String name) {
        try (InputStream in = FakeOpenAi.class.getResourceAsStream("/openai/" + name)) {
            if (in == null) {
                throw new IllegalStateException("sample " + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
