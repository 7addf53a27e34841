package com.chatgptconnector.usage;

import com.chatgptconnector.problem.ErrorCode;
import com.chatgptconnector.problem.ProblemException;
import com.chatgptconnector.settings.PolicyChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
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
 * A workspace without a limit has no budget row at all (its usage records still count every
 * token): one shared row updated by every request would serialise them for nothing. The row is
 * created from the month's usage records when a limit applies, and dropped when the limit
 * changes, so it never starts from a stale count.
 */
@ApplicationScoped
public class TokenBudget {

    /** A reservation to settle or release; {@code limited} is false where the workspace has no limit. */
    public record Reservation(String id, String workspaceId, String month, long tokens, boolean limited) {

        /** For a call that reserves nothing (one OpenAI does not bill by the token). */
        static Reservation none(String workspaceId) {
            return new Reservation(null, workspaceId, null, 0, false);
        }
    }

    @Inject
    TokenBudgetRepository repository;

    @Inject
    UsageWriter writer;

    @Inject
    InstanceLease instance;

    /** Reserves or refuses with {@code token_limit_reached}; with no limit, only opens the month. */
    public Reservation reserve(String workspaceId, Long monthlyLimit, long estimate) {
        String month = YearMonth.now(Clock.systemUTC().withZone(ZoneOffset.UTC)).toString();
        if (monthlyLimit == null) {
            return new Reservation(null, workspaceId, month, 0, false);
        }
        if (!repository.exists(workspaceId, month)) {
            // the new row starts from the usage records: none may still be waiting in memory
            writer.flush();
            repository.create(workspaceId, month);
        }
        String id = java.util.UUID.randomUUID().toString();
        if (!repository.tryReserve(id, instance.id(), workspaceId, month, estimate, monthlyLimit)) {
            throw new ProblemException(ErrorCode.TOKEN_LIMIT_REACHED, Map.of("tokenLimit", monthlyLimit));
        }
        return new Reservation(id, workspaceId, month, estimate, true);
    }

    /** Settles now, in a transaction of its own (the in-memory usage writer; the durable one settles with the record). */
    public void settle(Reservation reservation, long usedTokens) {
        if (reservation.limited()) {
            repository.settle(reservation.id(), reservation.workspaceId(), reservation.month(), reservation.tokens(), usedTokens);
        }
    }

    public void release(Reservation reservation) {
        settle(reservation, 0);
    }

    /** After a limit change: the next limited request starts the month's row from the usage records. */
    void resync(@Observes PolicyChanged change) {
        repository.drop(change.workspaceId(), YearMonth.now(Clock.systemUTC().withZone(ZoneOffset.UTC)).toString());
    }
}
