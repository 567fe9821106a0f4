package dev.fapiaoflow.status;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 系统状态: public, no login, so a customer can see why something does not work before calling. */
@Controller
class StatusPageController {

    private final SystemStatus status;
    private final MaintenanceWindows windows;

    StatusPageController(SystemStatus status, MaintenanceWindows windows) {
        this.status = status;
        this.windows = windows;
    }

    @GetMapping("/status")
    String status(Model model) {
        model.addAttribute("parts", status.parts());
        model.addAttribute("windows", windows.currentAndUpcoming());
        return "status/status";
    }
}
