package dev.fapiaoflow.periodic;

/** The timer start event's cycle as the model reads it: {@code ${periodicConfig.cron}}. */
public class PeriodicConfig {

    private final String cron;

    public PeriodicConfig(String cron) {
        this.cron = cron;
    }

    public String getCron() {
        return cron;
    }
}
