package com.chatgptconnector.usage;

import java.util.List;

/** A month of usage: overall totals and the same totals by block, model, day, error code and OpenAI endpoint. */
public record UsageReport(String month, Long tokenLimit, Totals total, List<Totals> byBlock, List<Totals> byModel,
                          List<Totals> byDay, List<Totals> byErrorCode, List<Totals> byEndpoint) {

    /** Requests and tokens of one group ({@code key} is a block name, model, date, error code or endpoint). */
    public record Totals(String key, long requests, long errors, long promptTokens, long completionTokens, long totalTokens) {

        static Totals of(String key, List<UsageRecord> records) {
            long prompt = records.stream().mapToLong(UsageRecord::promptTokens).sum();
            long completion = records.stream().mapToLong(UsageRecord::completionTokens).sum();
            long errors = records.stream().filter(r -> !"ok".equals(r.outcome())).count();
            return new Totals(key, records.size(), errors, prompt, completion, prompt + completion);
        }
    }
}
