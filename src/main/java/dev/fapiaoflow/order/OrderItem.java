package dev.fapiaoflow.order;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "order_item")
class OrderItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "line_no")
    private int lineNo;

    private String sku;
    private String name;
    private String category;
    private BigDecimal quantity;

    @Column(name = "unit_price")
    private BigDecimal unitPrice;

    protected OrderItem() {
    }

    OrderItem(int lineNo, OrderPush.Item item) {
        this.lineNo = lineNo;
        this.sku = item.sku();
        this.name = item.name();
        this.category = item.category();
        this.quantity = item.quantity();
        this.unitPrice = item.unitPrice();
    }

    BigDecimal listAmount() {
        return quantity.multiply(unitPrice).setScale(2, java.math.RoundingMode.HALF_UP);
    }

    String sku() {
        return sku;
    }

    String name() {
        return name;
    }

    String category() {
        return category;
    }

    BigDecimal quantity() {
        return quantity;
    }

    OrderView.Item toView() {
        return new OrderView.Item(sku, name, category, quantity.stripTrailingZeros(), unitPrice);
    }
}
