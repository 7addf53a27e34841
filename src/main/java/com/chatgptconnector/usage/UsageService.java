package com.chatgptconnector.usage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Records every request toward OpenAI and sums a month up for the usage page. */
@ApplicationScoped
public class UsageService {

    @Inject
    UsageRecordRepository records;

    @Inject
    UsageWriter writer;

    /**
     * Kept whatever the caller does afterwards. The stage completes when the record is committed
     * (with commit before the answer, together with {@code settlement}; otherwise at once, and the
     * record is written within {@code connector.usage.flush-interval}).
     */
    public java.util.concurrent.CompletableFuture<Void> record(UsageEntry entry, Settlement settlement) {
        return writer.add(entry, settlement);
    }

    /** Whether a call's end hands its settlement to {@link #record} (commit before the answer). */
    public boolean commitsBeforeAnswer() {
        return writer.commitsBeforeAnswer();
    }

    /** Totals of one month (UTC) by block, model, day, outcome and endpoint; block names from {@code blockNames}. */
    public UsageReport report(String workspaceId, YearMonth month, Map<String, String> blockNames, Long tokenLimit) {
        writer.flush();
        Instant from = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        List<UsageRecord> records = this.records.between(workspaceId, from, to);
        return new UsageReport(month.toString(), tokenLimit, UsageReport.Totals.of("all", records),
                group(records, r -> r.blockId() == null ? "(direct)" : blockNames.getOrDefault(r.blockId(), r.blockId())),
                group(records, r -> r.model() == null ? "(none)" : r.model()),
                group(records, r -> LocalDate.ofInstant(r.occurredAt(), ZoneOffset.UTC).toString()),
                group(records.stream().filter(r -> !"ok".equals(r.outcome())).toList(), UsageRecord::outcome),
                group(records, UsageRecord::endpoint));
    }

    /** The largest page of {@link #requests}; a larger limit is capped to it. */
    public static final int MAX_REQUEST_PAGE = 200;

    /**
     * The latest requests of a workspace, newest first, a page at a time; block names from
     * {@code blockNames} (a deleted block keeps its id).
     */
    public RequestPage requests(String workspaceId, RequestFilter filter, RequestCursor before, int limit,
                                Map<String, String> blockNames) {
        writer.flush();
        int size = Math.max(1, Math.min(limit, MAX_REQUEST_PAGE));
        // one more than asked: whether there is an older page, without counting
        List<UsageRecord> found = records.newestFirst(workspaceId, filter, before, size + 1);
        List<UsageRecord> page = found.subList(0, Math.min(size, found.size()));
        String next = found.size() > size ? new RequestCursor(page.get(size - 1).occurredAt(), page.get(size - 1).id()).encode() : null;
        return new RequestPage(page.stream()
                .map(r -> RequestView.of(r, r.blockId() == null ? null : blockNames.get(r.blockId())))
                .toList(), next);
    }

    private static List<UsageReport.Totals> group(List<UsageRecord> records, Function<UsageRecord, String> key) {
        Map<String, List<UsageRecord>> groups = new TreeMap<>();
        records.forEach(r -> groups.computeIfAbsent(key.apply(r), k -> new java.util.ArrayList<>()).add(r));
        return groups.entrySet().stream().map(e -> UsageReport.Totals.of(e.getKey(), e.getValue())).toList();
    }

    /** Created at deployment: {@link #record} is called on the threads that complete calls to OpenAI. */
    void createAtStartup(@Observes Startup startup) {
        // the observer alone instantiates the bean
    }
}
