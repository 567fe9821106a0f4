package dev.fapiaoflow.status;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the window going on now, if any, into every page's model: the layout shows it as a banner. */
@ControllerAdvice(basePackages = "dev.fapiaoflow")
class MaintenanceBanner {

    /** absent in web slice tests (@WebMvcTest), which load controller advice but not services: then no banner */
    private final ObjectProvider<MaintenanceWindows> windows;

    MaintenanceBanner(ObjectProvider<MaintenanceWindows> windows) {
        this.windows = windows;
    }

    @ModelAttribute("maintenance")
    MaintenanceWindow maintenance() {
        MaintenanceWindows all = windows.getIfAvailable();
        return all == null ? null : all.current().orElse(null);
    }
}
