package dev.fapiaoflow.modeling.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.fapiaoflow.modeling.ModelKind;
import dev.fapiaoflow.shared.Groups;
import dev.fapiaoflow.shared.FieldError;
import dev.fapiaoflow.shared.InvalidInputException;
import dev.fapiaoflow.shared.Texts;

/** The model library, the editors, the version diff, rollback, migration and the Flowable import, as pages. */
@Controller
@PreAuthorize("hasAnyAuthority('" + Groups.PROCESS_OWNER + "', '" + Groups.ADMIN + "')")
class ModelingPageController {

    private final ModelLibrary library;
    private final ModelDeployments deployments;
    private final ModelDiff diff;
    private final ModelMigrations migrations;
    private final FlowableImport flowable;

    ModelingPageController(ModelLibrary library, ModelDeployments deployments, ModelDiff diff, ModelMigrations migrations,
            FlowableImport flowable) {
        this.library = library;
        this.deployments = deployments;
        this.diff = diff;
        this.migrations = migrations;
        this.flowable = flowable;
    }

    @GetMapping("/models")
    String library(Model model, Authentication user) {
        common(model, user);
        model.addAttribute("models", library.all());
        return "modeling/library";
    }

    @GetMapping("/models/{kind}/{key}/edit")
    String edit(@PathVariable String kind, @PathVariable String key, @RequestParam(defaultValue = "0") int version, Model model,
            Authentication user) {
        ModelKind modelKind = ModelingApiController.kind(kind);
        ModelLibrary.Version shown = library.versionOrLatest(modelKind, key, version);
        common(model, user);
        model.addAttribute("kind", modelKind.name());
        model.addAttribute("key", key);
        model.addAttribute("version", shown.version());
        model.addAttribute("resourceName", modelKind.repositoryPath(shown.resourceName()));
        model.addAttribute("source", "/api/models/" + kind.toLowerCase(Locale.ROOT) + "/" + key + "/versions/" + shown.version() + "/content");
        return "modeling/editor";
    }

    @PostMapping("/models/import")
    String importFlowable(@RequestParam("file") MultipartFile file, Model model, Authentication user) throws IOException {
        common(model, user);
        try {
            if (file.isEmpty()) {
                throw new InvalidInputException("file", Texts.of("modeling.file.required"));
            }
            FlowableImport.Translation translation = flowable.translate(file.getOriginalFilename(), file.getBytes());
            model.addAttribute("kind", ModelKind.BPMN.name());
            model.addAttribute("key", translation.processKey());
            model.addAttribute("resourceName", translation.resourceName());
            model.addAttribute("initialContent", translation.content());
            model.addAttribute("importNotes", translation.notes());
            return "modeling/editor";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
            model.addAttribute("models", library.all());
            return "modeling/library";
        }
    }

    @GetMapping("/models/{kind}/{key}/versions/{version}/diff")
    String diff(@PathVariable String kind, @PathVariable String key, @PathVariable int version, Model model, Authentication user) {
        ModelKind modelKind = ModelingApiController.kind(kind);
        ModelLibrary.Version after = library.versionOrLatest(modelKind, key, version);
        ModelLibrary.Version before = library.versionOrLatest(modelKind, key, Math.max(1, after.version() - 1));
        common(model, user);
        model.addAttribute("kind", modelKind.name());
        model.addAttribute("key", key);
        model.addAttribute("before", before);
        model.addAttribute("after", after);
        byte[] beforeContent = library.content(before);
        byte[] afterContent = library.content(after);
        model.addAttribute("changes", modelKind == ModelKind.FORM ? null : diff.between(beforeContent, afterContent));
        model.addAttribute("beforeText", new String(beforeContent, StandardCharsets.UTF_8));
        model.addAttribute("afterText", new String(afterContent, StandardCharsets.UTF_8));
        String base = "/api/models/" + kind.toLowerCase(Locale.ROOT) + "/" + key + "/versions/";
        model.addAttribute("beforeUrl", base + before.version() + "/content");
        model.addAttribute("afterUrl", base + after.version() + "/content");
        return "modeling/diff";
    }

    @PostMapping("/models/{kind}/{key}/versions/{version}/rollback")
    String rollback(@PathVariable String kind, @PathVariable String key, @PathVariable int version,
            @RequestParam(defaultValue = "") String comment, Authentication user, RedirectAttributes redirect) {
        try {
            ModelDeployments.Deployed deployed = deployments.rollback(ModelingApiController.kind(kind), key, version, comment, user.getName());
            redirect.addFlashAttribute("message", key + " → v" + deployed.version());
        } catch (ModelRefused e) {
            redirect.addFlashAttribute("refused", e.problems());
        }
        return "redirect:/models";
    }

    @GetMapping("/models/bpmn/{key}/migration")
    String migration(@PathVariable String key, @RequestParam int from, Model model, Authentication user) {
        common(model, user);
        model.addAttribute("plan", migrations.plan(key, from, 0));
        return "modeling/migration";
    }

    @PostMapping("/models/bpmn/{key}/migration")
    String migrate(@PathVariable String key, @RequestParam int from, @RequestParam int to,
            @RequestParam(name = "instance", required = false) List<String> instances, Model model, Authentication user,
            RedirectAttributes redirect) {
        try {
            int migrated = migrations.migrate(key, from, to, instances);
            redirect.addFlashAttribute("message", key + ": " + migrated + " → v" + to);
            return "redirect:/models";
        } catch (InvalidInputException e) {
            common(model, user);
            model.addAttribute("plan", migrations.plan(key, from, to));
            model.addAttribute("errors", e.errors());
            return "modeling/migration";
        }
    }

    private static void common(Model model, Authentication user) {
        model.addAttribute("user", user.getName());
        model.addAttribute("staff", true);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", List.<FieldError>of());
        }
    }
}
