package com.kis.estimator.catalog.product;

import java.math.BigDecimal;

import com.kis.estimator.platform.persistence.TrackedEntity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A product of the catalog (품목). Its price version increases whenever list price or cost changes. */
@Entity
@Table(schema = "estimator", name = "products")
public class Product extends TrackedEntity {

    @Column(nullable = false, updatable = false)
    private String code;
    @Column(nullable = false)
    private String name;
    private String spec;
    @Column(nullable = false)
    private String category;
    @Column(nullable = false)
    private String unit;
    @Column(name = "list_price", nullable = false)
    private BigDecimal listPrice;
    @Column(nullable = false)
    private BigDecimal cost;
    @Column(nullable = false)
    private boolean active;
    @Column(name = "price_version", nullable = false)
    private long priceVersion;
    @Column(nullable = false)
    private boolean demo;

    protected Product() {
    }

    public Product(String code, boolean demo) {
        this.code = code;
        this.demo = demo;
        this.priceVersion = 1;
    }

    public void describe(String name, String spec, String category, String unit, boolean active) {
        this.name = name;
        this.spec = spec;
        this.category = category;
        this.unit = unit;
        this.active = active;
    }

    /** Sets list price and cost; returns true when either changed, which makes a new price version. */
    public boolean reprice(BigDecimal listPrice, BigDecimal cost) {
        boolean changed = this.listPrice != null
                && (this.listPrice.compareTo(listPrice) != 0 || this.cost.compareTo(cost) != 0);
        this.listPrice = listPrice;
        this.cost = cost;
        if (changed) {
            priceVersion++;
        }
        return changed;
    }

    public String getCode() { return code; }
    public String getName() { return name; }
    public String getSpec() { return spec; }
    public String getCategory() { return category; }
    public String getUnit() { return unit; }
    public BigDecimal getListPrice() { return listPrice; }
    public BigDecimal getCost() { return cost; }
    public boolean isActive() { return active; }
    public long getPriceVersion() { return priceVersion; }
    public boolean isDemo() { return demo; }
}
