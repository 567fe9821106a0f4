package dev.fapiaoflow.dispute;

/** The dispute model's time limit as it reads it ({@code ${disputeConfig.sla}}). */
public class DisputeConfig {

    private final String sla;

    public DisputeConfig(String sla) {
        this.sla = sla;
    }

    /** ISO-8601 duration customer service has before a dispute escalates to the finance managers, e.g. PT48H */
    public String getSla() {
        return sla;
    }
}
