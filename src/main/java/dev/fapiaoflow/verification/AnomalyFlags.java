package dev.fapiaoflow.verification;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.criteria.Predicate;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.fapiaoflow.shared.ConflictException;
import dev.fapiaoflow.shared.InvalidInputException;
import dev.fapiaoflow.shared.NotFoundException;
import dev.fapiaoflow.shared.TimeConfig;
import dev.fapiaoflow.verification.internal.AnomalyDetector;
import dev.fapiaoflow.verification.internal.AnomalyFlag;
import dev.fapiaoflow.verification.internal.AnomalyFlagRepository;
import dev.fapiaoflow.shared.Texts;

/**
 * Anomaly flags raised by verification checks, for finance: the list with its filters, acknowledgement with a note,
 * and counts per kind for reports. Access (finance only) is the callers' business: the API, the page, the reports.
 */
@Service
public class AnomalyFlags {

    public static final int MAX_NOTE_LENGTH = 1000;
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("raisedAt"), Sort.Order.desc("id"));

    private final AnomalyFlagRepository flags;
    private final AnomalyDetector detector;
    private final Clock clock;
    // Checks answered a moment ago are judged in the background; every method judges the queue first, *before* its
    // own transaction: judging takes a connection of its own, so a reader holding one while it waits for the judge
    // could exhaust the pool when many read at once.
    private final TransactionTemplate reading;
    private final TransactionTemplate writing;

    AnomalyFlags(AnomalyFlagRepository flags, AnomalyDetector detector, ObjectProvider<Clock> clock,
            PlatformTransactionManager transactions) {
        this.flags = flags;
        this.detector = detector;
        this.clock = clock.getIfUnique(Clock::systemUTC);
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
        this.writing = new TransactionTemplate(transactions);
    }

    /** Newest first. */
    public List<AnomalyFlagView> list(AnomalyFilter filter, int page, int size) {
        detector.judgePending();
        return reading.execute(status -> flags.findAll(matching(filter), PageRequest.of(page, size, NEWEST_FIRST))
                .stream().map(AnomalyFlag::view).toList());
    }

    /** The invoice's flags, oldest first. */
    public List<AnomalyFlagView> ofInvoice(long invoiceId) {
        detector.judgePending();
        return reading.execute(status -> flags.findByInvoiceIdOrderByRaisedAtAscIdAsc(invoiceId).stream()
                .map(AnomalyFlag::view).toList());
    }

    /**
     * Flags raised from {@code from} to {@code to} (days in Asia/Shanghai, both included), per kind, every kind listed
     * (zero where none), with how many of them are still open.
     */
    public List<AnomalyCount> countsByKind(LocalDate from, LocalDate to) {
        detector.judgePending();
        Map<AnomalyKind, AnomalyCount> counts = new EnumMap<>(AnomalyKind.class);
        for (AnomalyKind kind : AnomalyKind.values()) {
            counts.put(kind, new AnomalyCount(kind, 0, 0));
        }
        List<Object[]> rows = reading.execute(status -> flags.countByKind(startOf(from), startOf(to.plusDays(1))));
        for (Object[] row : rows) {
            AnomalyKind kind = (AnomalyKind) row[0];
            counts.put(kind, new AnomalyCount(kind, ((Number) row[1]).longValue(), ((Number) row[2]).longValue()));
        }
        return List.copyOf(counts.values());
    }

    /**
     * @throws InvalidInputException without a note, or with one longer than {@value #MAX_NOTE_LENGTH} characters
     * @throws NotFoundException for an unknown flag
     * @throws ConflictException when the flag was acknowledged already
     */
    public AnomalyFlagView acknowledge(long id, String user, String note) {
        String trimmed = note == null ? "" : note.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidInputException("note", Texts.of("anomaly.note.required"));
        }
        if (trimmed.length() > MAX_NOTE_LENGTH) {
            throw new InvalidInputException("note", Texts.of("anomaly.note.length", MAX_NOTE_LENGTH));
        }
        detector.judgePending();
        return writing.execute(status -> {
            if (!flags.existsById(id)) {
                throw new NotFoundException("anomaly flag", id);
            }
            if (flags.acknowledge(id, clock.instant(), user, trimmed) == 0) {
                throw new ConflictException(Texts.of("anomaly.alreadyAcknowledged"));
            }
            return flags.findById(id).map(AnomalyFlag::view).orElseThrow();
        });
    }

    private static Specification<AnomalyFlag> matching(AnomalyFilter filter) {
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (filter.kind() != null) {
                where.add(cb.equal(root.get("kind"), filter.kind()));
            }
            if (filter.from() != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("raisedAt"), startOf(filter.from())));
            }
            if (filter.to() != null) {
                where.add(cb.lessThan(root.get("raisedAt"), startOf(filter.to().plusDays(1))));
            }
            if (filter.invoiceId() != null) {
                where.add(cb.equal(root.get("invoiceId"), filter.invoiceId()));
            }
            if (filter.open() != null) {
                where.add(filter.open() ? cb.isNotNull(root.get("openKey")) : cb.isNull(root.get("openKey")));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(TimeConfig.CHINA).toInstant();
    }
}
