package dev.fapiaoflow.order;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import dev.fapiaoflow.shared.Texts;

/** An order as the school's shop pushes it (API.md, "Orders"). */
public record OrderPush(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_-]+", message = "{order.orderNo.pattern}") String orderNo,
        @NotBlank @Size(max = 64) String customer,
        @NotNull OffsetDateTime paidAt,
        @NotEmpty @Size(max = 200) List<@Valid @NotNull Item> items,
        @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal paidAmount,
        @NotNull OrderStatus status,
        @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal refundedAmount) {

    public record Item(
            @NotBlank @Size(max = 64) String sku,
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 32) @Pattern(regexp = "[A-Z_]+", message = "{order.category.pattern}") String category,
            @NotNull @DecimalMin(value = "0.01") @Digits(integer = 10, fraction = 2) BigDecimal quantity,
            @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal unitPrice) {
    }
}
