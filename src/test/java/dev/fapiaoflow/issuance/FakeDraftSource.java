package dev.fapiaoflow.issuance;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Primary;

/**
 * Stands in for the request module: hands out drafts the test registered and records what was reported
 * back. Primary, so it wins over the real implementation once that module exists.
 */
@TestConfiguration(proxyBeanMethods = false)
@Primary
public class FakeDraftSource implements InvoiceDraftSource {

    private final Map<Long, InvoiceDraft> drafts = new ConcurrentHashMap<>();
    private final Map<Long, List<Long>> reported = new ConcurrentHashMap<>();

    public void register(InvoiceDraft draft) {
        drafts.put(draft.requestId(), draft);
    }

    public List<Long> reportedFor(long requestId) {
        return reported.get(requestId);
    }

    @Override
    public InvoiceDraft draftFor(long requestId) {
        InvoiceDraft draft = drafts.get(requestId);
        if (draft == null) {
            throw new IllegalStateException("no draft registered for request " + requestId);
        }
        return draft;
    }

    @Override
    public void invoicesIssued(long requestId, List<Long> invoiceIds) {
        reported.put(requestId, invoiceIds);
    }
}
