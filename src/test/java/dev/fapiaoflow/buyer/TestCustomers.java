package dev.fapiaoflow.buyer;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import dev.fapiaoflow.shared.Groups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Users for the buyer module's Spring tests, made in Camunda's identity store so requests pass the real
 * HTTP Basic authentication. Ids are plain letters (Camunda refuses others) and the module's own, so they cannot clash with the demo users.
 */
final class TestCustomers {

    static final String LI = "buyertestli";
    static final String WANG = "buyertestwang";
    /** Logged in but not a customer. */
    static final String STAFF = "buyerteststaff";
    static final String PASSWORD = "secret-1";

    private TestCustomers() {
    }

    static void ensureExist(IdentityService identity) {
        if (identity.createGroupQuery().groupId(Groups.CUSTOMER).count() == 0) {
            Group group = identity.newGroup(Groups.CUSTOMER);
            group.setName("Customers");
            identity.saveGroup(group);
        }
        ensureUser(identity, LI, true);
        ensureUser(identity, WANG, true);
        ensureUser(identity, STAFF, false);
    }

    static RequestPostProcessor as(String user) {
        return httpBasic(user, PASSWORD);
    }

    private static void ensureUser(IdentityService identity, String id, boolean customer) {
        if (identity.createUserQuery().userId(id).count() > 0) {
            return;
        }
        User user = identity.newUser(id);
        user.setPassword(PASSWORD);
        identity.saveUser(user);
        if (customer) {
            identity.createMembership(id, Groups.CUSTOMER);
        }
    }
}
