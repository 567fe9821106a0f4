package dev.fapiaoflow.security;

import dev.fapiaoflow.shared.Groups;
import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the roles of DESIGN.md as Camunda groups and grants them what they need in Tasklist, Cockpit
 * and the REST API (Camunda authorization checks are on). Idempotent, so every node may run it at start.
 */
@Component
@Order(0)
class CamundaAccessSetup implements ApplicationRunner {

    /** every group FapiaoFlow knows; an identity provider's groups are mapped onto these (OidcClaims) */
    static final Map<String, String> GROUP_NAMES = Map.of(
            Groups.CUSTOMER, "客户 Customers",
            Groups.SHOP, "网校商城 Shop integration",
            Groups.FINANCE_REVIEWER, "财务审核 Finance reviewers",
            Groups.FINANCE_MANAGER, "财务经理 Finance managers",
            Groups.CUSTOMER_SERVICE, "客服 Customer service",
            Groups.PROCESS_OWNER, "流程负责人 Process owners",
            Groups.ADMIN, "管理员 Administrators",
            Groups.CAMUNDA_ADMIN, "Camunda administrators");

    /** the processes whose tasks a group works on (candidate groups in bpmn/); tasks themselves are granted per task */
    static final Map<String, List<String>> PROCESSES_OF = Map.of(
            Groups.FINANCE_REVIEWER, List.of("invoice-request", "special-vat-approval", "invoice-issuance", "invoice-delivery",
                    "invoice-dispute", "refund-red-letter"),
            Groups.FINANCE_MANAGER, List.of("invoice-request", "special-vat-approval", "invoice-issuance", "invoice-delivery",
                    "invoice-dispute", "refund-red-letter"),
            Groups.CUSTOMER_SERVICE, List.of("invoice-dispute"));

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;

    CamundaAccessSetup(IdentityService identityService, AuthorizationService authorizationService) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
    }

    @Override
    public void run(ApplicationArguments args) {
        GROUP_NAMES.forEach(this::ensureGroup);

        for (String staff : List.of(Groups.FINANCE_REVIEWER, Groups.FINANCE_MANAGER, Groups.CUSTOMER_SERVICE)) {
            grant(staff, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(staff, Resources.FILTER, ANY, Permissions.READ);
            // each group reads the definitions of its own processes only (an earlier version granted all of them)
            revoke(staff, Resources.PROCESS_DEFINITION, ANY);
            PROCESSES_OF.get(staff).forEach(process -> grant(staff, Resources.PROCESS_DEFINITION, process, Permissions.READ));
        }

        String owner = Groups.PROCESS_OWNER;
        grant(owner, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(owner, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(owner, Resources.FILTER, ANY, Permissions.READ);
        for (Resource resource : List.of(Resources.DEPLOYMENT, Resources.PROCESS_DEFINITION, Resources.PROCESS_INSTANCE,
                Resources.DECISION_DEFINITION, Resources.DECISION_REQUIREMENTS_DEFINITION, Resources.TASK,
                Resources.HISTORIC_PROCESS_INSTANCE, Resources.HISTORIC_TASK)) {
            grant(owner, resource, ANY, Permissions.ALL);
        }

        for (Resources resource : Resources.values()) {
            grant(Groups.CAMUNDA_ADMIN, resource, ANY, Permissions.ALL);
        }
    }

    private void ensureGroup(String id, String name) {
        if (identityService.createGroupQuery().groupId(id).count() == 0) {
            Group group = identityService.newGroup(id);
            group.setName(name);
            group.setType(Groups.CAMUNDA_ADMIN.equals(id) ? "SYSTEM" : "WORKFLOW");
            identityService.saveGroup(group);
        }
    }

    private void revoke(String groupId, Resource resource, String resourceId) {
        authorizationService.createAuthorizationQuery().groupIdIn(groupId).resourceType(resource).resourceId(resourceId).list()
                .forEach(authorization -> authorizationService.deleteAuthorization(authorization.getId()));
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission permission) {
        boolean present = authorizationService.createAuthorizationQuery()
                .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).count() > 0;
        if (present) {
            return;
        }
        Authorization authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId(groupId);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        authorization.addPermission(permission);
        authorizationService.saveAuthorization(authorization);
    }
}
