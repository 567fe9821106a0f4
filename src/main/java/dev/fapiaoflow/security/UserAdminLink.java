package dev.fapiaoflow.security;

import dev.fapiaoflow.shared.Groups;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Pages show the user administration in their navigation to administrators ({@code userAdminLink} in the layout). */
@ControllerAdvice(annotations = Controller.class)
class UserAdminLink {

    @ModelAttribute("userAdminLink")
    boolean userAdminLink(Authentication user) {
        return user != null && user.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(Groups.ADMIN::equals);
    }
}
