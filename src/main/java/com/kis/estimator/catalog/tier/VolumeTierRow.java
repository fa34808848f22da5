package com.kis.estimator.catalog.tier;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One step of a volume discount scale; category {@code null} is the general scale. */
@Entity
@Table(schema = "estimator", name = "volume_tiers")
public class VolumeTierRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String category;
    @Column(name = "min_quantity", nullable = false)
    private BigDecimal minQuantity;
    @Column(name = "discount_rate", nullable = false)
    private BigDecimal discountRate;
    @Column(nullable = false)
    private boolean demo;

    protected VolumeTierRow() {
    }

    public VolumeTierRow(String category, BigDecimal minQuantity, BigDecimal discountRate, boolean demo) {
        this.category = category;
        this.minQuantity = minQuantity;
        this.discountRate = discountRate;
        this.demo = demo;
    }

    public String getCategory() { return category; }
    public BigDecimal getMinQuantity() { return minQuantity; }
    public BigDecimal getDiscountRate() { return discountRate; }
    public boolean isDemo() { return demo; }
}
