package dev.fapiaoflow.status;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.fapiaoflow.delivery.InvoiceMailService;
import dev.fapiaoflow.status.ServiceState.State;
import dev.fapiaoflow.operations.EngineBacklog;

/**
 * The state of each part a user relies on, as the status page shows it: issuing (the engine's open incidents: a
 * failed issuing or delivery step waits for staff), mail (held in the outbox without a mail server), the e-invoice
 * platform and verification (both down during a maintenance window).
 */
@Component
class SystemStatus {

    private final EngineBacklog backlog;
    private final InvoiceMailService mail;
    private final MaintenanceWindows windows;

    SystemStatus(EngineBacklog backlog, InvoiceMailService mail, MaintenanceWindows windows) {
        this.backlog = backlog;
        this.mail = mail;
        this.windows = windows;
    }

    List<ServiceState> parts() {
        boolean maintenance = windows.current().isPresent();
        long incidents = backlog.openIncidents();
        State issuing = maintenance ? State.MAINTENANCE : incidents > 0 ? State.DEGRADED : State.OPERATIONAL;
        State mailState = maintenance ? State.MAINTENANCE : mail.mailServerConfigured() ? State.OPERATIONAL : State.DEGRADED;
        State other = maintenance ? State.MAINTENANCE : State.OPERATIONAL;
        return List.of(new ServiceState("issuing", issuing, incidents), new ServiceState("mail", mailState, 0),
                new ServiceState("platform", other, 0), new ServiceState("verification", other, 0));
    }
}
