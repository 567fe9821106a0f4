package dev.fapiaoflow.web;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import dev.fapiaoflow.shared.Groups;

/**
 * The pages' menu ({@code nav} in the layout) and where each role lands after login, from one table of who may open
 * what. The table repeats the rules of the security configuration and the controllers' {@code @PreAuthorize} (and,
 * for Cockpit and Tasklist, Camunda's authorizations set up in {@code CamundaAccessSetup}), as listed in
 * {@code endpoint-matrix.txt}; {@code NavigationTest} logs every demo user in and opens every link it is shown, so a
 * rule changed on one side and not the other fails there.
 */
@ControllerAdvice(annotations = Controller.class)
public class Navigation {

    /** One menu entry; public because FreeMarker sees only public types. */
    public record Entry(String id, String href, String labelKey) {
    }

    private record Rule(Entry entry, Predicate<Collection<String>> mayOpen) {
    }

    private static final Predicate<Collection<String>> ANYONE = groups -> true;
    /** the shop's integration account may push orders only, so "people" are all logged-in users but it */
    private static final Predicate<Collection<String>> PEOPLE = groups -> !groups.isEmpty()
            && !groups.stream().allMatch(Groups.SHOP::equals);

    private static final List<Rule> MENU = List.of(
            rule("orders", "/orders", "nav.orders", Groups.CUSTOMER),
            rule("titles", "/titles", "nav.titles", Groups.CUSTOMER),
            rule("periodic", "/periodic", "nav.periodic", Groups.CUSTOMER),
            rule("invoices", "/invoices", "nav.invoices", Groups.CUSTOMER),
            rule("tasks", "/tasks", "tasks.title", Groups.FINANCE_REVIEWER, Groups.FINANCE_MANAGER),
            rule("tasklist", "/camunda/app/tasklist/", "nav.tasklist", Groups.FINANCE_REVIEWER, Groups.FINANCE_MANAGER,
                    Groups.CUSTOMER_SERVICE, Groups.PROCESS_OWNER, Groups.CAMUNDA_ADMIN),
            rule("cockpit", "/camunda/app/cockpit/", "nav.cockpit", Groups.PROCESS_OWNER, Groups.CAMUNDA_ADMIN),
            rule("outbox", "/outbox", "outbox.title", Groups.ADMIN, Groups.FINANCE_REVIEWER, Groups.FINANCE_MANAGER,
                    Groups.CUSTOMER_SERVICE),
            rule("anomalies", "/anomalies", "nav.anomalies", Groups.FINANCE_REVIEWER, Groups.FINANCE_MANAGER),
            rule("incoming", "/incoming-invoices", "nav.incoming", Groups.FINANCE_REVIEWER, Groups.FINANCE_MANAGER),
            new Rule(new Entry("disputes", "/disputes", "nav.disputes"), PEOPLE),
            rule("users", "/admin/users", "nav.users", Groups.ADMIN),
            rule("audit", "/audit", "nav.audit", Groups.ADMIN),
            rule("maintenance", "/admin/maintenance", "nav.maintenance", Groups.ADMIN),
            rule("reports", "/reports", "nav.reports", Groups.FINANCE_MANAGER, Groups.ADMIN),
            rule("models", "/models", "nav.models", Groups.PROCESS_OWNER, Groups.ADMIN),
            new Rule(new Entry("verify", "/verify", "nav.verify"), ANYONE),
            new Rule(new Entry("apiKeys", "/api-keys", "nav.apiKeys"), PEOPLE));

    /** Each role's first page, in this order of preference; the first one the user may open wins. */
    private static final List<String> LANDING = List.of("/orders", "/tasks", "/outbox", "/models", "/disputes",
            "/verify");

    @ModelAttribute("nav")
    public List<Entry> nav(Authentication user) {
        Collection<String> groups = groups(user);
        return MENU.stream().filter(rule -> rule.mayOpen().test(groups)).map(Rule::entry).toList();
    }

    /** The page a user lands on after login: one its role may open (the public verification page for the shop's account). */
    public static String landingPage(Authentication user) {
        Collection<String> groups = groups(user);
        if (groups.contains(Groups.CUSTOMER_SERVICE) && !groups.contains(Groups.FINANCE_REVIEWER)
                && !groups.contains(Groups.FINANCE_MANAGER)) {
            return "/disputes"; // customer service works on disputes first
        }
        return LANDING.stream()
                .flatMap(href -> MENU.stream().filter(rule -> rule.entry().href().equals(href)))
                .filter(rule -> rule.mayOpen().test(groups))
                .map(rule -> rule.entry().href())
                .findFirst().orElse("/verify");
    }

    private static Collection<String> groups(Authentication user) {
        if (user == null || !user.isAuthenticated() || user instanceof AnonymousAuthenticationToken) {
            return List.of();
        }
        return user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    }

    private static Rule rule(String id, String href, String labelKey, String... groups) {
        Set<String> allowed = Set.of(groups);
        return new Rule(new Entry(id, href, labelKey), granted -> granted.stream().anyMatch(allowed::contains));
    }
}
