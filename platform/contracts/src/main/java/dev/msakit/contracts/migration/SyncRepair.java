package dev.msakit.contracts.migration;

import javax.validation.Valid;
import javax.validation.constraints.NotBlank;
import javax.validation.constraints.NotNull;
import javax.validation.constraints.Size;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * release-control's request to the side that holds a feature ({@code POST /internal/reconciliation/{dataset}/repairs},
 * SERVICE token): publish these rows to the other side as they are here. Each row comes with both sides' canonical
 * rows as reconciliation confirmed them (null where a side has none), so the holder can tell what to correct.
 */
public class SyncRepair {

    @NotNull
    @Size(min = 1, max = 10_000)
    private List<@Valid Row> rows = new ArrayList<>();

    public SyncRepair() {
    }

    public SyncRepair(List<Row> rows) {
        this.rows = rows;
    }

    public List<Row> getRows() {
        return rows;
    }

    public void setRows(List<Row> rows) {
        this.rows = rows;
    }

    /** Publishes each row with {@code publish}, which answers null when it did, else why not. */
    public Result each(Function<Row, String> publish) {
        List<String> published = new ArrayList<>();
        Map<String, String> notPublished = new LinkedHashMap<>();
        for (Row row : rows) {
            String why = publish.apply(row);
            if (why == null) {
                published.add(row.getId());
            } else {
                notPublished.put(row.getId(), why);
            }
        }
        return new Result(published, notPublished);
    }

    public static class Row {
        @NotBlank
        @Size(max = 64)
        private String id;
        /** The row at the holder (this side), as reconciliation saw it. */
        private String holderRow;
        /** The row at the other side, as reconciliation saw it. */
        private String otherRow;

        public Row() {
        }

        public Row(String id, String holderRow, String otherRow) {
            this.id = id;
            this.holderRow = holderRow;
            this.otherRow = otherRow;
        }

        public String getId() {
            return id;
        }

        public void setId(String id) {
            this.id = id;
        }

        public String getHolderRow() {
            return holderRow;
        }

        public void setHolderRow(String holderRow) {
            this.holderRow = holderRow;
        }

        public String getOtherRow() {
            return otherRow;
        }

        public void setOtherRow(String otherRow) {
            this.otherRow = otherRow;
        }
    }

    /** What the holder did: the rows it published (by id), and why it did not publish the others (by id). */
    public static class Result {
        private List<String> published = new ArrayList<>();
        private Map<String, String> notPublished = new LinkedHashMap<>();

        public Result() {
        }

        public Result(List<String> published, Map<String, String> notPublished) {
            this.published = published;
            this.notPublished = notPublished;
        }

        public List<String> getPublished() {
            return published;
        }

        public void setPublished(List<String> published) {
            this.published = published;
        }

        public Map<String, String> getNotPublished() {
            return notPublished;
        }

        public void setNotPublished(Map<String, String> notPublished) {
            this.notPublished = notPublished;
        }
    }
}
