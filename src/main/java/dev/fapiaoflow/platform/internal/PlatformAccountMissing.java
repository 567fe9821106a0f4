package dev.fapiaoflow.platform.internal;

import java.util.List;

/** Platform mode without a usable platform account: the start-up stops (see {@link PlatformAccountFailureAnalyzer}). */
class PlatformAccountMissing extends IllegalStateException {

    private final List<String> problems;

    PlatformAccountMissing(List<String> problems) {
        super("Platform mode (fapiaoflow.seller.issuing=platform) needs the school's own platform account: "
                + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    List<String> problems() {
        return problems;
    }
}
