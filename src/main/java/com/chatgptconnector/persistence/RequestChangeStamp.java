package com.chatgptconnector.persistence;

import jakarta.enterprise.context.RequestScoped;

/** The change stamp as the current request read it: one read a request, however many caches ask. */
@RequestScoped
public class RequestChangeStamp {

    private Long value;

    Long value() {
        return value;
    }

    void remember(long stamp) {
        value = stamp;
    }
}
