package com.chatgptconnector.boundary.security;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The conversation with the OpenID Connect provider, through the Nimbus OAuth 2.0 / OpenID
 * Connect SDK (docs/adr/0029-openid-connect-with-nimbus-in-our-module.md): discovery, the
 * authorization code flow with PKCE, token refresh, RP-initiated logout, and the verification of
 * ID tokens and of machines' access tokens against the provider's JWKS.
 * <p>
 * The provider is looked up at the first use, not at start-up: the connector starts, and local
 * accounts and {@code cct_} tokens work, while the provider is down. The JWKS is cached (five
 * minutes) and fetched again at once, rate-limited, when a token names a key id it does not
 * hold: a key rotation at the provider needs no restart.
 */
@ApplicationScoped
public class OidcProvider {

    /** The tokens of a finished code flow or refresh, and the claims of its (validated) ID token. */
    public record Tokens(String idToken, String accessToken, String refreshToken, Instant expiresAt, Map<String, Object> claims) {
        @Override
        public String toString() {
            return "Tokens[expiresAt=" + expiresAt + "]";
        }
    }

    /** The provider refused or could not be asked; the message names no token or secret. */
    public static final class ProviderException extends Exception {
        ProviderException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final Logger LOG = Logger.getLogger(OidcProvider.class.getName());
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512,
            JWSAlgorithm.EdDSA);

    @Inject
    OidcSettings settings;

    private volatile Discovered discovered;

    /** What discovery found, with the key source built on it; kept for the life of the application. */
    private record Discovered(OIDCProviderMetadata metadata, JWKSource<SecurityContext> keys, DefaultJWTProcessor<SecurityContext> machineTokens) {
    }

    /** The provider's authorization endpoint with everything the flow needs, PKCE with S256. */
    public URI authorizationUri(URI redirectUri, State state, Nonce nonce, CodeVerifier verifier) throws ProviderException {
        OIDCProviderMetadata metadata = discovered().metadata();
        return new AuthenticationRequest.Builder(ResponseType.CODE, new Scope(settings.scopes().toArray(String[]::new)),
                new ClientID(settings.clientId()), redirectUri)
                .endpointURI(metadata.getAuthorizationEndpointURI())
                .state(state)
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .build()
                .toURI();
    }

    /** Exchanges the code for tokens and validates the ID token, with the nonce of this sign-in. */
    public Tokens exchange(String code, URI redirectUri, CodeVerifier verifier, Nonce nonce) throws ProviderException {
        return tokens(new AuthorizationCodeGrant(new AuthorizationCode(code), redirectUri, verifier), nonce, null);
    }

    /**
     * New tokens for a session whose tokens have expired: the claims are read again, so a person
     * who lost a group loses the role with it. Where the provider sends no new ID token, the
     * user-info endpoint answers for the claims.
     */
    public Tokens refresh(String refreshToken, String subject) throws ProviderException {
        return tokens(new RefreshTokenGrant(new RefreshToken(refreshToken)), null, subject);
    }

    /** The provider's end-session endpoint for this session, or empty where it has none. */
    public Optional<URI> endSessionUri(String idToken, URI postLogoutRedirect) {
        try {
            URI endpoint = discovered().metadata().getEndSessionEndpointURI();
            if (endpoint == null) {
                return Optional.empty();
            }
            JWT hint = idToken == null ? null : JWTParser.parse(idToken);
            return Optional.of(new LogoutRequest(endpoint, hint, postLogoutRedirect, new State()).toURI());
        } catch (ProviderException | java.text.ParseException e) {
            LOG.log(Level.WARNING, "OpenID Connect: no end-session URI: {0}", e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The claims of a machine's access token (client credentials), if its signature verifies
     * against the provider's JWKS and it names our issuer and audience and has not expired.
     */
    public Optional<JWTClaimsSet> verifyMachineToken(String token) {
        try {
            return Optional.of(discovered().machineTokens().process(token, null));
        } catch (java.text.ParseException | com.nimbusds.jose.proc.BadJOSEException | com.nimbusds.jose.JOSEException e) {
            LOG.log(Level.FINE, "OpenID Connect: a Bearer JWT was refused: {0}", e.getMessage());
            return Optional.empty();
        } catch (ProviderException | RuntimeException e) {
            // fail closed: a token that cannot be checked does not authenticate
            LOG.log(Level.WARNING, "OpenID Connect: a Bearer JWT could not be checked: {0}", e.getMessage());
            return Optional.empty();
        }
    }

    private Tokens tokens(AuthorizationGrant grant, Nonce nonce, String expectedSubject) throws ProviderException {
        Discovered provider = discovered();
        try {
            HTTPRequest http = new TokenRequest(provider.metadata().getTokenEndpointURI(),
                    new ClientSecretBasic(new ClientID(settings.clientId()), new Secret(settings.clientSecret())), grant, null)
                    .toHTTPRequest();
            timeouts(http);
            TokenResponse response = OIDCTokenResponseParser.parse(http.send());
            if (!response.indicatesSuccess()) {
                var error = ((TokenErrorResponse) response).getErrorObject();
                throw new ProviderException("the provider refused the token request: " + error.getCode(), null);
            }
            OIDCTokens tokens = ((OIDCTokenResponse) response.toSuccessResponse()).getOIDCTokens();
            Map<String, Object> claims;
            if (tokens.getIDToken() != null) {
                IDTokenValidator validator = new IDTokenValidator(new Issuer(provider.metadata().getIssuer()),
                        new ClientID(settings.clientId()), new JWSVerificationKeySelector<>(ALGORITHMS, provider.keys()), null);
                validator.setMaxClockSkew((int) settings.clockSkew().toSeconds());
                claims = new HashMap<>(validator.validate(tokens.getIDToken(), nonce).toJSONObject());
            } else if (nonce == null) {
                claims = userInfo(provider, tokens.getBearerAccessToken());
            } else {
                throw new ProviderException("the provider sent no ID token", null);
            }
            if (expectedSubject != null && !expectedSubject.equals(claims.get("sub"))) {
                throw new ProviderException("the refreshed tokens are of another subject", null);
            }
            long lifetime = tokens.getAccessToken().getLifetime();
            Instant expiresAt = Instant.now(Clock.systemUTC()).plusSeconds(lifetime > 0 ? lifetime : 300);
            return new Tokens(tokens.getIDTokenString(), tokens.getAccessToken().getValue(),
                    tokens.getRefreshToken() == null ? null : tokens.getRefreshToken().getValue(), expiresAt, claims);
        } catch (IOException | ParseException | com.nimbusds.jose.JOSEException | com.nimbusds.jose.proc.BadJOSEException e) {
            throw new ProviderException("OpenID Connect token request failed: " + e.getMessage(), e);
        }
    }

    private Map<String, Object> userInfo(Discovered provider, BearerAccessToken token) throws ProviderException, IOException, ParseException {
        URI endpoint = provider.metadata().getUserInfoEndpointURI();
        if (endpoint == null) {
            throw new ProviderException("the provider has neither a new ID token nor a user-info endpoint", null);
        }
        HTTPRequest http = new UserInfoRequest(endpoint, token).toHTTPRequest();
        timeouts(http);
        UserInfoResponse response = UserInfoResponse.parse(http.send());
        if (!response.indicatesSuccess()) {
            throw new ProviderException("the provider refused the user-info request", null);
        }
        return new HashMap<>(response.toSuccessResponse().getUserInfo().toJSONObject());
    }

    private void timeouts(HTTPRequest http) {
        http.setConnectTimeout(settings.httpTimeoutMillis());
        http.setReadTimeout(settings.httpTimeoutMillis());
    }

    private Discovered discovered() throws ProviderException {
        Discovered known = discovered;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (discovered == null) {
                discovered = discover();
            }
            return discovered;
        }
    }

    private Discovered discover() throws ProviderException {
        String issuer = settings.issuer().orElseThrow(() -> new ProviderException("OpenID Connect is not configured", null));
        try {
            OIDCProviderMetadata metadata = OIDCProviderMetadata.resolve(new Issuer(issuer), settings.httpTimeoutMillis(),
                    settings.httpTimeoutMillis());
            JWKSource<SecurityContext> keys = JWKSourceBuilder
                    .create(metadata.getJWKSetURI().toURL(),
                            new DefaultResourceRetriever(settings.httpTimeoutMillis(), settings.httpTimeoutMillis(), 512 * 1024))
                    .retrying(true)
                    .build();
            LOG.info(() -> "OpenID Connect provider " + metadata.getIssuer() + " discovered");
            return new Discovered(metadata, keys, machineTokenProcessor(metadata.getIssuer().getValue(), keys));
        } catch (IOException | com.nimbusds.oauth2.sdk.GeneralException | RuntimeException e) {
            throw new ProviderException("OpenID Connect discovery of " + issuer + " failed: " + e.getMessage(), e);
        }
    }

    private DefaultJWTProcessor<SecurityContext> machineTokenProcessor(String issuer, JWKSource<SecurityContext> keys) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        // plain JWTs and RFC 9068 access tokens; never an unsigned or encrypted one
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), null));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
        // mutable sets: the verifier asks them whether they contain null, which Set.of answers with an exception
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(new HashSet<>(List.of(settings.bearerAudience())),
                new JWTClaimsSet.Builder().issuer(issuer).build(), new HashSet<>(List.of("exp", "iss", "aud")), null);
        claims.setMaxClockSkew((int) settings.clockSkew().toSeconds());
        processor.setJWTClaimsSetVerifier(claims);
        return processor;
    }
}
