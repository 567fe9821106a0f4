package dev.fapiaoflow.verification;

/** The re-check model's timer cycle as the model reads it: {@code ${incomingRecheckConfig.cycle}}. */
public class IncomingRecheckConfig {

    private final String cycle;

    public IncomingRecheckConfig(String cycle) {
        this.cycle = cycle;
    }

    public String getCycle() {
        return cycle;
    }
}
