package com.chatgptconnector.usage;

/**
 * What a call's end does to its workspace's budget: the reservation {@code reservationId} of
 * {@code reserved} tokens is removed and {@code used} tokens are counted. Written in the same
 * transaction as the call's usage record (docs/adr/0027), so after a crash both or neither exist.
 */
record Settlement(String reservationId, String workspaceId, String month, long reserved, long used) {

    static Settlement of(TokenBudget.Reservation reservation, long used) {
        return reservation.limited()
                ? new Settlement(reservation.id(), reservation.workspaceId(), reservation.month(), reservation.tokens(), used)
                : null;
    }
}
