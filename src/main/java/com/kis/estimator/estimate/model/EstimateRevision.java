package com.kis.estimator.estimate.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.kis.estimator.platform.crypto.EncryptedString;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

/**
 * One revision of an estimate: a complete, immutable snapshot of what was quoted — customer, validity,
 * discount, every line with its price waterfall, and the totals — as priced on {@code pricingDate}.
 */
@Entity
@Table(schema = "estimator", name = "estimate_revisions")
public class EstimateRevision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "estimate_id", updatable = false)
    private Estimate estimate;
    @Column(nullable = false, updatable = false)
    private int revision;
    @Column(name = "customer_code", nullable = false, updatable = false)
    private String customerCode;
    @Column(name = "customer_name", nullable = false, updatable = false)
    private String customerName;
    @Column(name = "customer_brn", nullable = false, updatable = false)
    @Convert(converter = EncryptedString.class)
    private String customerBrn;
    @Column(name = "customer_tier", nullable = false, updatable = false)
    private String customerTier;
    @Column(name = "price_list_code", updatable = false)
    private String priceListCode;
    @Column(name = "pricing_date", nullable = false, updatable = false)
    private LocalDate pricingDate;
    @Column(name = "valid_until", nullable = false, updatable = false)
    private LocalDate validUntil;
    @Column(name = "discount_rate", nullable = false, updatable = false)
    private BigDecimal discountRate;
    @Column(updatable = false)
    private String note;
    @Column(nullable = false, updatable = false)
    private BigDecimal subtotal;
    @Column(name = "discount_amount", nullable = false, updatable = false)
    private BigDecimal discountAmount;
    @Column(name = "supply_amount", nullable = false, updatable = false)
    private BigDecimal supplyAmount;
    @Column(nullable = false, updatable = false)
    private BigDecimal vat;
    @Column(nullable = false, updatable = false)
    private BigDecimal total;
    @Column(nullable = false, updatable = false)
    private BigDecimal cost;
    @Column(nullable = false, updatable = false)
    private BigDecimal margin;
    @Column(name = "margin_rate", nullable = false, updatable = false)
    private BigDecimal marginRate;
    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @OneToMany(mappedBy = "revision", cascade = CascadeType.ALL)
    @OrderBy("lineNo")
    private List<EstimateItem> items = new ArrayList<>();

    protected EstimateRevision() {
    }

    EstimateRevision(Builder builder) {
        this.estimate = builder.estimate;
        this.revision = builder.revision;
        this.customerCode = builder.customerCode;
        this.customerName = builder.customerName;
        this.customerBrn = builder.customerBrn;
        this.customerTier = builder.customerTier;
        this.priceListCode = builder.priceListCode;
        this.pricingDate = builder.pricingDate;
        this.validUntil = builder.validUntil;
        this.discountRate = builder.discountRate;
        this.note = builder.note;
        this.subtotal = builder.subtotal;
        this.discountAmount = builder.discountAmount;
        this.supplyAmount = builder.supplyAmount;
        this.vat = builder.vat;
        this.total = builder.total;
        this.cost = builder.cost;
        this.margin = builder.margin;
        this.marginRate = builder.marginRate;
        this.createdBy = builder.createdBy;
        this.createdAt = builder.createdAt;
        builder.items.forEach(item -> item.belongTo(this));
        this.items.addAll(builder.items);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Long getId() { return id; }
    public Estimate getEstimate() { return estimate; }
    public int getRevision() { return revision; }
    public String getCustomerCode() { return customerCode; }
    public String getCustomerName() { return customerName; }
    public String getCustomerBrn() { return customerBrn; }
    public String getCustomerTier() { return customerTier; }
    public String getPriceListCode() { return priceListCode; }
    public LocalDate getPricingDate() { return pricingDate; }
    public LocalDate getValidUntil() { return validUntil; }
    public BigDecimal getDiscountRate() { return discountRate; }
    public String getNote() { return note; }
    public BigDecimal getSubtotal() { return subtotal; }
    public BigDecimal getDiscountAmount() { return discountAmount; }
    public BigDecimal getSupplyAmount() { return supplyAmount; }
    public BigDecimal getVat() { return vat; }
    public BigDecimal getTotal() { return total; }
    public BigDecimal getCost() { return cost; }
    public BigDecimal getMargin() { return margin; }
    public BigDecimal getMarginRate() { return marginRate; }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public List<EstimateItem> getItems() { return items; }

    /** Collects a revision's values; the many fields make a constructor unreadable. */
    public static final class Builder {
        private Estimate estimate;
        private int revision;
        private String customerCode;
        private String customerName;
        private String customerBrn;
        private String customerTier;
        private String priceListCode;
        private LocalDate pricingDate;
        private LocalDate validUntil;
        private BigDecimal discountRate;
        private String note;
        private BigDecimal subtotal;
        private BigDecimal discountAmount;
        private BigDecimal supplyAmount;
        private BigDecimal vat;
        private BigDecimal total;
        private BigDecimal cost;
        private BigDecimal margin;
        private BigDecimal marginRate;
        private String createdBy;
        private Instant createdAt;
        private List<EstimateItem> items = List.of();

        public Builder of(Estimate estimate, int revision) {
            this.estimate = estimate;
            this.revision = revision;
            return this;
        }

        public Builder customer(String code, String name, String brn, String tier, String priceListCode) {
            this.customerCode = code;
            this.customerName = name;
            this.customerBrn = brn;
            this.customerTier = tier;
            this.priceListCode = priceListCode;
            return this;
        }

        public Builder terms(LocalDate pricingDate, LocalDate validUntil, BigDecimal discountRate, String note) {
            this.pricingDate = pricingDate;
            this.validUntil = validUntil;
            this.discountRate = discountRate;
            this.note = note;
            return this;
        }

        public Builder totals(BigDecimal subtotal, BigDecimal discountAmount, BigDecimal supplyAmount, BigDecimal vat,
                BigDecimal total) {
            this.subtotal = subtotal;
            this.discountAmount = discountAmount;
            this.supplyAmount = supplyAmount;
            this.vat = vat;
            this.total = total;
            return this;
        }

        public Builder margin(BigDecimal cost, BigDecimal margin, BigDecimal marginRate) {
            this.cost = cost;
            this.margin = margin;
            this.marginRate = marginRate;
            return this;
        }

        public Builder created(String by, Instant at) {
            this.createdBy = by;
            this.createdAt = at;
            return this;
        }

        public Builder items(List<EstimateItem> items) {
            this.items = List.copyOf(items);
            return this;
        }

        public EstimateRevision build() {
            return new EstimateRevision(this);
        }
    }
}
