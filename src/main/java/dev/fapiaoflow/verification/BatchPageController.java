package dev.fapiaoflow.verification;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

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
import dev.fapiaoflow.shared.upload.UploadRejected;
import dev.fapiaoflow.shared.upload.UploadRejections;
import dev.fapiaoflow.verification.internal.UploadRefused;
import dev.fapiaoflow.verification.internal.VerificationProperties;

/** The logged-in batch page: upload, then a progress bar that polls the status JSON (see batch-progress.ftlh). */
@Controller
class BatchPageController {

    private final BatchVerificationService batches;
    private final VerificationProperties.Batch limits;
    private final UploadRejections rejections;

    BatchPageController(BatchVerificationService batches, VerificationProperties properties, UploadRejections rejections) {
        this.batches = batches;
        this.limits = properties.batch();
        this.rejections = rejections;
    }

    @PreAuthorize("isAuthenticated()")
    @GetMapping("/verify/batch")
    String form(Model model, Authentication authentication) {
        return upload(model, authentication);
    }

    /**
     * A refused file redisplays the form with the reason (with the 422 or 413 status of a file rejected for what it
     * holds); an accepted one goes to its progress page.
     */
    @PreAuthorize("isAuthenticated()")
    @PostMapping("/verify/batch")
    String submit(@RequestParam("file") MultipartFile file, Model model, Authentication authentication, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        try {
            long id = batches.submit(authentication.getName(), file.getSize(), file.getInputStream());
            return "redirect:/verify/batch/" + id;
        } catch (UploadRefused e) {
            model.addAttribute("error", e.getMessage());
            return upload(model, authentication);
        } catch (UploadRejected e) {
            response.setStatus(e.reason().status().value());
            model.addAttribute("error", rejections.message(e, org.springframework.web.servlet.support.RequestContextUtils.getLocale(request)));
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
