package dev.fapiaoflow.security;

import dev.fapiaoflow.shared.Groups;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.fapiaoflow.shared.FieldError;
import dev.fapiaoflow.shared.InvalidInputException;
import dev.fapiaoflow.shared.NotFoundException;
import dev.fapiaoflow.shared.Texts;

/**
 * The administrator's user management over Camunda's identity store (the one store, ADR 0005): users, passwords
 * (bcrypt through {@link PasswordHashingPlugin}), locks, group memberships.
 */
@Service
public class UserAdministration {

    private static final Pattern USER_ID = Pattern.compile("[a-zA-Z0-9]{1,64}");
    static final int MIN_PASSWORD = 8;
    /** bcrypt reads 72 bytes, Camunda's salt takes 24 of them */
    static final int MAX_PASSWORD_BYTES = BcryptPasswordEncryptor.MAX_BYTES - 24;

    private final IdentityService identityService;
    private final AccountLocks locks;
    private final LoginThrottle throttle;
    private final VerifiedCredentials verified;

    UserAdministration(IdentityService identityService, AccountLocks locks, LoginThrottle throttle,
            VerifiedCredentials verified) {
        this.identityService = identityService;
        this.locks = locks;
        this.throttle = throttle;
        this.verified = verified;
    }

    public record UserRow(String id, String name, String email, List<String> groups, boolean lockedByAdmin,
            boolean lockedAfterFailures, int failedAttempts) {
    }

    public record NewUser(String id, String firstName, String lastName, String email, String password, List<String> groups) {
    }

    @Transactional(readOnly = true)
    public List<UserRow> users() {
        return identityService.createUserQuery().orderByUserId().asc().list().stream().map(this::row).toList();
    }

    @Transactional(readOnly = true)
    public UserRow user(String id) {
        return row(find(id));
    }

    /** the roles an administrator may hand out: Camunda's groups */
    @Transactional(readOnly = true)
    public List<Group> groups() {
        return identityService.createGroupQuery().orderByGroupId().asc().list();
    }

    @Transactional
    public void create(NewUser command) {
        List<FieldError> errors = new ArrayList<>();
        if (command.id() == null || !USER_ID.matcher(command.id()).matches()) {
            errors.add(new FieldError("id", Texts.of("user.id.invalid")));
        } else if (identityService.createUserQuery().userId(command.id()).count() > 0) {
            errors.add(new FieldError("id", "already exists"));
        }
        if (command.email() != null && !command.email().isBlank() && !command.email().matches("[^@\\s]+@[^@\\s]+")) {
            errors.add(new FieldError("email", Texts.of("user.email.invalid")));
        }
        passwordErrors(command.password(), errors);
        errors.addAll(unknownGroups(command.groups() == null ? List.of() : command.groups()));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        User user = identityService.newUser(command.id());
        user.setFirstName(blankToNull(command.firstName()));
        user.setLastName(blankToNull(command.lastName()));
        user.setEmail(blankToNull(command.email()));
        user.setPassword(command.password());
        identityService.saveUser(user);
        if (command.groups() != null) {
            command.groups().forEach(group -> identityService.createMembership(command.id(), group));
        }
    }

    @Transactional
    public void setPassword(String id, String password) {
        User user = find(id);
        List<FieldError> errors = new ArrayList<>();
        passwordErrors(password, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        user.setPassword(password);
        identityService.saveUser(user);
    }

    @Transactional
    public void lock(String id, String administrator) {
        find(id);
        if (id.equals(administrator)) {
            throw new InvalidInputException("id", Texts.of("user.lockSelf"));
        }
        locks.lock(id, administrator);
    }

    /** lifts every lock: the administrator's, and the back-off and bounded lock after failed logins */
    @Transactional
    public void unlock(String id) {
        find(id);
        locks.unlock(id);
        throttle.clear(id);
        identityService.unlockUser(id);
    }

    @Transactional
    public void addToGroup(String id, String group) {
        find(id);
        List<FieldError> errors = unknownGroups(List.of(group == null ? "" : group));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (identityService.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
            identityService.createMembership(id, group);
        }
        verified.forget(id);
    }

    @Transactional
    public void removeFromGroup(String id, String group, String administrator) {
        find(id);
        if (id.equals(administrator) && Groups.ADMIN.equals(group)) {
            throw new InvalidInputException("group", Texts.of("user.demoteSelf"));
        }
        identityService.deleteMembership(id, group);
        verified.forget(id);
    }

    private UserRow row(User user) {
        List<String> groups = identityService.createGroupQuery().groupMember(user.getId()).orderByGroupId().asc().list().stream()
                .map(Group::getId).toList();
        int attempts = user instanceof UserEntity entity ? entity.getAttempts() : 0;
        String name = String.join(" ", nonNull(user.getFirstName()), nonNull(user.getLastName())).trim();
        return new UserRow(user.getId(), name, user.getEmail(), groups, locks.isLocked(user.getId()),
                throttle.accountLockedUntil(user.getId()).isPresent(), attempts);
    }

    private User find(String id) {
        User user = id == null ? null : identityService.createUserQuery().userId(id).singleResult();
        if (user == null) {
            throw new NotFoundException("user", id);
        }
        return user;
    }

    private static void passwordErrors(String password, List<FieldError> errors) {
        if (password == null || password.length() < MIN_PASSWORD) {
            errors.add(new FieldError("password", "at least " + MIN_PASSWORD + " characters"));
        } else if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            errors.add(new FieldError("password", "at most " + MAX_PASSWORD_BYTES + " bytes (UTF-8)"));
        }
    }

    private List<FieldError> unknownGroups(Collection<String> wanted) {
        Set<String> known = Set.copyOf(groups().stream().map(Group::getId).toList());
        return wanted.stream().filter(group -> !known.contains(group))
                .map(group -> new FieldError("groups", "unknown group: " + group)).toList();
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
