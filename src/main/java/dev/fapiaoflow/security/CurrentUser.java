package dev.fapiaoflow.security;

import dev.fapiaoflow.shared.Groups;
import java.util.Collection;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** Who is calling, and whether they belong to the back office. */
public record CurrentUser(String id, Collection<String> groups) {

    public static CurrentUser of(Authentication authentication) {
        return new CurrentUser(authentication.getName(),
                authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
    }

    public boolean isBackOffice() {
        return groups.stream().anyMatch(Groups.BACK_OFFICE::contains);
    }

    /** customer service without a finance role: sees what its disputes concern, not everything the back office sees */
    public boolean handlesDisputesOnly() {
        return groups.contains(Groups.CUSTOMER_SERVICE) && !groups.contains(Groups.FINANCE_REVIEWER)
                && !groups.contains(Groups.FINANCE_MANAGER);
    }

    public boolean mayRead(String owner) {
        return id.equals(owner) || isBackOffice();
    }
}
