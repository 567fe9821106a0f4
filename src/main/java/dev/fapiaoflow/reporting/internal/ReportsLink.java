package dev.fapiaoflow.reporting.internal;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import dev.fapiaoflow.shared.Groups;

/** Pages show the reports in their navigation to those who may open them ({@code reportsLink} in the layout). */
@ControllerAdvice(annotations = Controller.class)
class ReportsLink {

    @ModelAttribute("reportsLink")
    boolean reportsLink(Authentication user) {
        return user != null && user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(group -> group.equals(Groups.FINANCE_MANAGER) || group.equals(Groups.ADMIN));
    }
}
