package dev.fapiaoflow.web;

/** The orders page's query: invoiceable orders only unless {@code all}, a search text, the page (from 1). */
public class OrderFilter {

    static final int PAGE_SIZE = 20;

    private boolean all;
    private String q;
    private int page = 1;

    public boolean isAll() {
        return all;
    }

    public void setAll(boolean all) {
        this.all = all;
    }

    public String getQ() {
        return q == null ? "" : q;
    }

    public void setQ(String q) {
        this.q = q == null ? null : q.strip();
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = Math.max(1, page);
    }

    /** the query string of this filter on another page */
    public String query(int otherPage) {
        return "?all=" + all + "&q=" + java.net.URLEncoder.encode(getQ(), java.nio.charset.StandardCharsets.UTF_8)
                + "&page=" + otherPage;
    }
}
