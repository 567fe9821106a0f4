package dev.fapiaoflow.shared;

import java.util.List;

/** Camunda group ids; they double as Spring Security authorities. */
public final class Groups {

    public static final String CUSTOMER = "customer";
    public static final String SHOP = "shop";
    public static final String FINANCE_REVIEWER = "finance-reviewer";
    public static final String FINANCE_MANAGER = "finance-manager";
    public static final String CUSTOMER_SERVICE = "customer-service";
    public static final String PROCESS_OWNER = "process-owner";
    public static final String ADMIN = "admin";
    /** Camunda's own administrators group: full rights in the webapps. */
    public static final String CAMUNDA_ADMIN = "camunda-admin";

    /** Staff who may see any customer's requests and invoices. */
    public static final List<String> BACK_OFFICE = List.of(FINANCE_REVIEWER, FINANCE_MANAGER, CUSTOMER_SERVICE);

    /** Who may use Camunda's webapps and REST API; Camunda's authorizations then decide what each may see and do. */
    public static final List<String> CAMUNDA_USERS = List.of(FINANCE_REVIEWER, FINANCE_MANAGER, CUSTOMER_SERVICE,
            PROCESS_OWNER, CAMUNDA_ADMIN);

    private Groups() {
    }
}
