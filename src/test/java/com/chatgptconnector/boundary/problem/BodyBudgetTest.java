package com.chatgptconnector.boundary.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BodyBudgetTest {

    static BodyBudget budget(long capacity) {
        BodyBudget budget = new BodyBudget();
        budget.capacity = capacity;
        return budget;
    }

    @Test
    void aClaimIsAllOrNothingAndReleasedBytesCanBeClaimedAgain() {
        BodyBudget budget = budget(100);
        assertTrue(budget.claim(60));
        assertFalse(budget.claim(41), "would pass the capacity");
        assertEquals(60, budget.held(), "a refused claim takes nothing");
        assertTrue(budget.claim(40));
        budget.release(60);
        assertTrue(budget.claim(60));
        assertEquals(100, budget.held());
    }

    @Test
    void concurrentClaimsNeverPassTheCapacity() throws InterruptedException {
        BodyBudget budget = budget(1000);
        AtomicInteger granted = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 10_000; i++) {
            pool.execute(() -> {
                if (budget.claim(7)) {
                    granted.incrementAndGet();
                }
            });
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        assertEquals(142, granted.get(), "1,000 / 7, never one more");
        assertEquals(994, budget.held());
    }
}
