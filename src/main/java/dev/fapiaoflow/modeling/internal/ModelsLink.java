package dev.fapiaoflow.modeling.internal;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import dev.fapiaoflow.shared.Groups;

/** Pages show the model library in their navigation to those who may open it ({@code modelsLink} in the layout). */
@ControllerAdvice(annotations = Controller.class)
class ModelsLink {

    @ModelAttribute("modelsLink")
    boolean modelsLink(Authentication user) {
        return user != null && user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(group -> group.equals(Groups.PROCESS_OWNER) || group.equals(Groups.ADMIN));
    }
}
