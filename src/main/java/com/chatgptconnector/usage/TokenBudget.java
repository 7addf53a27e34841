package com.chatgptconnector.usage;

import com.chatgptconnector.problem.ErrorCode;
import com.chatgptconnector.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * The monthly token limit of a workspace, exact across instances: before a call, its estimate is
 * reserved with one conditional UPDATE that succeeds only while used + reserved + estimate stays
 * within the limit; afterwards the reservation is settled with the real usage, or released if the
 * call failed. The database serialises concurrent reservations, so no instance can overdraw.
 */
@ApplicationScoped
public class TokenBudget {

    /** A reservation to settle or release; {@code tokens} is 0 where the workspace has no limit. */
    public record Reservation(String workspaceId, String month, long tokens) {
    }

    @Inject
    TokenBudgetRepository repository;

    /** Reserves or refuses with {@code token_limit_reached}; with no limit, only opens the month. */
    public Reservation reserve(String workspaceId, Long monthlyLimit, long estimate) {
        String month = YearMonth.now(Clock.systemUTC().withZone(ZoneOffset.UTC)).toString();
        repository.ensureRow(workspaceId, month);
        if (monthlyLimit == null) {
            return new Reservation(workspaceId, month, 0);
        }
        if (!repository.tryReserve(workspaceId, month, estimate, monthlyLimit)) {
            throw new ProblemException(ErrorCode.TOKEN_LIMIT_REACHED, Map.of("tokenLimit", monthlyLimit));
        }
        return new Reservation(workspaceId, month, estimate);
    }

    public void settle(Reservation reservation, long usedTokens) {
        repository.settle(reservation.workspaceId(), reservation.month(), reservation.tokens(), usedTokens);
    }

    public void release(Reservation reservation) {
        if (reservation.tokens() > 0) {
            repository.settle(reservation.workspaceId(), reservation.month(), reservation.tokens(), 0);
        }
    }

    /** Tokens used in the month (settled calls only). */
    public long used(String workspaceId, YearMonth month) {
        return repository.used(workspaceId, month.toString());
    }
}
