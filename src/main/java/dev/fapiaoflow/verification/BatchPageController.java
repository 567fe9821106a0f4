package dev.fapiaoflow.verification;

import java.io.IOException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import dev.fapiaoflow.security.CurrentUser;
import dev.fapiaoflow.verification.internal.UploadRefused;
import dev.fapiaoflow.verification.internal.VerificationProperties;

/** The logged-in batch page: upload, then a progress bar that polls the status JSON (see batch-progress.ftlh). */
@Controller
class BatchPageController {

    private final BatchVerificationService batches;
    private final VerificationProperties.Batch limits;

    BatchPageController(BatchVerificationService batches, VerificationProperties properties) {
        this.batches = batches;
        this.limits = properties.batch();
    }

    @PreAuthorize("isAuthenticated()")
    @GetMapping("/verify/batch")
    String form(Model model, Authentication authentication) {
        return upload(model, authentication);
    }

    /** A refused file redisplays the form with the reason; an accepted one goes to its progress page. */
    @PreAuthorize("isAuthenticated()")
    @PostMapping("/verify/batch")
    String submit(@RequestParam("file") MultipartFile file, Model model, Authentication authentication) throws IOException {
        try {
            long id = batches.submit(authentication.getName(), file.getSize(), file.getInputStream());
            return "redirect:/verify/batch/" + id;
        } catch (UploadRefused e) {
            model.addAttribute("error", e.getMessage());
            return upload(model, authentication);
        }
    }

    @PreAuthorize("isAuthenticated()")
    @GetMapping("/verify/batch/{jobId}")
    String progress(@PathVariable long jobId, Model model, Authentication authentication) {
        batches.progress(authentication.getName(), jobId); // 404 for someone else's batch
        model.addAttribute("jobId", jobId);
        addUser(model, authentication);
        return "verification/batch-progress";
    }

    private String upload(Model model, Authentication authentication) {
        model.addAttribute("maxRows", limits.maxRows());
        model.addAttribute("maxMegabytes", limits.maxFileSize().toMegabytes());
        addUser(model, authentication);
        return "verification/batch-upload";
    }

    /** The layout's menu: back-office users get theirs. */
    private static void addUser(Model model, Authentication authentication) {
        model.addAttribute("user", authentication.getName());
        if (CurrentUser.of(authentication).isBackOffice()) {
            model.addAttribute("staff", true);
        }
    }
}
