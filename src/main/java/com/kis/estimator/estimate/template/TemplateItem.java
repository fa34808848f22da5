package com.kis.estimator.estimate.template;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

@Entity
@Table(schema = "estimator", name = "estimate_template_items")
public class TemplateItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "template_id")
    private EstimateTemplate template;
    @Column(name = "line_no", nullable = false)
    private int lineNo;
    @Column(name = "product_code", nullable = false)
    private String productCode;
    @Column(nullable = false)
    private BigDecimal quantity;
    @Column(name = "discount_rate", nullable = false)
    private BigDecimal discountRate;
    private String note;

    protected TemplateItem() {
    }

    public TemplateItem(String productCode, BigDecimal quantity, BigDecimal discountRate, String note) {
        this.productCode = productCode;
        this.quantity = quantity;
        this.discountRate = discountRate;
        this.note = note;
    }

    void belongTo(EstimateTemplate template, int lineNo) {
        this.template = template;
        this.lineNo = lineNo;
    }

    public String getProductCode() { return productCode; }
    public BigDecimal getQuantity() { return quantity; }
    public BigDecimal getDiscountRate() { return discountRate; }
    public String getNote() { return note; }
}
