package com.kis.estimator.estimate.model;

import java.math.BigDecimal;

import com.kis.estimator.pricing.PriceWaterfall;
import com.kis.estimator.pricing.PricedLine;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A line of an estimate revision with its stored price waterfall and the product as it was described then. */
@Entity
@Table(schema = "estimator", name = "estimate_items")
public class EstimateItem {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "estimate_items_seq")
    @SequenceGenerator(name = "estimate_items_seq", schema = "estimator", sequenceName = "estimate_items_seq",
            allocationSize = 50)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "revision_id", updatable = false)
    private EstimateRevision revision;
    @Column(name = "line_no", nullable = false, updatable = false)
    private int lineNo;
    @Column(name = "product_code", nullable = false, updatable = false)
    private String productCode;
    @Column(name = "product_name", nullable = false, updatable = false)
    private String productName;
    @Column(updatable = false)
    private String spec;
    @Column(nullable = false, updatable = false)
    private String unit;
    @Column(nullable = false, updatable = false)
    private BigDecimal quantity;
    @Column(name = "list_price", nullable = false, updatable = false)
    private BigDecimal listPrice;
    @Column(name = "price_list_code", updatable = false)
    private String priceListCode;
    @Column(name = "unit_price", nullable = false, updatable = false)
    private BigDecimal unitPrice;
    @Column(name = "gross_amount", nullable = false, updatable = false)
    private BigDecimal grossAmount;
    @Column(name = "tier_discount_rate", nullable = false, updatable = false)
    private BigDecimal tierDiscountRate;
    @Column(name = "tier_discount_amount", nullable = false, updatable = false)
    private BigDecimal tierDiscountAmount;
    @Column(name = "discount_rate", nullable = false, updatable = false)
    private BigDecimal discountRate;
    @Column(name = "discount_amount", nullable = false, updatable = false)
    private BigDecimal discountAmount;
    @Column(name = "net_amount", nullable = false, updatable = false)
    private BigDecimal netAmount;
    @Column(nullable = false, updatable = false)
    private BigDecimal cost;
    @Column(nullable = false, updatable = false)
    private BigDecimal margin;
    @Column(name = "margin_rate", nullable = false, updatable = false)
    private BigDecimal marginRate;
    @Column(name = "price_version", nullable = false, updatable = false)
    private long priceVersion;
    @Column(updatable = false)
    private String note;

    protected EstimateItem() {
    }

    public EstimateItem(int lineNo, String productName, String spec, String unit, PricedLine line, String note) {
        PriceWaterfall waterfall = line.waterfall();
        this.lineNo = lineNo;
        this.productCode = line.productCode();
        this.productName = productName;
        this.spec = spec;
        this.unit = unit;
        this.quantity = line.quantity();
        this.listPrice = waterfall.listPrice();
        this.priceListCode = waterfall.priceListCode();
        this.unitPrice = waterfall.unitPrice();
        this.grossAmount = waterfall.grossAmount();
        this.tierDiscountRate = waterfall.tierDiscountRate();
        this.tierDiscountAmount = waterfall.tierDiscountAmount();
        this.discountRate = waterfall.lineDiscountRate();
        this.discountAmount = waterfall.lineDiscountAmount();
        this.netAmount = waterfall.netAmount();
        this.cost = line.cost();
        this.margin = line.margin();
        this.marginRate = line.marginRate();
        this.priceVersion = line.priceVersion();
        this.note = note;
    }

    void belongTo(EstimateRevision revision) {
        this.revision = revision;
    }

    public int getLineNo() { return lineNo; }
    public String getProductCode() { return productCode; }
    public String getProductName() { return productName; }
    public String getSpec() { return spec; }
    public String getUnit() { return unit; }
    public BigDecimal getQuantity() { return quantity; }
    public BigDecimal getListPrice() { return listPrice; }
    public String getPriceListCode() { return priceListCode; }
    public BigDecimal getUnitPrice() { return unitPrice; }
    public BigDecimal getGrossAmount() { return grossAmount; }
    public BigDecimal getTierDiscountRate() { return tierDiscountRate; }
    public BigDecimal getTierDiscountAmount() { return tierDiscountAmount; }
    public BigDecimal getDiscountRate() { return discountRate; }
    public BigDecimal getDiscountAmount() { return discountAmount; }
    public BigDecimal getNetAmount() { return netAmount; }
    public BigDecimal getCost() { return cost; }
    public BigDecimal getMargin() { return margin; }
    public BigDecimal getMarginRate() { return marginRate; }
    public long getPriceVersion() { return priceVersion; }
    public String getNote() { return note; }
}
