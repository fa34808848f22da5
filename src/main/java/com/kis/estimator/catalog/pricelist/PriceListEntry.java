package com.kis.estimator.catalog.pricelist;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.kis.estimator.catalog.product.Product;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One agreed unit price of a product, valid from a date to an optional end date (inclusive). */
@Entity
@Table(schema = "estimator", name = "price_list_entries")
public class PriceListEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "price_list_id")
    private PriceList priceList;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "product_id")
    private Product product;
    @Column(nullable = false)
    private BigDecimal price;
    @Column(name = "valid_from", nullable = false)
    private LocalDate validFrom;
    @Column(name = "valid_to")
    private LocalDate validTo;

    protected PriceListEntry() {
    }

    public PriceListEntry(Product product, BigDecimal price, LocalDate validFrom, LocalDate validTo) {
        this.product = product;
        this.price = price;
        this.validFrom = validFrom;
        this.validTo = validTo;
    }

    void belongTo(PriceList priceList) {
        this.priceList = priceList;
    }

    public PriceList getPriceList() { return priceList; }
    public Product getProduct() { return product; }
    public BigDecimal getPrice() { return price; }
    public LocalDate getValidFrom() { return validFrom; }
    public LocalDate getValidTo() { return validTo; }
}
