package dev.fapiaoflow.delivery;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import dev.fapiaoflow.shared.Texts;

/**
 * On PostPaperInvoice: the task's description lists the invoice PDFs to print, so Tasklist and the REST task show
 * them; finance may read /api/invoices/{id}/pdf. Only invoice ids, nothing personal, end up on the task.
 */
@Component("printableInvoicesListener")
class PrintableInvoicesListener implements TaskListener {

    private final PaperDeliveryService paper;

    PrintableInvoicesListener(PaperDeliveryService paper) {
        this.paper = paper;
    }

    @Override
    public void notify(DelegateTask task) {
        task.setDescription(Texts.inProductLanguage("task.print.description", paper.printLinks((Long) task.getVariable(DeliveryProcess.Vars.REQUEST_ID))));
    }
}
