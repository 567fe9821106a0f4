package dev.fapiaoflow.verification;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import dev.fapiaoflow.shared.Groups;

/** Tells the page layout whether to show the anomalies link: finance only, the ones the page lets in. */
@ControllerAdvice
class AnomalyNavigation {

    @ModelAttribute("seesAnomalies")
    boolean seesAnomalies(Authentication authentication) {
        return authentication != null && authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(group -> group.equals(Groups.FINANCE_REVIEWER) || group.equals(Groups.FINANCE_MANAGER));
    }
}
