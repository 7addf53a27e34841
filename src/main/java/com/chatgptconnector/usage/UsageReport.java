package com.chatgptconnector.usage;

import java.util.List;

/** A month of usage: overall totals and the same totals by block, model, day and error code. */
public record UsageReport(String month, Long tokenLimit, Totals total, List<Totals> byBlock, List<Totals> byModel,
                          List<Totals> byDay, List<Totals> byErrorCode) {

    /** Requests and tokens of one group ({@code key} is a block name, model, date or error code). */
    public record Totals(String key, long requests, long errors, long promptTokens, long completionTokens, long totalTokens) {

        static Totals of(String key, List<UsageRecord> records) {
            long prompt = records.stream().mapToLong(UsageRecord::promptTokens).sum();
            long completion = records.stream().mapToLong(UsageRecord::completionTokens).sum();
            long errors = records.stream().filter(r -> !"ok".equals(r.outcome())).count();
            return new Totals(key, records.size(), errors, prompt, completion, prompt + completion);
        }
    }
}
