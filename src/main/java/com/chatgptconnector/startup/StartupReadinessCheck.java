package com.chatgptconnector.startup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until start-up has finished; DOWN with the reason when it failed. */
@Readiness
@ApplicationScoped
public class StartupReadinessCheck implements HealthCheck {

    @Inject
    StartupState state;

    @Override
    public HealthCheckResponse call() {
        String failure = state.failure();
        if (failure != null) {
            return HealthCheckResponse.named("startup").down().withData("reason", failure).build();
        }
        return HealthCheckResponse.named("startup").status(state.isStarted()).build();
    }
}
