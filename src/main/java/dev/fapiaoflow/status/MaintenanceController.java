package dev.fapiaoflow.status;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.fapiaoflow.shared.InvalidInputException;
import dev.fapiaoflow.shared.Texts;

/** Maintenance windows: anyone reads them (API); an administrator posts and cancels them (API and page). */
@Controller
class MaintenanceController {

    /** the admin page's form takes wall-clock times in Beijing time, like every time the pages show */
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final MaintenanceWindows windows;

    MaintenanceController(MaintenanceWindows windows) {
        this.windows = windows;
    }

    record NewWindow(Instant startsAt, Instant endsAt, String message) {
    }

    @GetMapping("/api/maintenance-windows")
    @ResponseBody
    List<MaintenanceWindow> list() {
        return windows.currentAndUpcoming();
    }

    @PostMapping("/api/maintenance-windows")
    @ResponseBody
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('admin')")
    MaintenanceWindow post(@RequestBody NewWindow window, Authentication user) {
        return windows.post(window.startsAt(), window.endsAt(), window.message(), user.getName());
    }

    @DeleteMapping("/api/maintenance-windows/{id}")
    @ResponseBody
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('admin')")
    void cancel(@PathVariable long id) {
        windows.cancel(id);
    }

    @GetMapping("/admin/maintenance")
    @PreAuthorize("hasAuthority('admin')")
    String page(Model model) {
        model.addAttribute("windows", windows.currentAndUpcoming());
        return "status/maintenance";
    }

    @PostMapping("/admin/maintenance")
    @PreAuthorize("hasAuthority('admin')")
    String postFromPage(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime startsAt,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime endsAt,
            @RequestParam(required = false) String message, Authentication user, Model model, RedirectAttributes redirect) {
        try {
            windows.post(inShanghai(startsAt), inShanghai(endsAt), message, user.getName());
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
            model.addAttribute("windows", windows.currentAndUpcoming());
            return "status/maintenance";
        }
        redirect.addFlashAttribute("notice", Texts.of("maintenance.notice.posted"));
        return "redirect:/admin/maintenance";
    }

    @PostMapping("/admin/maintenance/{id}/cancel")
    @PreAuthorize("hasAuthority('admin')")
    String cancelFromPage(@PathVariable long id, RedirectAttributes redirect) {
        windows.cancel(id);
        redirect.addFlashAttribute("notice", Texts.of("maintenance.notice.cancelled"));
        return "redirect:/admin/maintenance";
    }

    private static Instant inShanghai(LocalDateTime time) {
        return time == null ? null : time.atZone(SHANGHAI).toInstant();
    }
}
