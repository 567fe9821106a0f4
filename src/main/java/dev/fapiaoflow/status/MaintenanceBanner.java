package dev.fapiaoflow.status;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the window going on now, if any, into every page's model: the layout shows it as a banner. */
@ControllerAdvice(basePackages = "dev.fapiaoflow")
class MaintenanceBanner {

    private final MaintenanceWindows windows;

    MaintenanceBanner(MaintenanceWindows windows) {
        this.windows = windows;
    }

    @ModelAttribute("maintenance")
    MaintenanceWindow maintenance() {
        return windows.current().orElse(null);
    }
}
