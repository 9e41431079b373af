package dev.ometriasync.hibernate.internal.backfill;

import dev.ometriasync.hibernate.backfill.BackfillRejection;
import dev.ometriasync.hibernate.backfill.BackfillSummary;
import dev.ometriasync.hibernate.backfill.BackfillSummary.TypeResult;
import dev.ometriasync.runtime.logging.EmailMasker;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The summary as text for a console: totals, one line per type, rejections grouped by reason. */
public final class SummaryText {

    private static final int REASONS_SHOWN = 10;
    private static final int IDS_PER_REASON = 5;

    private SummaryText() {
    }

    /**
     * Formats a summary.
     *
     * @param summary the summary
     * @return the lines
     */
    public static List<String> lines(BackfillSummary summary) {
        List<String> lines = new ArrayList<>();
        String headline = String.format(Locale.ROOT, "%,d records sent, %,d accepted, %,d rejected in %s (%,.0f records/s)", summary.sent(),
                summary.accepted(), summary.rejected(), ProgressLineView.duration(summary.duration()), summary.recordsPerSecond());
        if (summary.complete()) {
            lines.add("Backfill '" + summary.name() + "' complete: " + headline);
        } else {
            lines.add("Backfill '" + summary.name() + "' STOPPED: " + summary.stopReason());
            lines.add("  so far " + headline + "; run it again to resume after the last confirmed chunk");
        }
        for (TypeResult type : summary.types()) {
            lines.add(String.format(Locale.ROOT, "  %-12s %-28s %-12s %,9d sent %,9d accepted %,7d rejected%s", type.recordType().jsonName(),
                    simpleName(type.entityName()), type.status().name().toLowerCase(Locale.ROOT).replace('_', ' '), type.sent(), type.accepted(),
                    type.rejected(), type.resumedAfterId() == null || type.status() == BackfillSummary.TypeStatus.ALREADY_DONE ? ""
                            : " (resumed after id " + EmailMasker.mask(type.resumedAfterId()) + ")"));
        }
        if (summary.rejected() > 0) {
            lines.add("Rejected records by reason" + (summary.rejected() > summary.rejections().size()
                    ? " (the first " + summary.rejections().size() + " of " + summary.rejected() + ")" : "") + ":");
            Map<String, List<BackfillRejection>> byReason = new LinkedHashMap<>();
            for (BackfillRejection rejection : summary.rejections()) {
                byReason.computeIfAbsent(rejection.reason(), r -> new ArrayList<>()).add(rejection);
            }
            int shown = 0;
            for (Map.Entry<String, List<BackfillRejection>> entry : byReason.entrySet()) {
                if (shown++ == REASONS_SHOWN) {
                    lines.add("  ... and " + (byReason.size() - REASONS_SHOWN) + " other reasons");
                    break;
                }
                List<BackfillRejection> list = entry.getValue();
                List<String> ids = list.stream().limit(IDS_PER_REASON)
                        .map(r -> simpleName(r.entityName()) + "#" + EmailMasker.mask(r.entityId())).toList();
                lines.add(String.format(Locale.ROOT, "  %,d × %s: %s%s", list.size(), EmailMasker.mask(entry.getKey()), String.join(", ", ids),
                        list.size() > IDS_PER_REASON ? ", ..." : ""));
            }
        }
        return lines;
    }

    private static String simpleName(String entityName) {
        int dot = entityName.lastIndexOf('.');
        return dot < 0 ? entityName : entityName.substring(dot + 1);
    }
}
