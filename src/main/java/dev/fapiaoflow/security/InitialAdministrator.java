package dev.fapiaoflow.security;

import dev.fapiaoflow.shared.Groups;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The first login of a database without demo data: with {@code fapiaoflow.security.initial-admin-password} set and no
 * user in the {@code admin} group, creates {@code admin} (admin, camunda-admin) with that password. After the groups
 * exist ({@link CamundaAccessSetup}, order 0), before the demo data (order 10), which then finds its users missing.
 */
@Component
@Order(5)
class InitialAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InitialAdministrator.class);
    static final String USER = "admin";

    private final IdentityService identityService;
    private final UserAdministration users;
    private final String password;

    InitialAdministrator(IdentityService identityService, UserAdministration users,
            @Value("${fapiaoflow.security.initial-admin-password:}") String password) {
        this.identityService = identityService;
        this.users = users;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (password.isBlank() || identityService.createUserQuery().memberOfGroup(Groups.ADMIN).count() > 0
                || identityService.createUserQuery().userId(USER).count() > 0) {
            return;
        }
        users.create(new UserAdministration.NewUser(USER, null, null, null, password, List.of(Groups.ADMIN, Groups.CAMUNDA_ADMIN)));
        log.info("Created the initial administrator '{}' (fapiaoflow.security.initial-admin-password)", USER);
    }
}
