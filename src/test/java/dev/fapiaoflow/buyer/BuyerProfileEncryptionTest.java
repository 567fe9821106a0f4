package dev.fapiaoflow.buyer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.fapiaoflow.support.SpringTestBase;

/** Same context configuration as {@link BuyerProfileApiTest}, so Spring reuses one context. */
class BuyerProfileEncryptionTest extends SpringTestBase {

    @Autowired
    BuyerProfileService service;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void freshCustomer(@Autowired IdentityService identity) {
        TestCustomers.ensureExist(identity);
        jdbc.update("DELETE FROM buyer_profile WHERE owner = ?", TestCustomers.LI);
    }

    @Test
    void keepsEverySensitiveColumnEncryptedAtRest() {
        BuyerDetails company = Buyers.company();
        long id = service.save(TestCustomers.LI, company).id();

        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM buyer_profile WHERE id = ?", id);
        Map<String, String> clear = Map.of("TITLE", company.title(), "TAX_ID", company.taxId(),
                "ADDRESS", company.address(), "PHONE", company.phone(), "BANK_NAME", company.bankName(),
                "BANK_ACCOUNT", company.bankAccount(), "EMAIL", company.email());
        clear.forEach((column, value) -> assertThat((String) row.get(column)).as(column)
                .isNotBlank().doesNotContain(value));
        assertThat(row.get("BUYER_TYPE")).isEqualTo("ENTERPRISE");

        assertThat(service.details(TestCustomers.LI, id)).contains(company);
    }

    @Test
    void givesDetailsOnlyToTheOwner() {
        long id = service.save(TestCustomers.LI, Buyers.person("李四")).id();

        assertThat(service.details(TestCustomers.WANG, id)).isEmpty();
        assertThat(service.details(TestCustomers.LI, id)).map(BuyerDetails::title).contains("李四");
    }
}
