package dev.fapiaoflow.demo;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.fapiaoflow.buyer.BuyerDetails;
import dev.fapiaoflow.buyer.BuyerProfileService;
import dev.fapiaoflow.buyer.BuyerType;
import dev.fapiaoflow.buyer.TaxpayerKind;
import dev.fapiaoflow.order.OrderPush;
import dev.fapiaoflow.order.OrderService;
import dev.fapiaoflow.order.OrderStatus;
import dev.fapiaoflow.shared.Groups;

/**
 * The demo users of API.md (password {@code demo}) with a few paid orders and saved titles, loaded once
 * when {@code fapiaoflow.demo-data} is on (the embedded default).
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "fapiaoflow.demo-data", havingValue = "true")
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    static final String PASSWORD = "demo";

    /** user → groups, display name, e-mail */
    private static final List<DemoUser> USERS = List.of(
            new DemoUser("alice", "爱丽丝", "alice@example.com", List.of(Groups.CUSTOMER)),
            new DemoUser("acme", "北京某某科技有限公司", "ap@acme.example.com", List.of(Groups.CUSTOMER)),
            new DemoUser("shop", "网校商城", "shop@school.example", List.of(Groups.SHOP)),
            new DemoUser("reviewer", "王审核", "reviewer@school.example", List.of(Groups.FINANCE_REVIEWER)),
            new DemoUser("manager", "李经理", "manager@school.example", List.of(Groups.FINANCE_MANAGER, Groups.FINANCE_REVIEWER)),
            new DemoUser("service", "赵客服", "service@school.example", List.of(Groups.CUSTOMER_SERVICE)),
            new DemoUser("owner", "钱流程", "owner@school.example", List.of(Groups.PROCESS_OWNER)),
            new DemoUser("admin", "管理员", "admin@school.example", List.of(Groups.ADMIN, Groups.CAMUNDA_ADMIN)));

    private record DemoUser(String id, String name, String email, List<String> groups) {
    }

    private final IdentityService identityService;
    private final OrderService orders;
    private final BuyerProfileService buyerProfiles;

    DemoData(IdentityService identityService, OrderService orders, BuyerProfileService buyerProfiles) {
        this.identityService = identityService;
        this.orders = orders;
        this.buyerProfiles = buyerProfiles;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (identityService.createUserQuery().userId("alice").count() > 0) {
            return;
        }
        USERS.forEach(this::createUser);
        for (DemoOrder order : DEMO_ORDERS) {
            BigDecimal total = order.items().stream().map(i -> i.quantity().multiply(i.unitPrice()))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            orders.upsert(new OrderPush(order.orderNo(), order.customer(), OffsetDateTime.parse(order.paidAt()), order.items(),
                    total, OrderStatus.PAID, null));
        }
        buyerProfiles.save("alice", new BuyerDetails(BuyerType.PERSONAL, "爱丽丝", null, null, null, null, null,
                "alice@example.com", null));
        buyerProfiles.save("acme", new BuyerDetails(BuyerType.ENTERPRISE, "北京某某科技有限公司", "91110108351303601C",
                "北京市海淀区中关村南大街5号 010-12345678", "010-12345678", "招商银行北京海淀支行", "110902345610101",
                "ap@acme.example.com", TaxpayerKind.GENERAL));
        log.info("Demo data loaded: users {} (password '{}')", USERS.stream().map(DemoUser::id).toList(), PASSWORD);
    }

    private void createUser(DemoUser demo) {
        if (identityService.createUserQuery().userId(demo.id()).count() > 0) {
            return; // e.g. the initial administrator
        }
        User user = identityService.newUser(demo.id());
        user.setFirstName(demo.name());
        user.setLastName("");
        user.setEmail(demo.email());
        user.setPassword(PASSWORD);
        identityService.saveUser(user);
        demo.groups().forEach(group -> identityService.createMembership(demo.id(), group));
    }

    private record DemoOrder(String customer, String orderNo, String paidAt, List<OrderPush.Item> items) {
    }

    private static final List<DemoOrder> DEMO_ORDERS = List.of(
            new DemoOrder("alice", "SO-2026-0001", "2026-11-02T10:15:00+08:00",
                    List.of(item("PY-101", "Python 入门课", "TRAINING", "1", "1999.00"))),
            new DemoOrder("alice", "SO-2026-0002", "2026-11-05T20:30:00+08:00",
                    List.of(item("DS-201", "数据分析实战课", "TRAINING", "1", "2999.00"),
                            item("BK-007", "《利用 Python 进行数据分析》", "BOOK", "1", "119.00"))),
            new DemoOrder("alice", "SO-2026-0003", "2026-11-09T09:00:00+08:00",
                    List.of(item("ML-301", "机器学习进阶课", "TRAINING", "1", "3999.00"))),
            new DemoOrder("acme", "SO-2026-1001", "2026-11-03T14:00:00+08:00",
                    List.of(item("CORP-50", "企业数字化培训（50人）", "TRAINING", "50", "1200.00"))),
            new DemoOrder("acme", "SO-2026-1002", "2026-11-10T16:45:00+08:00",
                    List.of(item("CON-01", "培训方案咨询", "CONSULTING", "1", "8000.00"))));

    private static OrderPush.Item item(String sku, String name, String category, String quantity, String unitPrice) {
        return new OrderPush.Item(sku, name, category, new BigDecimal(quantity), new BigDecimal(unitPrice));
    }
}
