package dev.fapiaoflow.issuance.internal;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import dev.fapiaoflow.platform.PlatformClient;
import dev.fapiaoflow.platform.PlatformRefused;
import dev.fapiaoflow.shared.TimeConfig;

/**
 * The platform's daily limit of issue calls per serial, for invoices, red-letter invoices and re-issues alike. Each
 * attempt is counted in a transaction of its own, so a call whose step then fails still counts.
 */
@Component
class PlatformAttempts {

    private final PlatformSubmissionRepository submissions;
    private final PlatformClient platform;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    PlatformAttempts(PlatformSubmissionRepository submissions, PlatformClient platform, ObjectProvider<Clock> clock,
            PlatformTransactionManager transactions) {
        this.submissions = submissions;
        this.platform = platform;
        this.clock = clock.getIfUnique(Clock::systemUTC);
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Counts one more issue call of {@code serial} today (Asia/Shanghai), or refuses it above the limit. */
    void count(String serial) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), TimeConfig.CHINA);
        boolean allowed = Boolean.TRUE.equals(ownTransaction.execute(status ->
                submissions.findById(serial).orElseThrow().countAttempt(today, platform.maxDailyAttempts())));
        if (!allowed) {
            throw new PlatformRefused("daily-limit", "serial " + serial + " was sent " + platform.maxDailyAttempts()
                    + " times today; the job retries tomorrow or an operator resolves the incident");
        }
    }
}
